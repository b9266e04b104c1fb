// Workspace role assignments (GET/POST /v1/workspaces/{ws}/roleAssignments): how a SQL server's managed
// identity gets the access mirroring needs when the item is created through the API.
import type { AzureClient } from '../http/azureClient';
import { deserialize, model } from '../models/modelSchema';
import { createPager, fabricContinuation, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';

/** Admin | Member | Contributor | Viewer (open). */
export type WorkspaceRole = string;
export interface WorkspaceRoleAssignment {
  id?: string;
  principal?: { id?: string; type?: string; displayName?: string; [extra: string]: unknown };
  role?: WorkspaceRole;
  [extra: string]: unknown;
}
export interface AddRoleAssignmentRequest {
  /** type: User | Group | ServicePrincipal | ServicePrincipalProfile | EntireTenant. */
  principal: { id: string; type: string };
  role: WorkspaceRole;
}

const ASSIGNMENT = model('WorkspaceRoleAssignment', {
  id: 'string',
  role: 'string',
  principal: model('Principal', { id: 'string', type: 'string', displayName: 'string' }),
});
const asAssignment = (raw: unknown) => deserialize<WorkspaceRoleAssignment>(ASSIGNMENT, raw);

const collection = (workspaceId: string): string =>
  buildPath(['workspaces', { field: 'Workspace id', value: workspaceId }, 'roleAssignments']);

export class WorkspaceRoleAssignmentsClient {
  constructor(private readonly client: AzureClient) {}

  list(workspaceId: string, signal?: AbortSignal): PagedList<WorkspaceRoleAssignment> {
    return createPager({
      client: this.client,
      nextPage: fabricContinuation,
      deserialize: asAssignment,
      first: { operationName: 'List workspace role assignments', method: 'GET', url: collection(workspaceId), signal },
    });
  }

  async add(workspaceId: string, body: AddRoleAssignmentRequest, signal?: AbortSignal): Promise<WorkspaceRoleAssignment> {
    return asAssignment(
      await this.client.json({
        operationName: 'Add workspace role assignment',
        method: 'POST',
        url: collection(workspaceId),
        body,
        signal,
      }),
    );
  }
}
