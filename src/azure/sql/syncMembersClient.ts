// Data Sync members: CRUD (PUT/PATCH/DELETE are LROs), refreshSchema (LRO) and schemas.
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from '../lro/armPoller';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { SQL_API_VERSION, syncGroupPath, syncMemberPath, type SyncGroupRef, type SyncMemberRef } from './sqlPaths';
import { SYNC_FULL_SCHEMA, SYNC_MEMBER, type SyncFullSchema, type SyncMember, type SyncMemberInput } from './syncModels';

const q = { 'api-version': SQL_API_VERSION };
const asMember = (raw: unknown): SyncMember => deserialize<SyncMember>(SYNC_MEMBER, raw);

export class SyncMembersClient {
  constructor(private readonly client: AzureClient) {}

  list(group: SyncGroupRef, signal?: AbortSignal): PagedList<SyncMember> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asMember,
      first: { operationName: 'List sync members', method: 'GET', url: `${syncGroupPath(group)}/syncMembers`, query: q, signal },
    });
  }

  async get(ref: SyncMemberRef, signal?: AbortSignal): Promise<SyncMember> {
    return asMember(
      await this.client.json({ operationName: 'Get sync member', method: 'GET', url: syncMemberPath(ref), query: q, signal }),
    );
  }

  async beginCreateOrUpdate(ref: SyncMemberRef, body: SyncMemberInput, signal?: AbortSignal): Promise<ArmPoller<SyncMember>> {
    return ArmPoller.begin<SyncMember>(this.client, {
      operationName: `Create sync member ${ref.syncMember}`,
      method: 'PUT',
      url: syncMemberPath(ref),
      query: q,
      body,
      signal,
    });
  }

  async beginUpdate(ref: SyncMemberRef, body: Partial<SyncMemberInput>, signal?: AbortSignal): Promise<ArmPoller<SyncMember>> {
    return ArmPoller.begin<SyncMember>(this.client, {
      operationName: `Update sync member ${ref.syncMember}`,
      method: 'PATCH',
      url: syncMemberPath(ref),
      query: q,
      body,
      signal,
    });
  }

  async beginDelete(ref: SyncMemberRef, signal?: AbortSignal): Promise<ArmPoller<void>> {
    return ArmPoller.begin<void>(this.client, {
      operationName: `Delete sync member ${ref.syncMember}`,
      method: 'DELETE',
      url: syncMemberPath(ref),
      query: q,
      signal,
    });
  }

  async beginRefreshSchema(ref: SyncMemberRef, signal?: AbortSignal): Promise<ArmPoller<void>> {
    return ArmPoller.begin<void>(this.client, {
      operationName: `Refresh schema of member ${ref.syncMember}`,
      method: 'POST',
      url: `${syncMemberPath(ref)}/refreshSchema`,
      query: q,
      signal,
    });
  }

  listSchemas(ref: SyncMemberRef, signal?: AbortSignal): PagedList<SyncFullSchema> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<SyncFullSchema>(SYNC_FULL_SCHEMA, raw),
      first: { operationName: 'Get member schema', method: 'GET', url: `${syncMemberPath(ref)}/schemas`, query: q, signal },
    });
  }
}
