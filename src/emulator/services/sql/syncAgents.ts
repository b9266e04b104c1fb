// Sync agent routes: list by server, GET, PUT and DELETE (answered as lroShapes.ts says; DELETE is refused
// while a member uses the agent), generateKey and linkedDatabases. A new agent is NeverConnected until
// someone installs it (seeds and the control API can mark agents Online/Offline).
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { DATA_SYNC_API_VERSIONS } from '../../core/apiVersions';
import { key, type SyncAgentRecord } from '../../model';
import { getAgent, getServer, VALID_NAME } from './ids';
import { renderSyncAgent } from './render';
import { startSqlAction, startSqlLro } from './lro';
import { validateSyncDatabase } from './syncGroupValidation';

const SERVER = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}';
const AGENT = `${SERVER}/syncAgents/{syncAgentName}`;

export function registerSyncAgentRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: DATA_SYNC_API_VERSIONS };
  const st = () => ctx.store.state;
  const agentId = (req: EmulatorRequest) => `${getServer(ctx, req).id}/syncAgents/${req.params.syncAgentName}`;

  ctx.lro.register('syncAgent.put', {
    complete(op) {
      const p = op.payload as { serverId: string; name: string; syncDatabaseId: string };
      const existing = st().syncAgents[key(op.resourceId)];
      const agent: SyncAgentRecord = existing ?? {
        id: op.resourceId,
        serverId: p.serverId,
        name: p.name,
        syncDatabaseId: p.syncDatabaseId,
        state: 'NeverConnected',
        isUpToDate: true,
        expiryTime: '9999-12-31T23:59:59.9999999Z',
        version: '4.2.0.0',
        linkedDatabases: [],
      };
      agent.syncDatabaseId = p.syncDatabaseId;
      st().syncAgents[key(op.resourceId)] = agent;
    },
    render: (op) => {
      const a = st().syncAgents[key(op.resourceId)];
      return a ? renderSyncAgent(a) : undefined;
    },
  });
  ctx.lro.register('syncAgent.delete', {
    complete(op) {
      delete st().syncAgents[key(op.resourceId)];
    },
  });

  ctx.router.add(
    'GET',
    `${SERVER}/syncAgents`,
    (req) => {
      const server = getServer(ctx, req);
      const list = Object.values(st().syncAgents)
        .filter((a) => key(a.serverId) === key(server.id))
        .map(renderSyncAgent);
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add('GET', AGENT, (req) => ({ status: 200, body: renderSyncAgent(getAgent(ctx, req)) }), opts);

  ctx.router.add(
    'PUT',
    AGENT,
    (req) => {
      const server = getServer(ctx, req);
      if (!VALID_NAME.test(req.params.syncAgentName))
        throw armError(
          400,
          'InvalidParameterValue',
          'The Sync Agent name is invalid. This field can contain letters, numbers, dashes and underscores.',
        );
      const body = jsonBody(req) as { properties?: { syncDatabaseId?: unknown } } | undefined;
      if (!body?.properties)
        throw armError(400, 'InvalidSyncAgentCreateOrUpdateRequest', 'The create or update sync agent request body is empty.');
      const syncDatabaseId = body.properties.syncDatabaseId;
      if (typeof syncDatabaseId !== 'string')
        throw armError(400, 'InvalidSyncMetadataDatabase', 'Sync metadata database is invalid: properties.syncDatabaseId is required.');
      validateSyncDatabase(ctx, syncDatabaseId);
      const id = agentId(req);
      const existing = st().syncAgents[key(id)];
      if (existing && key(existing.syncDatabaseId) !== key(syncDatabaseId))
        throw armError(400, 'SyncOperation_WrongSyncDatabase', 'The sync database specified does not match the existing one.');
      return startSqlLro(ctx, req, {
        mutation: existing ? 'syncAgent.replace' : 'syncAgent.create',
        kind: 'syncAgent.put',
        family: 'syncAgent',
        resourceId: id,
        location: server.location,
        finalResult: 'resource',
        payload: { serverId: server.id, name: req.params.syncAgentName, syncDatabaseId },
      });
    },
    opts,
  );

  ctx.router.add(
    'DELETE',
    AGENT,
    (req) => {
      const server = getServer(ctx, req);
      const a = st().syncAgents[key(agentId(req))];
      if (!a) return { status: 204 };
      if (Object.values(st().syncMembers).some((m) => m.syncAgentId && key(m.syncAgentId) === key(a.id))) {
        throw armError(400, 'CannotDeleteInUseSyncAgent', 'Cannot delete sync agent because it is used by sync member.');
      }
      return startSqlAction(ctx, req, 'syncAgent.delete', a.id, server.location);
    },
    opts,
  );

  ctx.router.add(
    'POST',
    `${AGENT}/generateKey`,
    (req) => {
      getAgent(ctx, req);
      return {
        status: 200,
        body: { syncAgentKey: `${randomUUID()}:${randomBytes(32).toString('base64')}:${randomBytes(48).toString('base64')}` },
      };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    `${AGENT}/linkedDatabases`,
    (req) => {
      const a = getAgent(ctx, req);
      const list = a.linkedDatabases.map((d) => ({
        id: `${a.id}/linkedDatabases/${d.databaseId}`,
        name: d.databaseId,
        type: 'Microsoft.Sql/servers/syncAgents/linkedDatabases',
        properties: {
          databaseType: d.databaseType,
          databaseId: d.databaseId,
          description: d.description,
          serverName: d.serverName,
          databaseName: d.databaseName,
          userName: d.userName,
        },
      }));
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );
}
