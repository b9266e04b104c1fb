// The Fabric part of an estate scan: every workspace → its mirrored databases, each with its mirroring
// status and the tables whose mirroring failed. Table status is asked only of a database whose mirroring
// is Running: a database that is not mirroring has no table replication to fail (and Fabric answers its
// table status with an error), so this skips a call per stopped or initializing database.
import type { MirroredDatabasesClient } from '../../azure/fabric/mirroredDatabasesClient';
import type { FabricWorkspacesClient } from '../../azure/fabric/workspacesClient';
import type { MirroredDatabase, Workspace } from '../../azure/fabric/fabricModels';
import type { EstateCounts, EstateEvent } from './estateEvents';
import { guarded } from './scanGuard';

export interface FabricScanClients {
  workspaces: FabricWorkspacesClient;
  mirroredDatabases: MirroredDatabasesClient;
}

export async function scanFabric(
  clients: FabricScanClients,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('fabric', 'workspaces', emit, signal, async () => {
    const workspaces = await clients.workspaces.list({ signal }).toArray();
    counts.workspaces += workspaces.length;
    await Promise.all(
      workspaces.map((workspace) =>
        guarded('fabric', workspace.id ?? '', emit, signal, async () => {
          const items = await clients.mirroredDatabases.list(workspace.id ?? '', { signal }).toArray();
          counts.mirroredDatabases += items.length;
          await Promise.all(items.map((item) => scanMirroredDatabase(clients, workspace, item, emit, signal)));
        }),
      ),
    );
  });
}

async function scanMirroredDatabase(
  clients: FabricScanClients,
  workspace: Workspace,
  item: MirroredDatabase,
  emit: (event: EstateEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('fabric', item.id ?? '', emit, signal, async () => {
    const ref = { workspaceId: workspace.id ?? '', mirroredDatabaseId: item.id ?? '' };
    const status = await clients.mirroredDatabases.getMirroringStatus(ref, signal);
    const tables = status.status === 'Running' ? await clients.mirroredDatabases.listTablesMirroringStatus(ref, signal).toArray() : [];
    emit({ kind: 'mirroredDatabase', workspace, item, status, tables, failedTables: tables.filter((t) => t.status === 'Failed') });
  });
}
