// Servers (by subscription, by resource group) and databases of a server, including `master`.
import type { ServiceContext } from '../../core/context';
import { paginate } from '../../core/paging';
import { SQL_API_VERSIONS } from '../../core/apiVersions';
import { findSubscription } from '../arm/subscriptions';
import { getDatabase, getServer } from './ids';
import { renderDatabase, renderServer } from './render';
import { key } from '../../model';

export function registerServerRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: SQL_API_VERSIONS };
  const servers = () => Object.values(ctx.store.state.servers);

  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers',
    (req) => {
      const sub = findSubscription(ctx, req.params.subscriptionId).subscriptionId.toLowerCase();
      const list = servers()
        .filter((s) => s.subscriptionId.toLowerCase() === sub)
        .map(renderServer);
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers',
    (req) => {
      const sub = findSubscription(ctx, req.params.subscriptionId).subscriptionId.toLowerCase();
      const rg = req.params.resourceGroupName.toLowerCase();
      const list = servers()
        .filter((s) => s.subscriptionId.toLowerCase() === sub && s.resourceGroup.toLowerCase() === rg)
        .map(renderServer);
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}',
    (req) => ({ status: 200, body: renderServer(getServer(ctx, req)) }),
    opts,
  );

  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/databases',
    (req) => {
      const server = getServer(ctx, req);
      const list = Object.values(ctx.store.state.databases)
        .filter((d) => key(d.serverId) === key(server.id))
        .map(renderDatabase);
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/databases/{databaseName}',
    (req) => ({ status: 200, body: renderDatabase(getDatabase(ctx, req)) }),
    opts,
  );
}
