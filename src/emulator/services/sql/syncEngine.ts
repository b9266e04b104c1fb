// The sync state machine, driven by the clock: triggerSync starts a run (group Progressing, members
// SyncInProgress); when the run ends each member's outcome follows the health of the databases it touches
// (ok → SyncSucceeded, warning → SyncSucceededWithWarnings, unreachable / agent not online → SyncFailed) and
// the group becomes Good / Warning / Error, with log entries that say the same thing. cancelSync ends a run
// early as SyncCancelled. Groups with interval > 0 sync on their own.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import { armError } from '../../core/http';
import { key, type DatabaseHealth, type SyncGroupRecord, type SyncLogEntry, type SyncMemberRecord } from '../../model';
import { membersOf, parseDatabaseId } from './ids';

export function appendLog(
  g: SyncGroupRecord,
  at: number,
  entry: Omit<SyncLogEntry, 'timestamp' | 'tracingId'> & { tracingId?: string },
): void {
  g.logs.push({
    timestamp: new Date(at).toISOString(),
    tracingId: entry.tracingId ?? randomUUID(),
    type: entry.type,
    source: entry.source,
    details: entry.details,
    operationStatus: entry.operationStatus,
  });
  // Keep the log bounded the way the service keeps ~45 days: the newest 2000 entries.
  if (g.logs.length > 2000) g.logs.splice(0, g.logs.length - 2000);
}

/** "server.database.windows.net/db" for a database id; what Data Sync logs name as the source. */
export function sourceOf(databaseId: string): string {
  const p = parseDatabaseId(databaseId);
  return p ? `${p.server}.database.windows.net/${p.db}` : databaseId;
}

export function memberSource(m: SyncMemberRecord): string {
  if (m.databaseType === 'SqlServerDatabase') return `${m.serverName ?? 'onpremises'}/${m.databaseName ?? m.sqlServerDatabaseId ?? ''}`;
  return m.syncMemberAzureDatabaseResourceId ? sourceOf(m.syncMemberAzureDatabaseResourceId) : `${m.serverName}/${m.databaseName}`;
}

export function memberHealth(ctx: ServiceContext, m: SyncMemberRecord): { health: DatabaseHealth; reason?: string } {
  const st = ctx.store.state;
  if (m.databaseType === 'SqlServerDatabase') {
    const agent = m.syncAgentId ? st.syncAgents[key(m.syncAgentId)] : undefined;
    if (!agent || agent.state !== 'Online')
      return {
        health: 'unreachable',
        reason: `The sync agent '${agent?.name ?? m.syncAgentId}' is ${agent?.state ?? 'missing'}; the on-premises database cannot be reached.`,
      };
    const linked = agent.linkedDatabases.find((d) => d.databaseId.toLowerCase() === (m.sqlServerDatabaseId ?? '').toLowerCase());
    return {
      health: linked?.health ?? 'unreachable',
      reason: linked ? undefined : 'The database is no longer registered with the sync agent.',
    };
  }
  const db = m.syncMemberAzureDatabaseResourceId ? st.databases[key(m.syncMemberAzureDatabaseResourceId)] : undefined;
  return { health: db?.health ?? 'unreachable' };
}

export function startSync(ctx: ServiceContext, g: SyncGroupRecord): void {
  if (g.run)
    throw armError(
      400,
      'SyncOperation_GenericFailure',
      `Failed to perform data sync operation: a synchronization of sync group '${g.name}' is already in progress.`,
    );
  if (!g.schema?.tables.length)
    throw armError(
      400,
      'InvalidSyncGroup',
      `Sync group is invalid: sync group '${g.name}' has no sync schema. Refresh the hub schema and update the group with the tables to sync.`,
    );
  const members = membersOf(ctx, g.id);
  if (!members.length) throw armError(400, 'InvalidSyncGroup', `Sync group is invalid: sync group '${g.name}' has no sync members.`);
  const now = ctx.now();
  g.run = { startedAt: now, finishAt: now + ctx.options.syncDurationMs, tracingId: randomUUID() };
  g.syncState = 'Progressing';
  for (const m of members) m.syncState = 'SyncInProgress';
  ctx.store.changed();
}

export function cancelSync(ctx: ServiceContext, g: SyncGroupRecord): void {
  if (!g.run || g.run.cancelRequested) return; // nothing running: cancel is a no-op, as in the service
  g.run.cancelRequested = true;
  g.run.finishAt = Math.min(g.run.finishAt, ctx.now() + Math.min(1000, ctx.options.syncDurationMs));
  for (const m of membersOf(ctx, g.id)) m.syncState = 'SyncCancelling';
  ctx.store.changed();
}

function finishRun(ctx: ServiceContext, g: SyncGroupRecord, at: number): void {
  const run = g.run!;
  const members = membersOf(ctx, g.id);
  const seconds = ((at - run.startedAt) / 1000).toFixed(2);
  const hubHealth = ctx.store.state.databases[key(g.databaseId)]?.health ?? 'ok';
  if (run.cancelRequested) {
    for (const m of members) m.syncState = 'SyncCancelled';
    g.syncState = 'Warning';
    appendLog(g, at, {
      type: 'Warning',
      source: sourceOf(g.databaseId),
      details: `Sync was cancelled by the user after ${seconds} seconds.`,
      operationStatus: 'SyncCancelled',
      tracingId: run.tracingId,
    });
  } else {
    let failed = 0;
    let warned = 0;
    for (const m of members) {
      const { health, reason } =
        hubHealth === 'unreachable'
          ? { health: 'unreachable' as const, reason: 'The hub database cannot be reached.' }
          : memberHealth(ctx, m);
      const changes = Math.floor(Math.random() * 40);
      if (health === 'unreachable') {
        failed++;
        m.syncState = 'SyncFailed';
        appendLog(g, at, {
          type: 'Error',
          source: memberSource(m),
          details: `Sync failed with the exception "${reason ?? 'A network-related or instance-specific error occurred while establishing a connection to SQL Server.'}"`,
          operationStatus: 'SyncFailure',
          tracingId: run.tracingId,
        });
      } else if (health === 'warning') {
        warned++;
        m.syncState = 'SyncSucceededWithWarnings';
        appendLog(g, at, {
          type: 'Warning',
          source: memberSource(m),
          details: `Sync completed with warnings in ${seconds} seconds. Upload: ${changes} changes applied. Download: 0 changes applied, 2 changes failed to apply (see conflict log).`,
          operationStatus: 'SyncSucceededWithWarnings',
          tracingId: run.tracingId,
        });
      } else {
        m.syncState = 'SyncSucceeded';
        appendLog(g, at, {
          type: 'Success',
          source: memberSource(m),
          details: `Sync completed successfully in ${seconds} seconds. Upload: ${changes} changes applied. Download: ${Math.floor(changes / 2)} changes applied.`,
          operationStatus: 'SyncSucceeded',
          tracingId: run.tracingId,
        });
      }
    }
    g.syncState = failed ? 'Error' : warned ? 'Warning' : 'Good';
    if (failed < members.length) g.lastSyncTime = new Date(at).toISOString();
  }
  g.run = undefined;
  g.lastAttemptAt = at;
  ctx.store.changed();
}

/** Clock tick: finish due runs, start interval syncs. */
export function advanceSyncs(ctx: ServiceContext): void {
  const now = ctx.now();
  for (const g of Object.values(ctx.store.state.syncGroups)) {
    if (g.run && now >= g.run.finishAt) finishRun(ctx, g, g.run.finishAt);
    else if (!g.run && !g.deleting && g.interval > 0 && g.schema?.tables.length) {
      const last = Date.parse(g.lastSyncTime);
      const due = Math.max(Number.isNaN(last) ? 0 : last, g.lastAttemptAt ?? 0) + g.interval * 1000;
      if (now >= due && membersOf(ctx, g.id).length) startSync(ctx, g);
    }
  }
}
