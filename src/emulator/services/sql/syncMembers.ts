// Sync member routes: list, GET, PUT, PATCH, DELETE, refreshSchema (answered as lroShapes.ts says) and schemas.
// Azure members point at a database of the emulator; on-premises members at a database linked to a sync agent.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { DATA_SYNC_API_VERSIONS } from '../../core/apiVersions';
import { key, type OperationRecord, type SyncGroupRecord, type SyncMemberRecord } from '../../model';
import { getGroup, getMember, getServer, membersOf, VALID_NAME } from './ids';
import { renderSyncMember } from './render';
import { registerSchemaRoutes } from './schemaRoutes';
import { startSqlDrop, startSqlLro } from './lro';
import { appendLog, memberHealth, memberSource } from './syncEngine';
import { MAX_MEMBERS_PER_GROUP } from './dataTypes';
import {
  assertMemberNamed,
  pickFields,
  readMemberBody,
  resolveTarget,
  type MemberFields,
  type MemberPayload,
} from './syncMemberValidation';
import { GROUP } from './syncGroups';

const MEMBER = `${GROUP}/syncMembers/{syncMemberName}`;
const MEMBER_DROPPING = { code: 'SyncOperation_DuplicateSyncMemberDrop', message: 'The sync member is already being dropped.' };

export function registerSyncMemberRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: DATA_SYNC_API_VERSIONS };
  const st = () => ctx.store.state;
  const memberId = (req: EmulatorRequest, g: SyncGroupRecord) => `${g.id}/syncMembers/${req.params.syncMemberName}`;

  /** The member as the payload describes it, over the stored one when there is one. */
  const applied = (op: OperationRecord, existing: SyncMemberRecord | undefined): SyncMemberRecord => {
    const p = op.payload as MemberPayload;
    const m: SyncMemberRecord = existing ?? {
      id: op.resourceId,
      syncGroupId: p.groupId,
      name: p.name,
      databaseType: 'AzureSqlDatabase',
      syncDirection: 'Bidirectional',
      syncState: 'UnProvisioned',
    };
    return Object.assign(m, Object.fromEntries(Object.entries(p.fields).filter(([, v]) => v !== undefined)));
  };
  ctx.lro.register('syncMember.put', {
    complete(op) {
      const group = st().syncGroups[key((op.payload as MemberPayload).groupId)];
      if (!group) throw new Error('The sync group was deleted while the member was being created.');
      const m = applied(op, st().syncMembers[key(op.resourceId)]);
      if (group.schema?.tables.length && m.syncState === 'UnProvisioned') m.syncState = 'Provisioned';
      st().syncMembers[key(op.resourceId)] = m;
    },
    render: (op) => {
      const m = st().syncMembers[key(op.resourceId)];
      return m ? renderSyncMember(m) : undefined;
    },
    // The 201 that accepts a new member carries it as requested, not yet provisioned.
    preview: (op) => renderSyncMember(applied(op, undefined)),
  });
  ctx.lro.register('syncMember.delete', {
    complete(op) {
      delete st().syncMembers[key(op.resourceId)];
    },
    rollback(op) {
      const m = st().syncMembers[key(op.resourceId)];
      if (m) m.deleting = false;
    },
  });
  ctx.lro.register('syncMember.refreshSchema', {
    complete(op) {
      const m = st().syncMembers[key(op.resourceId)];
      const g = m ? st().syncGroups[key(m.syncGroupId)] : undefined;
      if (!m || !g) return;
      const { health } = memberHealth(ctx, m);
      if (health === 'unreachable') {
        appendLog(g, ctx.now(), {
          type: 'Error',
          source: memberSource(m),
          details: 'Getting schema information for the database failed with the exception "Failed to connect to server."',
          operationStatus: 'SchemaRefreshFailure',
        });
        throw new Error('Failed to perform data sync operation: the member database could not be reached.');
      }
      const tables =
        m.databaseType === 'SqlServerDatabase'
          ? (Object.values(st().syncAgents)
              .flatMap((a) => a.linkedDatabases)
              .find((d) => d.databaseId.toLowerCase() === (m.sqlServerDatabaseId ?? '').toLowerCase())?.tables ?? [])
          : (st().databases[key(m.syncMemberAzureDatabaseResourceId ?? '')]?.tables ?? []);
      m.memberSchema = { tables: structuredClone(tables), lastUpdateTime: new Date(ctx.now()).toISOString() };
      appendLog(g, ctx.now(), {
        type: 'Success',
        source: memberSource(m),
        details: 'Schema information obtained successfully.',
        operationStatus: 'SchemaRefreshSuccess',
      });
    },
  });

  ctx.router.add(
    'GET',
    `${GROUP}/syncMembers`,
    (req) => {
      const g = getGroup(ctx, req);
      return { status: 200, body: paginate(req, membersOf(ctx, g.id).map(renderSyncMember), ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add('GET', MEMBER, (req) => ({ status: 200, body: renderSyncMember(getMember(ctx, req)) }), opts);

  const put = (req: EmulatorRequest, patch: boolean) => {
    const server = getServer(ctx, req);
    const g = getGroup(ctx, req);
    if (g.deleting)
      throw armError(
        400,
        'SyncOperation_UpdateSyncGroupWhenDropping',
        'Cannot update the sync group because it is currently being dropped.',
      );
    if (!VALID_NAME.test(req.params.syncMemberName))
      throw armError(
        400,
        'InvalidSyncMemberName',
        'The Sync Member name is invalid. This field can contain letters, numbers, dashes and underscores.',
      );
    const id = memberId(req, g);
    const existing = patch ? getMember(ctx, req) : st().syncMembers[key(id)];
    if (existing?.deleting) throw armError(400, MEMBER_DROPPING.code, MEMBER_DROPPING.message);
    const fields = readMemberBody(jsonBody(req));
    const merged: MemberFields = existing ? { ...pickFields(existing), ...fields } : fields;
    assertMemberNamed(patch ? merged : fields, merged.databaseType ?? 'AzureSqlDatabase');
    if (!patch || fields.syncMemberAzureDatabaseResourceId || fields.syncAgentId || fields.sqlServerDatabaseId || fields.databaseType)
      resolveTarget(ctx, g, merged);
    if (!existing) {
      const pending = Object.values(st().operations).filter(
        (o) => o.kind === 'syncMember.put' && o.status === 'InProgress' && (o.payload as MemberPayload).create,
      );
      if (pending.some((o) => key(o.resourceId) === key(id)))
        throw armError(
          409,
          'SyncOperation_DuplicateSyncMemberName',
          `Cannot create sync member because the sync member with the same name '${req.params.syncMemberName}' already exists.`,
        );
      if (
        membersOf(ctx, g.id).length + pending.filter((o) => key((o.payload as MemberPayload).groupId) === key(g.id)).length >=
        MAX_MEMBERS_PER_GROUP
      ) {
        throw armError(
          400,
          'CannotCreateSyncMemberDueToQuotaExceeded',
          `Cannot create sync member due to quota exceeded: a sync group can have at most ${MAX_MEMBERS_PER_GROUP} members.`,
        );
      }
    }
    const payload: MemberPayload = { create: !existing, groupId: g.id, name: req.params.syncMemberName, fields: merged };
    return startSqlLro(ctx, req, {
      mutation: patch ? 'syncMember.patch' : existing ? 'syncMember.replace' : 'syncMember.create',
      kind: 'syncMember.put',
      family: 'syncMember',
      resourceId: id,
      location: server.location,
      finalResult: 'resource',
      payload,
    });
  };
  ctx.router.add('PUT', MEMBER, (req) => put(req, false), opts);
  ctx.router.add('PATCH', MEMBER, (req) => put(req, true), opts);

  ctx.router.add(
    'DELETE',
    MEMBER,
    (req) => {
      const server = getServer(ctx, req);
      const g = getGroup(ctx, req);
      return startSqlDrop(ctx, req, 'syncMember.delete', st().syncMembers[key(memberId(req, g))], server.location, MEMBER_DROPPING);
    },
    opts,
  );

  registerSchemaRoutes(ctx, opts, {
    path: MEMBER,
    refresh: 'refreshSchema',
    list: 'schemas',
    mutation: 'syncMember.refreshSchema',
    get: getMember,
    schemaOf: (m) => m.memberSchema,
  });
}
