// Sync member routes: list, GET, PUT, PATCH, DELETE (LROs), refreshSchema (LRO) and schemas.
// Azure members point at a database of the emulator; on-premises members at a database linked to a sync agent.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { DATA_SYNC_API_VERSIONS } from '../../core/apiVersions';
import { key, type SyncGroupRecord, type SyncMemberRecord } from '../../model';
import { getGroup, getMember, getServer, membersOf, parseDatabaseId, VALID_NAME } from './ids';
import { renderFullSchema, renderSyncMember } from './render';
import { startSqlLro } from './lro';
import { appendLog, memberHealth, memberSource } from './syncEngine';
import { MAX_MEMBERS_PER_GROUP } from './dataTypes';
import { assertSyncableDatabase } from './syncGroupValidation';
import { GROUP } from './syncGroups';

const MEMBER = `${GROUP}/syncMembers/{syncMemberName}`;
const DIRECTIONS = ['Bidirectional', 'OneWayMemberToHub', 'OneWayHubToMember'];
const TYPES = ['AzureSqlDatabase', 'SqlServerDatabase'];
const FIELDS = ['databaseType', 'syncAgentId', 'sqlServerDatabaseId', 'syncMemberAzureDatabaseResourceId', 'serverName', 'databaseName', 'userName', 'syncDirection'] as const;

type MemberFields = Partial<Pick<SyncMemberRecord, typeof FIELDS[number] | 'usePrivateLinkConnection'>>;
interface MemberPayload { create: boolean; groupId: string; name: string; fields: MemberFields }

/** Reads `{properties:{…}}`; password is accepted and dropped (write-only, never stored or returned). */
function readMemberBody(body: unknown): MemberFields {
  const p = (body as { properties?: unknown } | undefined)?.properties;
  if (typeof p !== 'object' || p === null) throw armError(400, 'InvalidSyncMemberCreateOrUpdateRequest', 'The create or update sync member request body is empty.');
  const src = p as Record<string, unknown>;
  const f: MemberFields = {};
  for (const k of FIELDS) if (typeof src[k] === 'string') f[k] = src[k] as string;
  if (typeof src.usePrivateLinkConnection === 'boolean') f.usePrivateLinkConnection = src.usePrivateLinkConnection;
  if (f.syncDirection && !DIRECTIONS.includes(f.syncDirection)) throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter 'syncDirection': '${f.syncDirection}'.`);
  if (f.databaseType && !TYPES.includes(f.databaseType)) throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter 'databaseType': '${f.databaseType}'.`);
  return f;
}

/** Resolves what the member points at; fills the Azure resource id from serverName + databaseName if needed. */
function resolveTarget(ctx: ServiceContext, group: SyncGroupRecord, f: MemberFields): void {
  const st = ctx.store.state;
  if ((f.databaseType ?? 'AzureSqlDatabase') === 'SqlServerDatabase') {
    const agent = f.syncAgentId ? st.syncAgents[key(f.syncAgentId)] : undefined;
    if (!agent) throw armError(400, 'InvalidSyncAgentResourceId', `Invalid sync agent resource identifier '${f.syncAgentId ?? ''}'.`);
    const linked = agent.linkedDatabases.find((d) => d.databaseId.toLowerCase() === (f.sqlServerDatabaseId ?? '').toLowerCase());
    if (!linked) throw armError(400, 'InvalidSyncMember', `Sync member is invalid: SQL Server database '${f.sqlServerDatabaseId ?? ''}' is not linked to sync agent '${agent.name}'.`);
    f.serverName ??= linked.serverName; f.databaseName ??= linked.databaseName;
    return;
  }
  let dbId = f.syncMemberAzureDatabaseResourceId;
  if (!dbId && f.serverName && f.databaseName) {
    const host = f.serverName.toLowerCase().replace(/\.database\.windows\.net$/, '');
    const server = Object.values(st.servers).find((s) => s.name.toLowerCase() === host);
    dbId = server ? `${server.id}/databases/${f.databaseName}` : undefined;
  }
  if (!dbId) throw armError(400, 'InvalidDatabaseResourceId', 'Invalid database resource identifier: give syncMemberAzureDatabaseResourceId, or serverName and databaseName.');
  if (!parseDatabaseId(dbId)) throw armError(400, 'InvalidDatabaseResourceId', `Invalid database resource identifier '${dbId}'.`);
  const db = st.databases[key(dbId)];
  if (!db) throw armError(404, 'DatabaseDoesNotExist', `User has specified a database '${dbId}' that does not exist.`);
  assertSyncableDatabase(db);
  if (key(db.id) === key(group.databaseId)) throw armError(400, 'InvalidSyncMember', 'Sync member is invalid: the hub database cannot also be a member of its sync group.');
  const server = st.servers[key(db.serverId)];
  f.syncMemberAzureDatabaseResourceId = db.id;
  f.serverName ??= `${server.name}.database.windows.net`;
  f.databaseName ??= db.name;
}

export function registerSyncMemberRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: DATA_SYNC_API_VERSIONS };
  const st = () => ctx.store.state;
  const memberId = (req: EmulatorRequest, g: SyncGroupRecord) => `${g.id}/syncMembers/${req.params.syncMemberName}`;

  ctx.lro.register('syncMember.put', {
    complete(op) {
      const p = op.payload as MemberPayload;
      const existing = st().syncMembers[key(op.resourceId)];
      const group = st().syncGroups[key(p.groupId)];
      if (!group) throw new Error('The sync group was deleted while the member was being created.');
      const m: SyncMemberRecord = existing ?? { id: op.resourceId, syncGroupId: group.id, name: p.name, databaseType: 'AzureSqlDatabase', syncDirection: 'Bidirectional', syncState: 'UnProvisioned' };
      Object.assign(m, Object.fromEntries(Object.entries(p.fields).filter(([, v]) => v !== undefined)));
      if (group.schema?.tables.length && m.syncState === 'UnProvisioned') m.syncState = 'Provisioned';
      st().syncMembers[key(op.resourceId)] = m;
    },
    render: (op) => { const m = st().syncMembers[key(op.resourceId)]; return m ? renderSyncMember(m) : undefined; },
  });
  ctx.lro.register('syncMember.delete', {
    complete(op) { delete st().syncMembers[key(op.resourceId)]; },
    rollback(op) { const m = st().syncMembers[key(op.resourceId)]; if (m) m.deleting = false; },
  });
  ctx.lro.register('syncMember.refreshSchema', {
    complete(op) {
      const m = st().syncMembers[key(op.resourceId)];
      const g = m ? st().syncGroups[key(m.syncGroupId)] : undefined;
      if (!m || !g) return;
      const { health } = memberHealth(ctx, m);
      if (health === 'unreachable') {
        appendLog(g, ctx.now(), { type: 'Error', source: memberSource(m), details: 'Getting schema information for the database failed with the exception "Failed to connect to server."', operationStatus: 'SchemaRefreshFailure' });
        throw new Error('Failed to perform data sync operation: the member database could not be reached.');
      }
      const tables = m.databaseType === 'SqlServerDatabase'
        ? Object.values(st().syncAgents).flatMap((a) => a.linkedDatabases).find((d) => d.databaseId.toLowerCase() === (m.sqlServerDatabaseId ?? '').toLowerCase())?.tables ?? []
        : st().databases[key(m.syncMemberAzureDatabaseResourceId ?? '')]?.tables ?? [];
      m.memberSchema = { tables: structuredClone(tables), lastUpdateTime: new Date(ctx.now()).toISOString() };
      appendLog(g, ctx.now(), { type: 'Success', source: memberSource(m), details: 'Schema information obtained successfully.', operationStatus: 'SchemaRefreshSuccess' });
    },
  });

  ctx.router.add('GET', `${GROUP}/syncMembers`, (req) => {
    const g = getGroup(ctx, req);
    return { status: 200, body: paginate(req, membersOf(ctx, g.id).map(renderSyncMember), ctx.options.pageSize) };
  }, opts);

  ctx.router.add('GET', MEMBER, (req) => ({ status: 200, body: renderSyncMember(getMember(ctx, req)) }), opts);

  const put = (req: EmulatorRequest, patch: boolean) => {
    const server = getServer(ctx, req);
    const g = getGroup(ctx, req);
    if (g.deleting) throw armError(400, 'SyncOperation_UpdateSyncGroupWhenDropping', 'Cannot update the sync group because it is currently being dropped.');
    if (!VALID_NAME.test(req.params.syncMemberName)) throw armError(400, 'InvalidSyncMemberName', 'The Sync Member name is invalid. This field can contain letters, numbers, dashes and underscores.');
    const id = memberId(req, g);
    const existing = patch ? getMember(ctx, req) : st().syncMembers[key(id)];
    if (existing?.deleting) throw armError(400, 'SyncOperation_DuplicateSyncMemberDrop', 'The sync member is already being dropped.');
    const fields = readMemberBody(jsonBody(req));
    const merged: MemberFields = existing ? { ...pickFields(existing), ...fields } : fields;
    if (!patch || fields.syncMemberAzureDatabaseResourceId || fields.syncAgentId || fields.sqlServerDatabaseId || fields.databaseType) resolveTarget(ctx, g, merged);
    if (!existing) {
      const pending = Object.values(st().operations).filter((o) => o.kind === 'syncMember.put' && o.status === 'InProgress' && (o.payload as MemberPayload).create);
      if (pending.some((o) => key(o.resourceId) === key(id))) throw armError(409, 'SyncOperation_DuplicateSyncMemberName', `Cannot create sync member because the sync member with the same name '${req.params.syncMemberName}' already exists.`);
      if (membersOf(ctx, g.id).length + pending.filter((o) => key((o.payload as MemberPayload).groupId) === key(g.id)).length >= MAX_MEMBERS_PER_GROUP) {
        throw armError(400, 'CannotCreateSyncMemberDueToQuotaExceeded', `Cannot create sync member due to quota exceeded: a sync group can have at most ${MAX_MEMBERS_PER_GROUP} members.`);
      }
    }
    const payload: MemberPayload = { create: !existing, groupId: g.id, name: req.params.syncMemberName, fields: merged };
    return startSqlLro(ctx, req, { kind: 'syncMember.put', family: 'syncMember', resourceId: id, location: server.location, finalResult: 'resource', payload });
  };
  ctx.router.add('PUT', MEMBER, (req) => put(req, false), opts);
  ctx.router.add('PATCH', MEMBER, (req) => put(req, true), opts);

  ctx.router.add('DELETE', MEMBER, (req) => {
    const server = getServer(ctx, req);
    const g = getGroup(ctx, req);
    const m = st().syncMembers[key(memberId(req, g))];
    if (!m) return { status: 204 };
    if (m.deleting) throw armError(400, 'SyncOperation_DuplicateSyncMemberDrop', 'The sync member is already being dropped.');
    m.deleting = true;
    ctx.store.changed();
    return startSqlLro(ctx, req, { kind: 'syncMember.delete', family: 'syncMember', resourceId: m.id, location: server.location, finalResult: 'none', payload: {} });
  }, opts);

  ctx.router.add('POST', `${MEMBER}/refreshSchema`, (req) => {
    const server = getServer(ctx, req);
    const m = getMember(ctx, req);
    return startSqlLro(ctx, req, { kind: 'syncMember.refreshSchema', family: 'syncMember', resourceId: m.id, location: server.location, finalResult: 'none', payload: {} });
  }, opts);

  ctx.router.add('GET', `${MEMBER}/schemas`, (req) => {
    const m = getMember(ctx, req);
    return { status: 200, body: paginate(req, m.memberSchema ? [renderFullSchema(m.memberSchema)] : [], ctx.options.pageSize) };
  }, opts);
}

function pickFields(m: SyncMemberRecord): MemberFields {
  const f: MemberFields = {};
  for (const k of FIELDS) if (m[k] !== undefined) f[k] = m[k] as string;
  if (m.usePrivateLinkConnection !== undefined) f.usePrivateLinkConnection = m.usePrivateLinkConnection;
  return f;
}
