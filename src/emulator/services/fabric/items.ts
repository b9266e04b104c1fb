// Items of a workspace (GET /workspaces/{id}/items?type=): the generic items plus the mirrored databases,
// as Item objects.
import type { ServiceContext } from '../../core/context';
import { FABRIC_BASE } from './operations';
import { fabricPage, pageBody } from './paging';
import { MIRRORED_DATABASE_TYPE, renderItem, renderMirroredDatabaseItem } from './render';
import { fabricState, fkey, getWorkspace, mirroredDatabasesOf } from './state';

export function registerItemRoutes(ctx: ServiceContext): void {
  ctx.router.add(
    'GET',
    `${FABRIC_BASE}/workspaces/{workspaceId}/items`,
    (req) => {
      const w = getWorkspace(ctx, req.params.workspaceId);
      const type = req.url.searchParams.get('type')?.toLowerCase();
      const generic = Object.values(fabricState(ctx).items)
        .filter((i) => fkey(i.workspaceId) === fkey(w.id))
        .map((i) => ({ type: i.type, name: i.displayName, body: renderItem(i) }));
      const mirrored = mirroredDatabasesOf(ctx, w.id).map((m) => ({
        type: MIRRORED_DATABASE_TYPE,
        name: m.displayName,
        body: renderMirroredDatabaseItem(m),
      }));
      const list = [...generic, ...mirrored]
        .filter((i) => !type || i.type.toLowerCase() === type)
        .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))
        .map((i) => i.body);
      return { status: 200, body: pageBody(fabricPage(req, list, ctx.options.pageSize, ctx.options.fabric.continuation)) };
    },
    { audience: 'fabric' },
  );
}
