// The per-table side of mirroring: building the table list from the source (keeping the progress of tables
// that stay), reseeding, and the deterministic sizes and rates that make the metrics grow believably.
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import type { TableDef } from '../../model';
import type { FabricErrorInfo, MirroredDatabaseRecord, MirroredTableRecord, TableStatus } from '../../fabricModel';
import { desiredTables, resolveSource } from './sourceTables';

const hash = (text: string): number => createHash('sha256').update(text).digest().readUInt32BE(0);

function rowBytesOf(def: TableDef | undefined): number {
  if (!def) return 64;
  return 16 + def.columns.reduce((n, c) => n + (Number(c.dataSize) > 0 ? Math.min(Number(c.dataSize), 400) : 200), 0);
}

export const tableKey = (t: { schemaName: string; tableName: string }): string => `${t.schemaName}.${t.tableName}`.toLowerCase();

export function newTable(
  md: MirroredDatabaseRecord,
  schemaName: string,
  tableName: string,
  def: TableDef | undefined,
  status: TableStatus,
): MirroredTableRecord {
  const h = hash(`${md.id}:${schemaName}.${tableName}`);
  return {
    schemaName,
    tableName,
    status,
    processedRows: 0,
    processedBytes: 0,
    snapshotRows: 500 + (h % 250_000),
    rowBytes: rowBytesOf(def),
    rowsPerSecond: 1 + (h % 40),
  };
}

/** Status a table gets when it joins a mirrored database in this state. */
function joiningStatus(md: MirroredDatabaseRecord): TableStatus {
  switch (md.status) {
    case 'Running':
    case 'Starting':
      return 'Snapshotting';
    case 'Stopped':
    case 'Stopping':
    case 'Paused':
      return 'Stopped';
    default:
      return 'Initialized';
  }
}

/**
 * Makes the table list follow the definition and the source: tables that stay keep their progress, new ones
 * join (snapshotting at once while running), removed ones go. Tables the source cannot offer are Failed.
 */
export function syncTableList(ctx: ServiceContext, md: MirroredDatabaseRecord): void {
  const source = resolveSource(ctx, md.mirroring);
  const existing = new Map(md.tables.map((t) => [tableKey(t), t]));
  const now = ctx.now();
  md.tables = desiredTables(source.database, md.mirroring, ctx.options.fabric.maxTables).map((d) => {
    const kept = existing.get(tableKey(d));
    const t = kept ?? newTable(md, d.schemaName, d.tableName, d.def, joiningStatus(md));
    if (!kept && t.status === 'Snapshotting' && md.status === 'Running') t.phaseStartedAt = now;
    const active = md.status === 'Running' || md.status === 'Starting';
    if (d.error && active) fail(t, d.error);
    return t;
  });
}

export function fail(t: MirroredTableRecord, error: FabricErrorInfo, injected = false): void {
  t.status = 'Failed';
  t.error = error;
  t.phaseStartedAt = undefined;
  t.injectedFailure = injected || undefined;
}

/** Every start reseeds: metrics reset, tables snapshot again (from when the database is Running). */
export function reseedAll(ctx: ServiceContext, md: MirroredDatabaseRecord, problem: FabricErrorInfo | undefined): void {
  const source = resolveSource(ctx, md.mirroring);
  const errors = new Map(desiredTables(source.database, md.mirroring, ctx.options.fabric.maxTables).map((d) => [tableKey(d), d.error]));
  for (const t of md.tables) {
    t.processedRows = 0;
    t.processedBytes = 0;
    t.lastSyncAt = undefined;
    t.lastSyncLatencyInSeconds = undefined;
    t.error = undefined;
    t.injectedFailure = undefined;
    t.phaseStartedAt = undefined;
    t.status = 'Snapshotting';
    const error = problem ?? errors.get(tableKey(t));
    if (error) fail(t, error);
  }
}

/** A single table starts over (DDL on the source, or the control API). */
export function reseedTable(t: MirroredTableRecord, now: number): void {
  t.status = 'Reseeding';
  t.error = undefined;
  t.injectedFailure = undefined;
  t.processedRows = 0;
  t.processedBytes = 0;
  t.phaseStartedAt = now;
}

/**
 * Advances one table of a Running database to `now`; true when its status changed. Metrics alone do not
 * count: they follow from the persisted times (phase start, last sync), so a later write or a restart
 * carries them on without writing the state every second.
 */
export function advanceTable(t: MirroredTableRecord, now: number, snapshotMs: number): boolean {
  if (t.status === 'Snapshotting' || t.status === 'Reseeding') {
    t.phaseStartedAt ??= now;
    const progress = snapshotMs <= 0 ? 1 : Math.min(1, (now - t.phaseStartedAt) / snapshotMs);
    const rows = Math.round(t.snapshotRows * progress);
    t.processedRows = rows;
    t.processedBytes = rows * t.rowBytes;
    if (rows > 0) t.lastSyncAt = now;
    if (progress < 1) return false;
    t.status = 'Replicating';
    t.phaseStartedAt = now;
    t.lastSyncAt = now;
    t.lastSyncLatencyInSeconds = 1 + (t.rowsPerSecond % 5);
    return true;
  }
  if (t.status === 'Replicating') {
    const since = t.lastSyncAt ?? now;
    const added = Math.floor(((now - since) / 1000) * t.rowsPerSecond);
    if (added <= 0) return false;
    t.processedRows += added;
    t.processedBytes += added * t.rowBytes;
    t.lastSyncAt = now;
    t.lastSyncLatencyInSeconds = 1 + ((t.rowsPerSecond + Math.floor(now / 1000)) % 7);
  }
  return false;
}
