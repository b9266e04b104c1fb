// Workspaces (GET /workspaces?roles=, GET /workspaces/{id}) and workspace role assignments (list, add,
// get, delete) — the API that grants a SQL server's managed identity access to mirrored data.
import type { ServiceContext } from '../../core/context';
import { jsonBody } from '../../core/http';
import type { RoleAssignmentRecord } from '../../fabricModel';
import { fabricError, invalidRequest } from './errors';
import { FABRIC_BASE } from './operations';
import { fabricPage, pageBody } from './paging';
import { renderRoleAssignment, renderWorkspace } from './render';
import { fabricState, fkey, getWorkspace, isGuid, newId } from './state';

export const WORKSPACE_ROLES = ['Admin', 'Member', 'Contributor', 'Viewer'];
export const PRINCIPAL_TYPES = ['User', 'ServicePrincipal', 'Group', 'ServicePrincipalProfile', 'EntireTenant'];

export function registerWorkspaceRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'fabric' as const };
  const st = () => fabricState(ctx);
  const regionOf = (capacityId?: string) => (capacityId ? st().capacities[fkey(capacityId)]?.region : undefined);
  const page = <T>(req: Parameters<typeof fabricPage>[0], items: T[]) =>
    fabricPage(req, items, ctx.options.pageSize, ctx.options.fabric.continuation);

  ctx.router.add(
    'GET',
    `${FABRIC_BASE}/workspaces`,
    (req) => {
      const roles = (req.url.searchParams.get('roles') ?? '')
        .split(',')
        .map((r) => r.trim().toLowerCase())
        .filter(Boolean);
      const list = Object.values(st().workspaces)
        .filter((w) => roles.length === 0 || roles.includes((w.callerRole ?? 'Admin').toLowerCase()))
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((w) => renderWorkspace(w, regionOf(w.capacityId)));
      return { status: 200, body: pageBody(page(req, list)) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    `${FABRIC_BASE}/workspaces/{workspaceId}`,
    (req) => {
      const w = getWorkspace(ctx, req.params.workspaceId);
      return { status: 200, body: renderWorkspace(w, regionOf(w.capacityId)) };
    },
    opts,
  );

  const assignmentsOf = (workspaceId: string) =>
    Object.values(st().roleAssignments).filter((r) => fkey(r.workspaceId) === fkey(workspaceId));

  ctx.router.add(
    'GET',
    `${FABRIC_BASE}/workspaces/{workspaceId}/roleAssignments`,
    (req) => {
      const w = getWorkspace(ctx, req.params.workspaceId);
      return { status: 200, body: pageBody(page(req, assignmentsOf(w.id).map(renderRoleAssignment))) };
    },
    opts,
  );

  ctx.router.add(
    'POST',
    `${FABRIC_BASE}/workspaces/{workspaceId}/roleAssignments`,
    (req) => {
      const w = getWorkspace(ctx, req.params.workspaceId);
      const b = jsonBody(req) as { principal?: { id?: unknown; type?: unknown }; role?: unknown } | undefined;
      const principal = b?.principal;
      if (!principal || !isGuid(principal.id)) throw invalidRequest("'principal.id' is required and must be a GUID.", 'principal.id');
      if (typeof principal.type !== 'string' || !PRINCIPAL_TYPES.includes(principal.type))
        throw invalidRequest(`'principal.type' must be one of ${PRINCIPAL_TYPES.join(', ')}.`, 'principal.type');
      if (typeof b.role !== 'string' || !WORKSPACE_ROLES.includes(b.role))
        throw invalidRequest(`'role' must be one of ${WORKSPACE_ROLES.join(', ')}.`, 'role');
      if (assignmentsOf(w.id).some((r) => fkey(r.principal.id) === fkey(principal.id as string)))
        throw fabricError(409, 'PrincipalAlreadyHasWorkspaceRolePermissions', 'The principal already has a role in this workspace.');
      const r: RoleAssignmentRecord = {
        id: newId(),
        workspaceId: w.id,
        principal: { id: principal.id, type: principal.type },
        role: b.role,
      };
      st().roleAssignments[fkey(r.id)] = r;
      ctx.store.changed();
      return {
        status: 201,
        headers: { location: `${req.base}${FABRIC_BASE}/workspaces/${w.id}/roleAssignments/${r.id}` },
        body: renderRoleAssignment(r),
      };
    },
    opts,
  );

  const getAssignment = (workspaceId: string, id: string): RoleAssignmentRecord => {
    const w = getWorkspace(ctx, workspaceId);
    const r = st().roleAssignments[fkey(id)];
    if (!r || fkey(r.workspaceId) !== fkey(w.id))
      throw fabricError(404, 'WorkspaceRoleAssignmentNotFound', 'The requested workspace role assignment was not found.');
    return r;
  };

  ctx.router.add(
    'GET',
    `${FABRIC_BASE}/workspaces/{workspaceId}/roleAssignments/{roleAssignmentId}`,
    (req) => ({ status: 200, body: renderRoleAssignment(getAssignment(req.params.workspaceId, req.params.roleAssignmentId)) }),
    opts,
  );

  ctx.router.add(
    'DELETE',
    `${FABRIC_BASE}/workspaces/{workspaceId}/roleAssignments/{roleAssignmentId}`,
    (req) => {
      const r = getAssignment(req.params.workspaceId, req.params.roleAssignmentId);
      delete st().roleAssignments[fkey(r.id)];
      ctx.store.changed();
      return { status: 200 };
    },
    opts,
  );
}
