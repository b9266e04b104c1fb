// ARM "Resources - List" of a subscription (Microsoft.Resources 2021-04-01), narrowed by resource type: one
// paged call instead of one call per resource group or per parent resource.
import type { AzureClient } from '../http/azureClient';
import { deserialize, model } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';

export const RESOURCES_API_VERSION = '2021-04-01';

export interface GenericResource {
  id?: string;
  name?: string;
  type?: string;
  location?: string;
  kind?: string;
  sku?: Record<string, unknown>;
  tags?: Record<string, string>;
  [extra: string]: unknown;
}

const GENERIC_RESOURCE = model('GenericResource', {
  id: 'string',
  name: 'string',
  type: 'string',
  location: 'string',
  kind: 'string',
  sku: 'object',
  tags: 'object',
});

export class ResourcesClient {
  constructor(private readonly client: AzureClient) {}

  /** Every resource of this type in the subscription (e.g. 'Microsoft.Sql/servers/databases'). */
  listByType(subscriptionId: string, resourceType: string, signal?: AbortSignal): PagedList<GenericResource> {
    if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)+$/.test(resourceType)) throw new Error(`'${resourceType}' is not a resource type.`);
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<GenericResource>(GENERIC_RESOURCE, raw),
      first: {
        operationName: 'List resources',
        method: 'GET',
        url: `${buildPath(['subscriptions', { field: 'Subscription id', value: subscriptionId }])}/resources`,
        query: { 'api-version': RESOURCES_API_VERSION, $filter: `resourceType eq '${resourceType}'` },
        signal,
      },
    });
  }
}
