// SQL servers (by subscription or resource group) and databases by server.
import type { AzureClient } from '../http/azureClient';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';
import { SQL_DATABASE, SQL_SERVER, type SqlDatabase, type SqlServer } from './serverModels';
import { serverPath, SQL_API_VERSION, type ServerRef } from './sqlPaths';

export class SqlServersClient {
  constructor(private readonly client: AzureClient) {}

  listServers(
    subscriptionId: string,
    options: { resourceGroup?: string; expand?: string; signal?: AbortSignal } = {},
  ): PagedList<SqlServer> {
    const scope =
      options.resourceGroup === undefined
        ? buildPath(['subscriptions', { field: 'Subscription id', value: subscriptionId }])
        : buildPath([
            'subscriptions',
            { field: 'Subscription id', value: subscriptionId },
            'resourceGroups',
            { field: 'Resource group', value: options.resourceGroup },
          ]);
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<SqlServer>(SQL_SERVER, raw),
      first: {
        operationName: 'List SQL servers',
        method: 'GET',
        url: `${scope}/providers/Microsoft.Sql/servers`,
        query: { 'api-version': SQL_API_VERSION, $expand: options.expand },
        signal: options.signal,
      },
    });
  }

  /** All databases including `master`; use isSystemDatabase() to hide it where it cannot be used. */
  listDatabases(server: ServerRef, options: { skipToken?: string; signal?: AbortSignal } = {}): PagedList<SqlDatabase> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<SqlDatabase>(SQL_DATABASE, raw),
      first: {
        operationName: 'List databases',
        method: 'GET',
        url: `${serverPath(server)}/databases`,
        query: { 'api-version': SQL_API_VERSION, $skipToken: options.skipToken },
        signal: options.signal,
      },
    });
  }
}
