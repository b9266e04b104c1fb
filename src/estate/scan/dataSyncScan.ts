// The Data Sync part of an estate scan: every subscription → its SQL servers → their user databases →
// sync groups with their members; sync agents per server. Requests that do not depend on each other go
// out together; the ARM pipeline's pacer keeps them inside each subscription's request budget.
// Shortcuts that cut requests (docs/rest-core.md "Estate scan"): servers come from one subscription-level
// list (not per resource group); databases from one ARM Resources list by type (not per server), falling
// back to per-server lists if that call is refused; `master` is never asked for sync groups.
import type { ResourcesClient } from '../../azure/resources/resourcesClient';
import type { SqlServer } from '../../azure/sql/serverModels';
import type { SqlServersClient } from '../../azure/sql/sqlServersClient';
import type { SyncAgentsClient } from '../../azure/sql/syncAgentsClient';
import type { SyncGroupsClient } from '../../azure/sql/syncGroupsClient';
import type { SyncMembersClient } from '../../azure/sql/syncMembersClient';
import { isAbortError } from '../../azure/http/abortableDelay';
import { databaseRefFromId, serverRefFromId, syncGroupRefFromId } from '../../dataSync/dataSyncRefs';
import type { EstateCounts, EstateEvent } from './estateEvents';
import { guarded } from './scanGuard';

export interface DataSyncScanClients {
  servers: SqlServersClient;
  resources: ResourcesClient;
  syncGroups: SyncGroupsClient;
  syncMembers: SyncMembersClient;
  syncAgents: SyncAgentsClient;
}

const DATABASE_TYPE = 'Microsoft.Sql/servers/databases';

export async function scanDataSync(
  clients: DataSyncScanClients,
  subscriptionId: string,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('dataSync', subscriptionId, emit, signal, async () => {
    const [servers, databaseIds] = await Promise.all([
      clients.servers.listServers(subscriptionId, { signal }).toArray(),
      databasesByType(clients, subscriptionId, signal),
    ]);
    counts.servers += servers.length;
    const ids = databaseIds ?? (await databasesPerServer(clients, servers, emit, signal));
    const userDatabases = ids.filter((id) => !isMasterId(id));
    counts.databases += userDatabases.length;
    await Promise.all([
      ...servers.map((server) => scanAgents(clients, subscriptionId, server, emit, counts, signal)),
      ...userDatabases.map((id) => scanDatabase(clients, subscriptionId, id, emit, counts, signal)),
    ]);
  });
}

/** Database ids from one Resources list, or undefined when that list is refused (then per server). */
async function databasesByType(clients: DataSyncScanClients, subscriptionId: string, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    const resources = await clients.resources.listByType(subscriptionId, DATABASE_TYPE, signal).toArray();
    return resources.map((r) => r.id).filter((id): id is string => typeof id === 'string');
  } catch (e) {
    if (isAbortError(e) || signal?.aborted) throw e;
    return undefined;
  }
}

async function databasesPerServer(
  clients: DataSyncScanClients,
  servers: SqlServer[],
  emit: (event: EstateEvent) => void,
  signal?: AbortSignal,
): Promise<string[]> {
  const ids: string[] = [];
  await Promise.all(
    servers.map((server) =>
      guarded('dataSync', server.id ?? '', emit, signal, async () => {
        const dbs = await clients.servers.listDatabases(serverRefFromId(server.id ?? ''), { signal }).toArray();
        for (const db of dbs) if (db.id) ids.push(db.id);
      }),
    ),
  );
  return ids;
}

function isMasterId(id: string): boolean {
  return /\/databases\/master$/i.test(id);
}

async function scanAgents(
  clients: DataSyncScanClients,
  subscriptionId: string,
  server: SqlServer,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('dataSync', server.id ?? '', emit, signal, async () => {
    const agents = await clients.syncAgents.list(serverRefFromId(server.id ?? ''), signal).toArray();
    counts.syncAgents += agents.length;
    if (agents.length > 0) emit({ kind: 'syncAgents', subscriptionId, server, agents });
  });
}

async function scanDatabase(
  clients: DataSyncScanClients,
  subscriptionId: string,
  databaseId: string,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('dataSync', databaseId, emit, signal, async () => {
    const groups = await clients.syncGroups.list(databaseRefFromId(databaseId), signal).toArray();
    counts.syncGroups += groups.length;
    await Promise.all(
      groups.map((group) =>
        guarded('dataSync', group.id ?? databaseId, emit, signal, async () => {
          const members = await clients.syncMembers.list(syncGroupRefFromId(group.id ?? ''), signal).toArray();
          counts.syncMembers += members.length;
          emit({ kind: 'syncGroup', subscriptionId, databaseId, group, members });
        }),
      ),
    );
  });
}
