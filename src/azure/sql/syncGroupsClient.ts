// Data Sync groups (Microsoft.Sql 2025-01-01). PUT/PATCH/DELETE and refreshHubSchema are ARM LROs and
// return a poller for the operations center; trigger/cancel are plain POSTs.
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from '../lro/armPoller';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, syncLogsNextPage, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';
import { databasePath, SQL_API_VERSION, syncGroupPath, type DatabaseRef, type SyncGroupRef } from './sqlPaths';
import {
  SYNC_DATABASE_ID,
  SYNC_FULL_SCHEMA,
  SYNC_GROUP,
  SYNC_GROUP_LOG,
  type SyncDatabaseId,
  type SyncFullSchema,
  type SyncGroup,
  type SyncGroupInput,
  type SyncGroupLog,
  type SyncGroupLogType,
} from './syncModels';

const q = { 'api-version': SQL_API_VERSION };
const asGroup = (raw: unknown): SyncGroup => deserialize<SyncGroup>(SYNC_GROUP, raw);

export interface SyncLogQuery {
  startTime: string;
  endTime: string;
  type: SyncGroupLogType;
  continuationToken?: string;
}

export class SyncGroupsClient {
  constructor(private readonly client: AzureClient) {}

  list(db: DatabaseRef, signal?: AbortSignal): PagedList<SyncGroup> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asGroup,
      first: { operationName: 'List sync groups', method: 'GET', url: `${databasePath(db)}/syncGroups`, query: q, signal },
    });
  }

  async get(ref: SyncGroupRef, signal?: AbortSignal): Promise<SyncGroup> {
    return asGroup(await this.client.json({ operationName: 'Get sync group', method: 'GET', url: syncGroupPath(ref), query: q, signal }));
  }

  /** Create or replace. The docs: create WITHOUT schema/masterSyncMemberName, set them later by update. */
  async beginCreateOrUpdate(ref: SyncGroupRef, body: SyncGroupInput, signal?: AbortSignal): Promise<ArmPoller<SyncGroup>> {
    return ArmPoller.begin<SyncGroup>(this.client, {
      operationName: `Create sync group ${ref.syncGroup}`,
      method: 'PUT',
      url: syncGroupPath(ref),
      query: q,
      body,
      signal,
    });
  }

  async beginUpdate(ref: SyncGroupRef, body: Partial<SyncGroupInput>, signal?: AbortSignal): Promise<ArmPoller<SyncGroup>> {
    return ArmPoller.begin<SyncGroup>(this.client, {
      operationName: `Update sync group ${ref.syncGroup}`,
      method: 'PATCH',
      url: syncGroupPath(ref),
      query: q,
      body,
      signal,
    });
  }

  async beginDelete(ref: SyncGroupRef, signal?: AbortSignal): Promise<ArmPoller<void>> {
    return ArmPoller.begin<void>(this.client, {
      operationName: `Delete sync group ${ref.syncGroup}`,
      method: 'DELETE',
      url: syncGroupPath(ref),
      query: q,
      signal,
    });
  }

  async beginRefreshHubSchema(ref: SyncGroupRef, signal?: AbortSignal): Promise<ArmPoller<void>> {
    return ArmPoller.begin<void>(this.client, {
      operationName: `Refresh hub schema of ${ref.syncGroup}`,
      method: 'POST',
      url: `${syncGroupPath(ref)}/refreshHubSchema`,
      query: q,
      signal,
    });
  }

  listHubSchemas(ref: SyncGroupRef, signal?: AbortSignal): PagedList<SyncFullSchema> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<SyncFullSchema>(SYNC_FULL_SCHEMA, raw),
      first: { operationName: 'Get hub schema', method: 'GET', url: `${syncGroupPath(ref)}/hubSchemas`, query: q, signal },
    });
  }

  async triggerSync(ref: SyncGroupRef, signal?: AbortSignal): Promise<void> {
    await this.client.send({
      operationName: `Trigger sync of ${ref.syncGroup}`,
      method: 'POST',
      url: `${syncGroupPath(ref)}/triggerSync`,
      query: q,
      signal,
    });
  }

  async cancelSync(ref: SyncGroupRef, signal?: AbortSignal): Promise<void> {
    await this.client.send({
      operationName: `Cancel sync of ${ref.syncGroup}`,
      method: 'POST',
      url: `${syncGroupPath(ref)}/cancelSync`,
      query: q,
      signal,
    });
  }

  listLogs(ref: SyncGroupRef, query: SyncLogQuery, signal?: AbortSignal): PagedList<SyncGroupLog> {
    return createPager({
      client: this.client,
      nextPage: syncLogsNextPage,
      deserialize: (raw) => deserialize<SyncGroupLog>(SYNC_GROUP_LOG, raw),
      first: { operationName: 'Get sync logs', method: 'GET', url: `${syncGroupPath(ref)}/logs`, query: { ...query, ...q }, signal },
    });
  }

  listSyncDatabaseIds(subscriptionId: string, locationName: string, signal?: AbortSignal): PagedList<SyncDatabaseId> {
    const url = buildPath([
      'subscriptions',
      { field: 'Subscription id', value: subscriptionId },
      'providers',
      'Microsoft.Sql',
      'locations',
      { field: 'Location', value: locationName },
      'syncDatabaseIds',
    ]);
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<SyncDatabaseId>(SYNC_DATABASE_ID, raw),
      first: { operationName: 'List sync metadata databases', method: 'GET', url, query: q, signal },
    });
  }
}
