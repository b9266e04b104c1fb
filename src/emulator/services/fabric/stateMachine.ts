// The mirroring state machine, advanced by the emulator clock: Initializing → Initialized after create;
// start (from Initialized / Stopped only) → Starting → Running, reseeding every table; stop → Stopping →
// Stopped (tables Stopped, data kept); a paused capacity leaves Running databases Paused.
import type { ServiceContext } from '../../core/context';
import type { MirroredDatabaseRecord, MirroringStatus } from '../../fabricModel';
import { fabricError } from './errors';
import { fabricState } from './state';
import { identityProblem, resolveSource } from './sourceTables';
import { advanceTable, reseedAll, syncTableList } from './tables';

const setStatus = (md: MirroredDatabaseRecord, status: MirroringStatus, now: number): void => {
  md.status = status;
  md.statusSince = now;
};

export const START_ALLOWED: MirroringStatus[] = ['Initialized', 'Stopped'];
export const STOP_ALLOWED: MirroringStatus[] = ['Starting', 'Running', 'Paused'];

export function startMirroring(ctx: ServiceContext, md: MirroredDatabaseRecord): void {
  if (!START_ALLOWED.includes(md.status))
    throw fabricError(
      400,
      'MirroringCannotBeStarted',
      `Mirroring can't be started while the mirrored database is ${md.status}; it can be started when its status is Initialized or Stopped.`,
    );
  const workspace = fabricState(ctx).workspaces[md.workspaceId.toLowerCase()];
  const capacity = workspace?.capacityId ? fabricState(ctx).capacities[workspace.capacityId.toLowerCase()] : undefined;
  if (capacity?.state === 'Paused')
    throw fabricError(
      400,
      'CapacityNotActive',
      `The capacity '${capacity.displayName}' of this workspace is paused; resume it before starting mirroring.`,
    );
  const now = ctx.now();
  setStatus(md, 'Starting', now);
  syncTableList(ctx, md);
  const source = resolveSource(ctx, md.mirroring);
  const problem = source.problem ?? identityProblem(ctx, source.server, md.workspaceId);
  md.error = problem;
  reseedAll(ctx, md, problem);
  md.metricsAt = now;
}

export function stopMirroring(ctx: ServiceContext, md: MirroredDatabaseRecord): void {
  if (!STOP_ALLOWED.includes(md.status))
    throw fabricError(
      400,
      'MirroringNotRunning',
      `Mirroring can't be stopped while the mirrored database is ${md.status}; it can be stopped when it is Starting, Running or Paused.`,
    );
  setStatus(md, 'Stopping', ctx.now());
}

function finishStop(md: MirroredDatabaseRecord, now: number): void {
  setStatus(md, 'Stopped', now);
  md.error = undefined;
  for (const t of md.tables) {
    if (t.status === 'Failed' && !t.injectedFailure) continue;
    t.status = 'Stopped';
    t.phaseStartedAt = undefined;
  }
}

/** One clock step for every mirrored database; returns whether anything changed. */
export function advanceMirroring(ctx: ServiceContext): boolean {
  const now = ctx.now();
  const o = ctx.options.fabric;
  let changed = false;
  for (const md of Object.values(fabricState(ctx).mirroredDatabases)) {
    const elapsed = now - md.statusSince;
    if (md.status === 'Initializing' && elapsed >= o.initializeMs) {
      setStatus(md, 'Initialized', now);
      changed = true;
    } else if (md.status === 'Starting' && elapsed >= o.startMs) {
      setStatus(md, 'Running', now);
      for (const t of md.tables) if (t.status === 'Snapshotting') t.phaseStartedAt = now;
      md.metricsAt = now;
      changed = true;
    } else if (md.status === 'Stopping' && elapsed >= o.stopMs) {
      finishStop(md, now);
      changed = true;
    } else if (md.status === 'Running') {
      changed = advanceRunning(md, now, o.snapshotMs) || changed;
    }
  }
  return changed;
}

/** Metrics advance at most once a second (or faster when snapshots are shorter); true on a status change. */
function advanceRunning(md: MirroredDatabaseRecord, now: number, snapshotMs: number): boolean {
  const step = Math.max(10, Math.min(1000, snapshotMs / 4));
  if (md.metricsAt !== undefined && now - md.metricsAt < step) return false;
  md.metricsAt = now;
  let changed = false;
  for (const t of md.tables) changed = advanceTable(t, now, snapshotMs) || changed;
  return changed;
}

/** A capacity paused (and later resumed) leaves its Running / Starting mirrored databases Paused. */
export function pauseMirroredDatabases(ctx: ServiceContext, capacityId: string): number {
  const st = fabricState(ctx);
  const workspaces = new Set(
    Object.values(st.workspaces)
      .filter((w) => w.capacityId?.toLowerCase() === capacityId.toLowerCase())
      .map((w) => w.id.toLowerCase()),
  );
  let n = 0;
  for (const md of Object.values(st.mirroredDatabases)) {
    if (!workspaces.has(md.workspaceId.toLowerCase()) || !['Running', 'Starting'].includes(md.status)) continue;
    setStatus(md, 'Paused', ctx.now());
    n++;
  }
  return n;
}
