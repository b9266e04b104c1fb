// Fabric connections (GET /v1/connections, paged by continuationToken / continuationUri): what a
// mirrored database's `source.typeProperties.connection` points at. An Azure SQL connection has
// connectionDetails {type: "SQL", path: "<server>.database.windows.net;<database>"}.
import type { AzureClient } from '../http/azureClient';
import { deserialize } from '../models/modelSchema';
import { model } from '../models/modelSchema';
import { createPager, fabricContinuation, type PagedList } from '../paging/pager';

export interface FabricConnection {
  id?: string;
  displayName?: string;
  /** ShareableCloud | PersonalCloud | OnPremisesGateway… (open). */
  connectivityType?: string;
  gatewayId?: string;
  connectionDetails?: { type?: string; path?: string; [extra: string]: unknown };
  privacyLevel?: string;
  [extra: string]: unknown;
}

const CONNECTION = model('Connection', {
  id: 'string',
  displayName: 'string',
  connectivityType: 'string',
  gatewayId: 'string',
  privacyLevel: 'string',
  connectionDetails: model('ListConnectionDetails', { type: 'string', path: 'string' }),
  credentialDetails: 'object',
});

export class FabricConnectionsClient {
  constructor(private readonly client: AzureClient) {}

  list(signal?: AbortSignal): PagedList<FabricConnection> {
    return createPager({
      client: this.client,
      nextPage: fabricContinuation,
      deserialize: (raw) => deserialize<FabricConnection>(CONNECTION, raw),
      first: { operationName: 'List Fabric connections', method: 'GET', url: '/connections', signal },
    });
  }
}
