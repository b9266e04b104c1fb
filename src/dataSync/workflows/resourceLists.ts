// The reads that pickers and the wizard's choices need: subscriptions, servers, the user databases of
// a server (never `master`), sync groups of a server, sync agents and the databases linked to one,
// and the databases that can hold sync metadata.
import type { Subscription } from '../../azure/resources/subscriptionsClient';
import { isSystemDatabase, type SqlDatabase, type SqlServer } from '../../azure/sql/serverModels';
import type { SyncAgent, SyncAgentLinkedDatabase, SyncGroup } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId, syncAgentRefFromId } from '../dataSyncRefs';

export function listSubscriptions(ctx: DataSyncContext, signal?: AbortSignal): Promise<Subscription[]> {
  return ctx.clients().subscriptions.list(signal).toArray();
}

export function listServers(ctx: DataSyncContext, subscriptionId: string): Promise<SqlServer[]> {
  return ctx.clients().servers.listServers(subscriptionId).toArray();
}

/** The databases Data Sync can use: every database of the server except system ones. */
export async function listUserDatabases(ctx: DataSyncContext, serverId: string): Promise<SqlDatabase[]> {
  const dbs = await ctx.clients().servers.listDatabases(serverRefFromId(serverId)).toArray();
  return dbs.filter((d) => d.id && !isSystemDatabase(d));
}

/** Every sync group whose hub is a database of the server. */
export async function listSyncGroupsOfServer(ctx: DataSyncContext, serverId: string): Promise<SyncGroup[]> {
  const groups = ctx.clients().groups;
  const dbs = await listUserDatabases(ctx, serverId);
  return (await Promise.all(dbs.map((d) => groups.list(databaseRefFromId(d.id as string)).toArray()))).flat();
}

export function listAgents(ctx: DataSyncContext, serverId: string): Promise<SyncAgent[]> {
  return ctx.clients().agents.list(serverRefFromId(serverId)).toArray();
}

export function listLinkedDatabases(ctx: DataSyncContext, agentId: string): Promise<SyncAgentLinkedDatabase[]> {
  return ctx.clients().agents.listLinkedDatabases(syncAgentRefFromId(agentId)).toArray();
}

export interface SyncMetadataDatabase {
  id: string;
  /** "server/database". */
  label: string;
  /** Already holds sync metadata for the region. */
  inUse: boolean;
  sku?: string;
}

const serverAndDatabase = (id: string): string => {
  const db = databaseRefFromId(id);
  return `${db.server}/${db.database}`;
};

/**
 * Where a group on this server can keep its sync metadata: the databases Data Sync already uses in the
 * server's region, then the server's own user databases. `location`: the server's region when known.
 */
export async function listSyncMetadataDatabases(
  ctx: DataSyncContext,
  serverId: string,
  location?: string,
): Promise<SyncMetadataDatabase[]> {
  const ref = serverRefFromId(serverId);
  const region =
    location ??
    (await ctx.clients().servers.listServers(ref.subscriptionId, { resourceGroup: ref.resourceGroup }).toArray()).find(
      (s) => s.id?.toLowerCase() === serverId.toLowerCase(),
    )?.location;
  const inUse = region ? await ctx.clients().groups.listSyncDatabaseIds(ref.subscriptionId, region).toArray() : [];
  const out = new Map<string, SyncMetadataDatabase>();
  for (const e of inUse) if (e.id) out.set(e.id.toLowerCase(), { id: e.id, label: serverAndDatabase(e.id), inUse: true });
  for (const d of await listUserDatabases(ctx, serverId)) {
    const id = d.id as string;
    if (!out.has(id.toLowerCase()))
      out.set(id.toLowerCase(), { id, label: `${ref.server}/${d.name ?? id}`, inUse: false, sku: d.sku?.name });
  }
  return [...out.values()];
}
