// Fabric workspaces (GET /v1/workspaces, paged by continuationToken / continuationUri).
import type { AzureClient } from '../http/azureClient';
import { deserialize } from '../models/modelSchema';
import { createPager, fabricContinuation, type PagedList } from '../paging/pager';
import { WORKSPACE, type Workspace } from './fabricModels';

export class FabricWorkspacesClient {
  constructor(private readonly client: AzureClient) {}

  list(options: { roles?: string; preferWorkspaceSpecificEndpoints?: boolean; signal?: AbortSignal } = {}): PagedList<Workspace> {
    return createPager({
      client: this.client,
      nextPage: fabricContinuation,
      deserialize: (raw) => deserialize<Workspace>(WORKSPACE, raw),
      first: {
        operationName: 'List Fabric workspaces',
        method: 'GET',
        url: '/workspaces',
        query: { roles: options.roles, preferWorkspaceSpecificEndpoints: options.preferWorkspaceSpecificEndpoints },
        signal: options.signal,
      },
    });
  }
}
