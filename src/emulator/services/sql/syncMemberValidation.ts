// Validation of sync member bodies: what the member points at (an Azure database of the emulator, or an
// on-premises database linked to a sync agent) and the documented error codes.
import type { ServiceContext } from '../../core/context';
import { armError } from '../../core/http';
import { key, type SyncGroupRecord, type SyncMemberRecord } from '../../model';
import { parseDatabaseId } from './ids';
import { assertSyncableDatabase } from './syncGroupValidation';

const DIRECTIONS = ['Bidirectional', 'OneWayMemberToHub', 'OneWayHubToMember'];
const TYPES = ['AzureSqlDatabase', 'SqlServerDatabase'];
const FIELDS = [
  'databaseType',
  'syncAgentId',
  'sqlServerDatabaseId',
  'syncMemberAzureDatabaseResourceId',
  'serverName',
  'databaseName',
  'userName',
  'syncDirection',
] as const;

export type MemberFields = Partial<Pick<SyncMemberRecord, (typeof FIELDS)[number] | 'usePrivateLinkConnection'>>;
export interface MemberPayload {
  create: boolean;
  groupId: string;
  name: string;
  fields: MemberFields;
}

/** Reads `{properties:{…}}`; password is accepted and dropped (write-only, never stored or returned). */
export function readMemberBody(body: unknown): MemberFields {
  const p = (body as { properties?: unknown } | undefined)?.properties;
  if (typeof p !== 'object' || p === null)
    throw armError(400, 'InvalidSyncMemberCreateOrUpdateRequest', 'The create or update sync member request body is empty.');
  const src = p as Record<string, unknown>;
  const f: MemberFields = {};
  for (const k of FIELDS) if (typeof src[k] === 'string') f[k] = src[k];
  if (typeof src.usePrivateLinkConnection === 'boolean') f.usePrivateLinkConnection = src.usePrivateLinkConnection;
  if (f.syncDirection && !DIRECTIONS.includes(f.syncDirection))
    throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter 'syncDirection': '${f.syncDirection}'.`);
  if (f.databaseType && !TYPES.includes(f.databaseType))
    throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter 'databaseType': '${f.databaseType}'.`);
  return f;
}

/** Resolves what the member points at; fills the Azure resource id from serverName + databaseName if needed. */
export function resolveTarget(ctx: ServiceContext, group: SyncGroupRecord, f: MemberFields): void {
  const st = ctx.store.state;
  if ((f.databaseType ?? 'AzureSqlDatabase') === 'SqlServerDatabase') {
    const agent = f.syncAgentId ? st.syncAgents[key(f.syncAgentId)] : undefined;
    if (!agent) throw armError(400, 'InvalidSyncAgentResourceId', `Invalid sync agent resource identifier '${f.syncAgentId ?? ''}'.`);
    const linked = agent.linkedDatabases.find((d) => d.databaseId.toLowerCase() === (f.sqlServerDatabaseId ?? '').toLowerCase());
    if (!linked)
      throw armError(
        400,
        'InvalidSyncMember',
        `Sync member is invalid: SQL Server database '${f.sqlServerDatabaseId ?? ''}' is not linked to sync agent '${agent.name}'.`,
      );
    f.serverName ??= linked.serverName;
    f.databaseName ??= linked.databaseName;
    return;
  }
  let dbId = f.syncMemberAzureDatabaseResourceId;
  if (!dbId && f.serverName && f.databaseName) {
    const host = f.serverName.toLowerCase().replace(/\.database\.windows\.net$/, '');
    const server = Object.values(st.servers).find((s) => s.name.toLowerCase() === host);
    dbId = server ? `${server.id}/databases/${f.databaseName}` : undefined;
  }
  if (!dbId)
    throw armError(
      400,
      'InvalidDatabaseResourceId',
      'Invalid database resource identifier: give syncMemberAzureDatabaseResourceId, or serverName and databaseName.',
    );
  if (!parseDatabaseId(dbId)) throw armError(400, 'InvalidDatabaseResourceId', `Invalid database resource identifier '${dbId}'.`);
  const db = st.databases[key(dbId)];
  if (!db) throw armError(404, 'DatabaseDoesNotExist', `User has specified a database '${dbId}' that does not exist.`);
  assertSyncableDatabase(db);
  if (key(db.id) === key(group.databaseId))
    throw armError(400, 'InvalidSyncMember', 'Sync member is invalid: the hub database cannot also be a member of its sync group.');
  const server = st.servers[key(db.serverId)];
  f.syncMemberAzureDatabaseResourceId = db.id;
  f.serverName ??= `${server.name}.database.windows.net`;
  f.databaseName ??= db.name;
}

export function pickFields(m: SyncMemberRecord): MemberFields {
  const f: MemberFields = {};
  for (const k of FIELDS) if (m[k] !== undefined) f[k] = m[k];
  if (m.usePrivateLinkConnection !== undefined) f.usePrivateLinkConnection = m.usePrivateLinkConnection;
  return f;
}
