// Microsoft.Resources "Resources - List" for a subscription: GET /subscriptions/{id}/resources, the generic
// shape (id, name, type, location, kind, sku, tags) of the SQL servers and databases, optionally narrowed by
// `$filter=resourceType eq '…'` (the one filter form the emulator understands; others answer 400 as ARM
// does for a filter it cannot parse). Pages hold up to 1000 resources as on ARM (fewer with `$top`).
import type { ServiceContext, ServiceModule } from '../../core/context';
import { armError } from '../../core/http';
import { paginate } from '../../core/paging';
import { findSubscription } from './subscriptions';

export const RESOURCES_API_VERSIONS = ['2019-10-01', '2020-06-01', '2021-01-01', '2021-04-01', '2022-09-01', '2024-03-01'] as const;

interface GenericResource {
  id: string;
  name: string;
  type: string;
  location: string;
  kind?: string;
  sku?: unknown;
  tags?: Record<string, string>;
}

function typeFilter(filter: string | null): string | undefined {
  if (filter === null || filter.trim() === '') return undefined;
  const m = /^\s*resourceType\s+eq\s+'([^']+)'\s*$/i.exec(filter);
  if (!m) throw armError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
  return m[1].toLowerCase();
}

export const resourcesModule: ServiceModule = {
  name: 'resources',
  register(ctx: ServiceContext) {
    ctx.router.add(
      'GET',
      '/subscriptions/{subscriptionId}/resources',
      (req) => {
        const sub = findSubscription(ctx, req.params.subscriptionId).subscriptionId.toLowerCase();
        const type = typeFilter(req.url.searchParams.get('$filter'));
        const st = ctx.store.state;
        const servers = Object.values(st.servers).filter((s) => s.subscriptionId.toLowerCase() === sub);
        const serverIds = new Set(servers.map((s) => s.id.toLowerCase()));
        const all: GenericResource[] = [
          ...servers.map((s) => ({
            id: s.id,
            name: s.name,
            type: 'Microsoft.Sql/servers',
            location: s.location,
            kind: 'v12.0',
            ...(s.tags ? { tags: s.tags } : {}),
          })),
          ...Object.values(st.databases)
            .filter((d) => serverIds.has(d.serverId.toLowerCase()))
            .map((d) => ({
              id: d.id,
              name: `${d.serverId.split('/').pop()}/${d.name}`,
              type: 'Microsoft.Sql/servers/databases',
              location: d.location,
              kind: d.kind,
              sku: d.sku,
            })),
        ];
        const list = type === undefined ? all : all.filter((r) => r.type.toLowerCase() === type);
        // ARM pages this list by up to 1000 resources, or by $top.
        const top = Number(req.url.searchParams.get('$top'));
        return { status: 200, body: paginate(req, list, Number.isInteger(top) && top > 0 ? Math.min(top, 1000) : 1000) };
      },
      { audience: 'arm', apiVersions: RESOURCES_API_VERSIONS },
    );
  },
};
