// Sync group routes: list by database, GET, PUT (create/replace), PATCH, DELETE, refreshHubSchema,
// hubSchemas, triggerSync, cancelSync, and syncDatabaseIds by location. Logs live in syncLogs.ts.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { DATA_SYNC_API_VERSIONS } from '../../core/apiVersions';
import { key, type OperationRecord } from '../../model';
import { getDatabase, getGroup, getServer, groupId, groupsOfDatabase, VALID_NAME } from './ids';
import { renderSyncGroup } from './render';
import { registerSchemaRoutes } from './schemaRoutes';
import { startSqlDrop, startSqlLro } from './lro';
import { cancelSync, startSync } from './syncEngine';
import { registerSyncGroupOperations } from './syncGroupOperations';
import { MAX_GROUPS_PER_DATABASE } from './dataTypes';
import {
  assertSyncableDatabase,
  readGroupBody,
  validateConflictPolicy,
  validateInterval,
  validateSchema,
  validateSyncDatabase,
  type SyncGroupFields,
} from './syncGroupValidation';
import { findSubscription } from '../arm/subscriptions';

const DB =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/databases/{databaseName}';
export const GROUP = `${DB}/syncGroups/{syncGroupName}`;

export interface PutPayload {
  create: boolean;
  databaseId: string;
  name: string;
  fields: SyncGroupFields;
  replace: boolean;
}

const pendingCreates = (ctx: ServiceContext, kind: string): OperationRecord[] =>
  Object.values(ctx.store.state.operations).filter(
    (o) => o.kind === kind && o.status === 'InProgress' && (o.payload as { create?: boolean }).create,
  );

export function registerSyncGroupRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: DATA_SYNC_API_VERSIONS };
  const r = ctx.router;
  const state = () => ctx.store.state;

  registerSyncGroupOperations(ctx);

  r.add(
    'GET',
    `${DB}/syncGroups`,
    (req) => {
      const db = getDatabase(ctx, req);
      return { status: 200, body: paginate(req, groupsOfDatabase(ctx, db.id).map(renderSyncGroup), ctx.options.pageSize) };
    },
    opts,
  );

  r.add('GET', GROUP, (req) => ({ status: 200, body: renderSyncGroup(getGroup(ctx, req)) }), opts);

  r.add(
    'PUT',
    GROUP,
    (req) => {
      const server = getServer(ctx, req);
      const db = getDatabase(ctx, req);
      if (!VALID_NAME.test(req.params.syncGroupName))
        throw armError(
          400,
          'InvalidSyncGroupName',
          'The Sync Group name is invalid. This field can contain letters, numbers, dashes and underscores.',
        );
      const fields = readGroupBody(jsonBody(req));
      assertSyncableDatabase(db);
      const id = groupId(req);
      const existing = state().syncGroups[key(id)];
      if (existing?.deleting)
        throw armError(
          400,
          'SyncOperation_UpdateSyncGroupWhenDropping',
          'Cannot update the sync group because it is currently being dropped.',
        );
      validateInterval(fields.interval);
      validateConflictPolicy(fields.conflictResolutionPolicy, !existing);
      validateSyncDatabase(ctx, fields.syncDatabaseId, existing);
      if (!existing) {
        // An entirely empty schema carries nothing and is let through; anything in it is refused, as Learn says.
        if (fields.schema && (fields.schema.tables.length || fields.schema.masterSyncMemberName)) {
          throw armError(
            400,
            'InvalidSyncGroup',
            'Sync group is invalid: do not send schema or masterSyncMemberName when creating a sync group. Create it, add members, refresh the hub schema, then update the group with the tables to sync.',
          );
        }
        const pending = pendingCreates(ctx, 'syncGroup.put');
        // PUT is create-or-update, so a name can only clash with a create of the same group still in flight.
        if (pending.some((o) => key(o.resourceId) === key(id))) {
          throw armError(
            409,
            'SyncOperation_DuplicateSyncGroupName',
            `Cannot create sync group because the sync group with the same name '${req.params.syncGroupName}' already exists.`,
          );
        }
        const count =
          groupsOfDatabase(ctx, db.id).length + pending.filter((o) => key((o.payload as PutPayload).databaseId) === key(db.id)).length;
        if (count >= MAX_GROUPS_PER_DATABASE)
          throw armError(
            400,
            'CannotCreateSyncGroupDueToQuotaExceeded',
            `Cannot create sync group due to quota exceeded: a database can be the hub of at most ${MAX_GROUPS_PER_DATABASE} sync groups.`,
          );
      } else if (fields.schema) validateSchema(ctx, existing, fields.schema);
      const payload: PutPayload = { create: !existing, databaseId: db.id, name: req.params.syncGroupName, fields, replace: true };
      return startSqlLro(ctx, req, {
        mutation: 'syncGroup.put',
        kind: 'syncGroup.put',
        family: 'syncGroup',
        resourceId: id,
        location: server.location,
        finalResult: 'resource',
        payload,
      });
    },
    opts,
  );

  r.add(
    'PATCH',
    GROUP,
    (req) => {
      const server = getServer(ctx, req);
      const g = getGroup(ctx, req);
      if (g.deleting)
        throw armError(
          400,
          'SyncOperation_UpdateSyncGroupWhenDropping',
          'Cannot update the sync group because it is currently being dropped.',
        );
      const fields = readGroupBody(jsonBody(req));
      validateInterval(fields.interval);
      validateConflictPolicy(fields.conflictResolutionPolicy, false);
      validateSyncDatabase(ctx, fields.syncDatabaseId, g);
      if (fields.schema) validateSchema(ctx, g, fields.schema);
      const payload: PutPayload = { create: false, databaseId: g.databaseId, name: g.name, fields, replace: false };
      return startSqlLro(ctx, req, {
        mutation: 'syncGroup.patch',
        kind: 'syncGroup.put',
        family: 'syncGroup',
        resourceId: g.id,
        location: server.location,
        finalResult: 'resource',
        payload,
      });
    },
    opts,
  );

  r.add(
    'DELETE',
    GROUP,
    (req) => {
      const server = getServer(ctx, req);
      getDatabase(ctx, req);
      return startSqlDrop(ctx, req, 'syncGroup.delete', state().syncGroups[key(groupId(req))], server.location, {
        code: 'SyncOperation_DuplicateSyncGroupDrop',
        message: 'The sync group is already being dropped.',
      });
    },
    opts,
  );

  registerSchemaRoutes(ctx, opts, {
    path: GROUP,
    refresh: 'refreshHubSchema',
    list: 'hubSchemas',
    mutation: 'syncGroup.refreshHubSchema',
    get: getGroup,
    schemaOf: (g) => g.hubSchema,
  });

  r.add(
    'POST',
    `${GROUP}/triggerSync`,
    (req) => {
      startSync(ctx, getGroup(ctx, req));
      return { status: 200 };
    },
    opts,
  );
  r.add(
    'POST',
    `${GROUP}/cancelSync`,
    (req) => {
      cancelSync(ctx, getGroup(ctx, req));
      return { status: 200 };
    },
    opts,
  );

  r.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/syncDatabaseIds',
    (req) => {
      return {
        status: 200,
        body: paginate(
          req,
          syncDatabaseIds(ctx, req).map((id) => ({ id })),
          ctx.options.pageSize,
        ),
      };
    },
    opts,
  );
}

/** Sync metadata databases in use in this subscription and region (groups' and agents' syncDatabaseId). */
function syncDatabaseIds(ctx: ServiceContext, req: EmulatorRequest): string[] {
  const sub = findSubscription(ctx, req.params.subscriptionId).subscriptionId.toLowerCase();
  const loc = req.params.locationName.toLowerCase().replace(/\s+/g, '');
  const st = ctx.store.state;
  const ids = new Map<string, string>();
  for (const id of [
    ...Object.values(st.syncGroups).map((g) => g.syncDatabaseId),
    ...Object.values(st.syncAgents).map((a) => a.syncDatabaseId),
  ]) {
    const db = st.databases[key(id)];
    const server = db ? st.servers[key(db.serverId)] : undefined;
    if (db && server && server.subscriptionId.toLowerCase() === sub && server.location.toLowerCase() === loc) ids.set(key(id), db.id);
  }
  return [...ids.values()];
}
