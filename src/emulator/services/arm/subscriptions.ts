// Microsoft.Resources subscriptions: GET /subscriptions (paged) and GET /subscriptions/{id}.
import type { ServiceContext, ServiceModule } from '../../core/context';
import { armError } from '../../core/http';
import { paginate } from '../../core/paging';
import { SUBSCRIPTION_API_VERSIONS } from '../../core/apiVersions';
import type { SubscriptionRecord } from '../../model';

export function renderSubscription(s: SubscriptionRecord): unknown {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    ...(s.tags ? { tags: s.tags } : {}),
  };
}

export const subscriptionsModule: ServiceModule = {
  name: 'subscriptions',
  register(ctx: ServiceContext) {
    const opts = { audience: 'arm' as const, apiVersions: SUBSCRIPTION_API_VERSIONS };
    ctx.router.add(
      'GET',
      '/subscriptions',
      (req) => ({
        status: 200,
        body: paginate(req, ctx.store.state.subscriptions.map(renderSubscription), ctx.options.pageSize),
      }),
      opts,
    );
    ctx.router.add(
      'GET',
      '/subscriptions/{subscriptionId}',
      (req) => {
        const s = findSubscription(ctx, req.params.subscriptionId);
        return { status: 200, body: renderSubscription(s) };
      },
      opts,
    );
  },
};

export function findSubscription(ctx: ServiceContext, id: string): SubscriptionRecord {
  const s = ctx.store.state.subscriptions.find((x) => x.subscriptionId.toLowerCase() === id.toLowerCase());
  if (!s) throw armError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
  return s;
}
