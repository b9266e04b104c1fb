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

/**
 * An Azure SQL member must name its server and database itself: 400 MissingServerName / MissingDatabaseName
 * (codes and wording from the SyncMembers.json 2025-01-01 error list). The resource id does not stand in for
 * them. Sources: every documented request sends both names (Learn's REST walkthrough, create and update;
 * the SyncMemberCreate example, whose syncMemberAzureDatabaseResourceId even names another server than its
 * serverName); New-AzSqlSyncMember makes -MemberServerName and -MemberDatabaseName mandatory for
 * AzureSqlDatabase and -SyncMemberAzureDatabaseResourceId optional, "used if UsePrivateLinkConnection is set
 * to true". So a body with only the resource id is refused like one with nothing.
 * `given` is what the request supplies: the PUT body (a PUT states the whole member), or for PATCH the body
 * over the stored member (Update-AzSqlSyncMember takes no names: an update keeps them).
 * On-premises members (SqlServerDatabase) are named by syncAgentId + sqlServerDatabaseId instead (the
 * cmdlet's OnPremisesDatabaseSyncAgentComponent set has no member server or database name), so they are
 * not refused here.
 */
export function assertMemberNamed(given: MemberFields, databaseType: string): void {
  if (databaseType !== 'AzureSqlDatabase') return;
  if (!given.serverName?.trim()) throw armError(400, 'MissingServerName', 'The Server name is missing');
  if (!given.databaseName?.trim()) throw armError(400, 'MissingDatabaseName', 'The Database name is missing');
}

/**
 * Resolves what the member points at. Azure members: the database of syncMemberAzureDatabaseResourceId when
 * given, else the one serverName + databaseName name (the id the service resolves is returned; the names are
 * the client's and are never made up). On-premises members take the names of the database the agent reported.
 */
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
      404,
      'DatabaseDoesNotExist',
      `User has specified a database '${f.databaseName ?? ''}' on server '${f.serverName ?? ''}' that does not exist.`,
    );
  if (!parseDatabaseId(dbId)) throw armError(400, 'InvalidDatabaseResourceId', `Invalid database resource identifier '${dbId}'.`);
  const db = st.databases[key(dbId)];
  if (!db) throw armError(404, 'DatabaseDoesNotExist', `User has specified a database '${dbId}' that does not exist.`);
  assertSyncableDatabase(db);
  if (key(db.id) === key(group.databaseId))
    throw armError(400, 'InvalidSyncMember', 'Sync member is invalid: the hub database cannot also be a member of its sync group.');
  f.syncMemberAzureDatabaseResourceId = db.id;
}

export function pickFields(m: SyncMemberRecord): MemberFields {
  const f: MemberFields = {};
  for (const k of FIELDS) if (m[k] !== undefined) f[k] = m[k];
  if (m.usePrivateLinkConnection !== undefined) f.usePrivateLinkConnection = m.usePrivateLinkConnection;
  return f;
}
