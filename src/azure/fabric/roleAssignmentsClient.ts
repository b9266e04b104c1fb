// Fabric workspace role assignments: a source server's managed identity needs Contributor (or Member,
// Admin) in the workspace that mirrors it.
import type { AzureClient } from '../http/azureClient';
import { deserialize, model } from '../models/modelSchema';
import { createPager, fabricContinuation, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';

export interface WorkspaceRoleAssignment {
  id?: string;
  principal?: { id?: string; type?: string; displayName?: string };
  /** Admin | Member | Contributor | Viewer (open). */
  role?: string;
  [extra: string]: unknown;
}

const ROLE_ASSIGNMENT = model('WorkspaceRoleAssignment', {
  id: 'string',
  role: 'string',
  principal: model('Principal', { id: 'string', type: 'string', displayName: 'string' }),
});
const asAssignment = (raw: unknown) => deserialize<WorkspaceRoleAssignment>(ROLE_ASSIGNMENT, raw);

function collectionPath(workspaceId: string): string {
  return buildPath(['workspaces', { field: 'Workspace id', value: workspaceId }, 'roleAssignments']);
}

export class WorkspaceRoleAssignmentsClient {
  constructor(private readonly client: AzureClient) {}

  list(workspaceId: string, signal?: AbortSignal): PagedList<WorkspaceRoleAssignment> {
    return createPager({
      client: this.client,
      nextPage: fabricContinuation,
      deserialize: asAssignment,
      first: { operationName: 'List workspace role assignments', method: 'GET', url: collectionPath(workspaceId), signal },
    });
  }

  async add(
    workspaceId: string,
    body: { principal: { id: string; type: string }; role: string },
    signal?: AbortSignal,
  ): Promise<WorkspaceRoleAssignment> {
    return asAssignment(
      await this.client.json({
        operationName: 'Add workspace role assignment',
        method: 'POST',
        url: collectionPath(workspaceId),
        body,
        signal,
      }),
    );
  }

  async delete(workspaceId: string, roleAssignmentId: string, signal?: AbortSignal): Promise<void> {
    await this.client.send({
      operationName: 'Delete workspace role assignment',
      method: 'DELETE',
      url: `${collectionPath(workspaceId)}${buildPath([{ field: 'Role assignment id', value: roleAssignmentId }])}`,
      signal,
    });
  }
}
