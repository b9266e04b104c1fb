// Fabric connections (GET /v1/connections, paged): where a mirrored database's definition points
// (`source.typeProperties.connection`), so its source server and database can be shown.
import type { AzureClient } from '../http/azureClient';
import { arrayOf, deserialize, model } from '../models/modelSchema';
import { createPager, fabricContinuation, type PagedList } from '../paging/pager';

export interface FabricConnection {
  id?: string;
  displayName?: string;
  /** ShareableCloud | OnPremisesGateway | … (open). */
  connectivityType?: string;
  connectionDetails?: {
    /** SQL | … (open). */
    type?: string;
    /** For SQL: `<server>.database.windows.net;<database>`. */
    path?: string;
  };
  [extra: string]: unknown;
}

const CONNECTION = model('Connection', {
  id: 'string',
  displayName: 'string',
  connectivityType: 'string',
  connectionDetails: model('ListConnectionDetails', { type: 'string', path: 'string' }),
  tags: arrayOf('object'),
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

/** "server.database.windows.net;Database" → its two halves; undefined for other shapes. */
export function sqlConnectionTarget(connection: FabricConnection): { server: string; database: string } | undefined {
  const path = connection.connectionDetails?.path;
  const [server, database] = path?.split(';') ?? [];
  return server && database ? { server, database } : undefined;
}
