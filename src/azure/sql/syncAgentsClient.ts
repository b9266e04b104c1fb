// Data Sync agents (on-premises members): CRUD (PUT/DELETE are LROs), generateKey, linkedDatabases.
// The agent key is a secret: callers show it once and never log or persist it.
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from '../lro/armPoller';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { serverPath, SQL_API_VERSION, syncAgentPath, type ServerRef, type SyncAgentRef } from './sqlPaths';
import {
  SYNC_AGENT,
  SYNC_AGENT_KEY,
  SYNC_AGENT_LINKED_DATABASE,
  type SyncAgent,
  type SyncAgentKey,
  type SyncAgentLinkedDatabase,
} from './syncModels';

const q = { 'api-version': SQL_API_VERSION };
const asAgent = (raw: unknown): SyncAgent => deserialize<SyncAgent>(SYNC_AGENT, raw);

export class SyncAgentsClient {
  constructor(private readonly client: AzureClient) {}

  list(server: ServerRef, signal?: AbortSignal): PagedList<SyncAgent> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asAgent,
      first: { operationName: 'List sync agents', method: 'GET', url: `${serverPath(server)}/syncAgents`, query: q, signal },
    });
  }

  async get(ref: SyncAgentRef, signal?: AbortSignal): Promise<SyncAgent> {
    return asAgent(await this.client.json({ operationName: 'Get sync agent', method: 'GET', url: syncAgentPath(ref), query: q, signal }));
  }

  /** body.properties.syncDatabaseId: the sync metadata database. */
  async beginCreateOrUpdate(
    ref: SyncAgentRef,
    body: { properties: { syncDatabaseId?: string } },
    signal?: AbortSignal,
  ): Promise<ArmPoller<SyncAgent>> {
    return ArmPoller.begin<SyncAgent>(this.client, {
      operationName: `Create sync agent ${ref.syncAgent}`,
      method: 'PUT',
      url: syncAgentPath(ref),
      query: q,
      body,
      signal,
    });
  }

  async beginDelete(ref: SyncAgentRef, signal?: AbortSignal): Promise<ArmPoller<void>> {
    return ArmPoller.begin<void>(this.client, {
      operationName: `Delete sync agent ${ref.syncAgent}`,
      method: 'DELETE',
      url: syncAgentPath(ref),
      query: q,
      signal,
    });
  }

  async generateKey(ref: SyncAgentRef, signal?: AbortSignal): Promise<SyncAgentKey> {
    return deserialize<SyncAgentKey>(
      SYNC_AGENT_KEY,
      await this.client.json({
        operationName: `Generate key for sync agent ${ref.syncAgent}`,
        method: 'POST',
        url: `${syncAgentPath(ref)}/generateKey`,
        query: q,
        signal,
      }),
    );
  }

  listLinkedDatabases(ref: SyncAgentRef, signal?: AbortSignal): PagedList<SyncAgentLinkedDatabase> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<SyncAgentLinkedDatabase>(SYNC_AGENT_LINKED_DATABASE, raw),
      first: {
        operationName: 'List databases linked to the sync agent',
        method: 'GET',
        url: `${syncAgentPath(ref)}/linkedDatabases`,
        query: q,
        signal,
      },
    });
  }
}
