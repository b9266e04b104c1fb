// ARM resource ids and lookups for Microsoft.Sql, shared by the SQL route files.
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest } from '../../core/http';
import { findSubscription } from '../arm/subscriptions';
import {
  key,
  type DatabaseRecord,
  type ServerRecord,
  type SyncGroupRecord,
  type SyncMemberRecord,
  type SyncAgentRecord,
} from '../../model';

export const serverId = (sub: string, rg: string, server: string): string =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Sql/servers/${server}`;

/** Parses /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Sql/servers/{srv}/databases/{db}. */
export function parseDatabaseId(id: string): { sub: string; rg: string; server: string; db: string } | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Sql\/servers\/([^/]+)\/databases\/([^/]+)\/?$/i.exec(
    id.trim(),
  );
  return m ? { sub: m[1], rg: m[2], server: m[3], db: m[4] } : undefined;
}

export function getServer(ctx: ServiceContext, req: EmulatorRequest): ServerRecord {
  const { subscriptionId, resourceGroupName, serverName } = req.params;
  findSubscription(ctx, subscriptionId);
  const s = ctx.store.state.servers[key(serverId(subscriptionId, resourceGroupName, serverName))];
  if (!s) throw armError(404, 'SubscriptionDoesNotHaveServer', `The requested server '${serverName}' was not found.`);
  return s;
}

export function getDatabase(ctx: ServiceContext, req: EmulatorRequest): DatabaseRecord {
  const server = getServer(ctx, req);
  const db = ctx.store.state.databases[key(`${server.id}/databases/${req.params.databaseName}`)];
  if (!db)
    throw armError(
      404,
      'DatabaseDoesNotExist',
      `User has specified a database name '${req.params.databaseName}' that does not exist on this server instance.`,
    );
  return db;
}

export function groupId(req: EmulatorRequest): string {
  const { subscriptionId, resourceGroupName, serverName, databaseName, syncGroupName } = req.params;
  return `${serverId(subscriptionId, resourceGroupName, serverName)}/databases/${databaseName}/syncGroups/${syncGroupName}`;
}

export function getGroup(ctx: ServiceContext, req: EmulatorRequest): SyncGroupRecord {
  getDatabase(ctx, req);
  const g = ctx.store.state.syncGroups[key(groupId(req))];
  if (!g)
    throw armError(
      404,
      'ResourceNotFound',
      `The requested resource of type 'Microsoft.Sql/servers/databases/syncGroups' with name '${req.params.syncGroupName}' was not found.`,
    );
  return g;
}

export function getMember(ctx: ServiceContext, req: EmulatorRequest): SyncMemberRecord {
  const g = getGroup(ctx, req);
  const m = ctx.store.state.syncMembers[key(`${g.id}/syncMembers/${req.params.syncMemberName}`)];
  if (!m)
    throw armError(
      404,
      'ResourceNotFound',
      `The requested resource of type 'Microsoft.Sql/servers/databases/syncGroups/syncMembers' with name '${req.params.syncMemberName}' was not found.`,
    );
  return m;
}

export function getAgent(ctx: ServiceContext, req: EmulatorRequest): SyncAgentRecord {
  const s = getServer(ctx, req);
  const a = ctx.store.state.syncAgents[key(`${s.id}/syncAgents/${req.params.syncAgentName}`)];
  if (!a)
    throw armError(
      404,
      'ResourceNotFound',
      `The requested resource of type 'Microsoft.Sql/servers/syncAgents' with name '${req.params.syncAgentName}' was not found.`,
    );
  return a;
}

export const membersOf = (ctx: ServiceContext, groupIdValue: string): SyncMemberRecord[] =>
  Object.values(ctx.store.state.syncMembers).filter((m) => key(m.syncGroupId) === key(groupIdValue));

export const groupsOfDatabase = (ctx: ServiceContext, dbId: string): SyncGroupRecord[] =>
  Object.values(ctx.store.state.syncGroups).filter((g) => key(g.databaseId) === key(dbId));

/** Valid names: letters, numbers, dashes and underscores (the spec's InvalidSync*Name text). */
export const VALID_NAME = /^[A-Za-z0-9_-]{1,150}$/;
