// ARM subscriptions (Microsoft.Resources 2022-12-01).
import type { AzureClient } from '../http/azureClient';
import { deserialize, model } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';

export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

export interface Subscription {
  id?: string;
  subscriptionId?: string;
  tenantId?: string;
  displayName?: string;
  /** Enabled | Warned | PastDue | Disabled | Deleted (open). */
  state?: string;
  subscriptionPolicies?: Record<string, unknown>;
  authorizationSource?: string;
  managedByTenants?: Array<{ tenantId?: string }>;
  tags?: Record<string, string>;
  [extra: string]: unknown;
}

export const SUBSCRIPTION = model('Subscription', {
  id: 'string',
  subscriptionId: 'string',
  tenantId: 'string',
  displayName: 'string',
  state: 'string',
  subscriptionPolicies: 'object',
  authorizationSource: 'string',
  tags: 'object',
  managedByTenants: { arrayOf: model('ManagedByTenant', { tenantId: 'string' }) },
});

export class SubscriptionsClient {
  constructor(private readonly client: AzureClient) {}

  list(signal?: AbortSignal): PagedList<Subscription> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<Subscription>(SUBSCRIPTION, raw),
      first: {
        operationName: 'List subscriptions',
        method: 'GET',
        url: '/subscriptions',
        query: { 'api-version': SUBSCRIPTIONS_API_VERSION },
        signal,
      },
    });
  }
}
