// Creating a mirrored database, and what the create wizard reads to fill its steps: workspaces, SQL
// connections (server and database parsed from the connection path), the source database found in ARM
// by its server name, and that database's tables with what Fabric can mirror of them.
import { FabricConnectionsClient, type FabricConnection } from '../../azure/fabric/fabricConnectionsClient';
import { abortableDelay } from '../../azure/http/abortableDelay';
import type { MirroredDatabase } from '../../azure/fabric/fabricModels';
import { DatabaseSchemaClient } from '../../azure/sql/databaseSchemaClient';
import type { SqlDatabase } from '../../azure/sql/serverModels';
import type { DatabaseRef } from '../../azure/sql/sqlPaths';
import { buildPath } from '../../azure/resourceId';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { FabricContext } from '../fabricContext';
import { tableVerdict, type TableFacts, type TableVerdict } from '../mirrorability';
import { createProblems, createRequestBody, CreateValidationError, type CreateMirroredDatabaseInput } from './createValidation';

export interface SqlConnectionChoice {
  id: string;
  displayName: string;
  /** SQL, or what the connection says it is. */
  type: string;
  /** Parsed from `connectionDetails.path` (`<server>.database.windows.net;<db>`) for SQL connections. */
  serverFqdn?: string;
  server?: string;
  database?: string;
}

/** `server.database.windows.net;db` (any cloud's suffix) → its parts; undefined for other shapes. */
export function parseSqlConnectionPath(path: string | undefined): { serverFqdn: string; server: string; database: string } | undefined {
  const m = /^\s*(([^.;\s]+)\.[^;\s]+);\s*(.+?)\s*$/.exec(path ?? '');
  return m ? { serverFqdn: m[1], server: m[2], database: m[3] } : undefined;
}

export function connectionChoice(c: FabricConnection): SqlConnectionChoice {
  const type = c.connectionDetails?.type ?? 'Unknown';
  const parsed = type.toUpperCase() === 'SQL' ? parseSqlConnectionPath(c.connectionDetails?.path) : undefined;
  return { id: c.id ?? '', displayName: c.displayName ?? c.id ?? '', type, ...parsed };
}

export { listWorkspaces } from './itemWorkflows';

/** Every connection, the SQL ones (those a SQL database can be mirrored through) first, each group by name. */
export async function listSqlConnections(ctx: FabricContext, signal?: AbortSignal): Promise<SqlConnectionChoice[]> {
  return sortConnections((await new FabricConnectionsClient(ctx.clients().fabric).list(signal).toArray()).map(connectionChoice));
}

/** SQL connections with a parsed server and database first, then the rest; by name within each. */
export function sortConnections(all: SqlConnectionChoice[]): SqlConnectionChoice[] {
  const rank = (c: SqlConnectionChoice) => (c.database ? 0 : 1);
  return [...all].sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName));
}

export interface SourceDatabase {
  ref: DatabaseRef;
  id: string;
  database: SqlDatabase;
}

/** Finds the connection's database in ARM (a connection names the server, not its subscription). */
export async function findSourceDatabase(
  ctx: FabricContext,
  server: string,
  database: string,
  signal?: AbortSignal,
): Promise<SourceDatabase | undefined> {
  const { subscriptions, servers } = ctx.clients();
  for (const s of await subscriptions.list(signal).toArray()) {
    if (!s.subscriptionId) continue;
    const found = (await servers.listServers(s.subscriptionId, { signal }).toArray()).find(
      (x) => x.name?.toLowerCase() === server.toLowerCase(),
    );
    if (!found?.id) continue;
    const ref = { subscriptionId: s.subscriptionId, resourceGroup: found.id.split('/')[4], server: found.name ?? server };
    const db = (await servers.listDatabases(ref, { signal }).toArray()).find((d) => d.name?.toLowerCase() === database.toLowerCase());
    if (!db?.id) return undefined;
    return { ref: { ...ref, database: db.name ?? database }, id: db.id, database: db };
  }
  return undefined;
}

/** `…/schemas/{s}/tables/{t}/columns/{c}` → schema and table. */
function tableOfColumnId(id: string | undefined): { schema: string; table: string } | undefined {
  const m = /\/schemas\/([^/]+)\/tables\/([^/]+)\/columns\/[^/]+$/i.exec(id ?? '');
  return m ? { schema: decodeURIComponent(m[1]), table: decodeURIComponent(m[2]) } : undefined;
}

/** The database's tables read through ARM, each with Fabric's verdict, sorted by schema then name. */
export async function listSourceTables(ctx: FabricContext, ref: DatabaseRef, signal?: AbortSignal): Promise<TableVerdict[]> {
  const client = new DatabaseSchemaClient(ctx.clients().arm);
  const facts = new Map<string, TableFacts>();
  const k = (schema: string, table: string) => `${schema}.${table}`.toLowerCase();
  for (const schema of await client.listSchemas(ref, signal).toArray()) {
    if (!schema.name) continue;
    for (const t of await client.listTables(ref, schema.name, signal).toArray()) {
      if (!t.name) continue;
      facts.set(k(schema.name, t.name), {
        schema: schema.name,
        name: t.name,
        temporalType: t.properties?.temporalType,
        memoryOptimized: t.properties?.memoryOptimized,
        columns: [],
      });
    }
  }
  for (const c of await client.listDatabaseColumns(ref, signal).toArray()) {
    const at = tableOfColumnId(c.id);
    const table = at && facts.get(k(at.schema, at.table));
    if (table && c.name) table.columns.push({ name: c.name, columnType: c.properties?.columnType, isComputed: c.properties?.isComputed });
  }
  return [...facts.values()].map(tableVerdict).sort((a, b) => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name));
}

export interface StartedCreate {
  operation: TrackedOperation<MirroredDatabase>;
}

/** Checks the rules and that the workspace has no mirrored database of that name, then creates it (tracked). */
export async function createMirroredDatabase(ctx: FabricContext, input: CreateMirroredDatabaseInput): Promise<StartedCreate> {
  const problems = createProblems(input);
  if (problems.length) throw new CreateValidationError(problems);
  const { mirroredDatabases } = ctx.clients();
  const name = input.displayName.trim();
  const existing = await mirroredDatabases.list(input.workspaceId).toArray();
  if (existing.some((d) => d.displayName?.toLowerCase() === name.toLowerCase()))
    throw new CreateValidationError([{ field: 'displayName', message: `The workspace already has a mirrored database named "${name}".` }]);
  const poller = await mirroredDatabases.beginCreate(input.workspaceId, createRequestBody(input));
  const operation = await ctx.operations.start(poller, {
    title: `Create mirrored database ${name}`,
    target: {
      label: `mirrored database ${name}`,
      resourceId: buildPath(['workspaces', { field: 'Workspace id', value: input.workspaceId }]),
    },
    environment: ctx.environmentKey(),
  });
  void operation.result.then(
    () => ctx.refresh(),
    () => undefined,
  );
  return { operation };
}

/**
 * A new mirrored database is `Initializing` while its SQL endpoint is provisioned, and mirroring cannot
 * start until that ends. Waits (1 s doubling to 5 s) until the status is something else, at most
 * `timeoutMs`; returns the last status seen.
 */
export async function waitWhileInitializing(
  ctx: FabricContext,
  item: { workspaceId: string; itemId: string },
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string | undefined> {
  const ref = { workspaceId: item.workspaceId, mirroredDatabaseId: item.itemId };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let delay = 1000;
  for (;;) {
    const status = (await ctx.clients().mirroredDatabases.getMirroringStatus(ref, options.signal)).status;
    if (status !== 'Initializing' || Date.now() + delay > deadline) return status;
    await abortableDelay(delay, options.signal);
    delay = Math.min(delay * 2, 5000);
  }
}
