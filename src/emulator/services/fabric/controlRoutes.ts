// Emulator-only knobs for Fabric under /_emulator/fabric (no token, like the rest of the control API):
// pause or resume a capacity (Running mirrored databases on it become Paused), fail a table, reseed a table.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import type { MirroredDatabaseRecord, MirroredTableRecord } from '../../fabricModel';
import { fabricState, fkey } from './state';
import { pauseMirroredDatabases } from './stateMachine';
import { fail, reseedTable, tableKey } from './tables';

const bad = (message: string) => armError(400, 'InvalidControlRequest', message);
const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function body(req: EmulatorRequest): Record<string, unknown> {
  const b = jsonBody(req);
  return typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : {};
}

function findTable(ctx: ServiceContext, b: Record<string, unknown>): { md: MirroredDatabaseRecord; table: MirroredTableRecord } {
  const md = fabricState(ctx).mirroredDatabases[fkey(text(b.mirroredDatabaseId))];
  if (!md) throw armError(404, 'NotFound', `No mirrored database '${text(b.mirroredDatabaseId)}'.`);
  const wanted = tableKey({ schemaName: text(b.schemaName, 'dbo'), tableName: text(b.tableName) });
  const table = md.tables.find((t) => tableKey(t) === wanted);
  if (!table)
    throw armError(
      404,
      'NotFound',
      `Mirrored database '${md.displayName}' has no table '${text(b.schemaName, 'dbo')}.${text(b.tableName)}'.`,
    );
  return { md, table };
}

export function registerFabricControlRoutes(ctx: ServiceContext): void {
  const r = ctx.router;
  r.add('POST', '/_emulator/fabric/capacityState', (req) => {
    const b = body(req);
    const capacity = fabricState(ctx).capacities[fkey(text(b.capacityId))];
    if (!capacity) throw armError(404, 'NotFound', `No capacity '${text(b.capacityId)}'.`);
    if (b.state !== 'Paused' && b.state !== 'Active') throw bad('Body must be {"capacityId": "...", "state": "Paused" | "Active"}.');
    capacity.state = b.state;
    const paused = b.state === 'Paused' ? pauseMirroredDatabases(ctx, capacity.id) : 0;
    ctx.store.changed();
    return { status: 200, body: { capacityId: capacity.id, state: capacity.state, pausedMirroredDatabases: paused } };
  });
  r.add('POST', '/_emulator/fabric/failTable', (req) => {
    const b = body(req);
    const { table } = findTable(ctx, b);
    const error = {
      errorCode: typeof b.errorCode === 'string' ? b.errorCode : 'TableReplicationFailed',
      message: typeof b.message === 'string' ? b.message : `Replication of ${table.schemaName}.${table.tableName} failed (injected).`,
    };
    fail(table, error, true);
    ctx.store.changed();
    return { status: 200, body: { status: table.status, error } };
  });
  r.add('POST', '/_emulator/fabric/reseedTable', (req) => {
    const { md, table } = findTable(ctx, body(req));
    if (md.status !== 'Running') throw bad(`Tables reseed only while mirroring is Running; '${md.displayName}' is ${md.status}.`);
    reseedTable(table, ctx.now());
    ctx.store.changed();
    return { status: 200, body: { status: table.status } };
  });
}
