// Mirroring of a mirrored database: start and stop (only where its status allows, else a
// MirroringStateError before anything is sent), and the database's and its tables' status. Start and
// stop answer at once; the transition that follows is handed to the operations center as a
// MirroringStatusPoller, so it shows "Starting…" until Running (or "Stopping…" until Stopped).
import type { MirroringStatusResponse, TableMirroringStatus } from '../../azure/fabric/fabricModels';
import type { MirroredDatabaseRef } from '../../azure/fabric/mirroredDatabasesClient';
import { MirroringStatusPoller } from '../../azure/lro/mirroringStatusPoller';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import { canStartMirroring, canStopMirroring, fabricItemPath, MirroringStateError, type MirroringAction } from './mirroringStates';

export const refOf = (target: FabricItemTarget): MirroredDatabaseRef => ({
  workspaceId: target.workspaceId,
  mirroredDatabaseId: target.itemId,
});

export async function readMirroringStatus(
  ctx: FabricContext,
  target: FabricItemTarget,
  signal?: AbortSignal,
): Promise<MirroringStatusResponse> {
  return ctx.clients().mirroredDatabases.getMirroringStatus(refOf(target), signal);
}

/** Every page of the table list. */
export async function readTableStatuses(
  ctx: FabricContext,
  target: FabricItemTarget,
  signal?: AbortSignal,
): Promise<TableMirroringStatus[]> {
  return ctx.clients().mirroredDatabases.listTablesMirroringStatus(refOf(target), signal).toArray();
}

export interface MirroringTransition {
  /** The status the database had when the action was sent. */
  from: string;
  /** Ends when the status reaches Running (start) or Stopped (stop). */
  operation: TrackedOperation<string>;
}

export function startMirroring(ctx: FabricContext, target: FabricItemTarget, signal?: AbortSignal): Promise<MirroringTransition> {
  return transition(ctx, target, 'start', signal);
}

export function stopMirroring(ctx: FabricContext, target: FabricItemTarget, signal?: AbortSignal): Promise<MirroringTransition> {
  return transition(ctx, target, 'stop', signal);
}

async function transition(
  ctx: FabricContext,
  target: FabricItemTarget,
  action: MirroringAction,
  signal: AbortSignal | undefined,
): Promise<MirroringTransition> {
  const clients = ctx.clients();
  const ref = refOf(target);
  const name = target.displayName ?? target.itemId;
  const from = (await clients.mirroredDatabases.getMirroringStatus(ref, signal)).status ?? 'Unknown';
  const allowed = action === 'start' ? canStartMirroring(from) : canStopMirroring(from);
  if (!allowed) throw new MirroringStateError(action, from, name);
  if (action === 'start') await clients.mirroredDatabases.startMirroring(ref, signal);
  else await clients.mirroredDatabases.stopMirroring(ref, signal);
  const title = `${action === 'start' ? 'Start' : 'Stop'} mirroring ${name}`;
  const poller = MirroringStatusPoller.waitFor(clients.fabric, {
    workspaceId: target.workspaceId,
    mirroredDatabaseId: target.itemId,
    target: action === 'start' ? 'Running' : 'Stopped',
    transient: action === 'start' ? ['Starting'] : ['Stopping'],
    operationName: title,
  });
  const operation = await ctx.operations.start(poller, {
    title,
    target: { label: name, resourceId: fabricItemPath(target.workspaceId, target.itemId) },
    environment: ctx.environmentKey(),
  });
  ctx.refresh(target.itemId);
  return { from, operation };
}
