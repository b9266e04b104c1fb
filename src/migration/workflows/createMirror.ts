// Creates the planned mirrored database through the Fabric create workflow (same rules, same tracked
// operation as the wizard), waits while Fabric provisions it, then starts mirroring.
import type { FabricContext } from '../../fabric/fabricContext';
import { createMirroredDatabase, waitWhileInitializing } from '../../fabric/workflows/createWorkflows';
import { startMirroring } from '../../fabric/workflows/mirroringWorkflows';
import type { MigrationPlan } from './migrationPlan';

export interface MirrorChoice {
  workspaceId: string;
  workspaceName: string;
  connectionId: string;
  displayName: string;
}

export interface MirrorCreated {
  workspaceId: string;
  itemId: string;
  displayName: string;
  /** Status after start was asked for (Starting/Running), or why it was not started. */
  status?: string;
}

export async function createPlannedMirror(
  fabric: FabricContext,
  plan: MigrationPlan,
  choice: MirrorChoice,
  signal?: AbortSignal,
): Promise<MirrorCreated> {
  const { operation } = await createMirroredDatabase(fabric, {
    workspaceId: choice.workspaceId,
    displayName: choice.displayName,
    description: `Mirror of ${plan.hub.server}/${plan.hub.database}, the hub of sync group ${plan.groupName}.`.slice(0, 256),
    connectionId: choice.connectionId,
    database: plan.hub.database,
    tables: plan.mountedTables.length ? plan.mountedTables : undefined,
    defaultSchema: 'dbo',
  });
  const created = await operation.result;
  if (!created?.id) throw new Error('Fabric did not return the new mirrored database.');
  const target = {
    workspaceId: choice.workspaceId,
    itemId: created.id,
    displayName: choice.displayName,
    workspaceName: choice.workspaceName,
  };
  const status = await waitWhileInitializing(fabric, target, { signal });
  if (status !== 'Initialized' && status !== 'Stopped') return { ...target, status };
  const started = await startMirroring(fabric, target);
  return { ...target, status: await started.operation.result };
}
