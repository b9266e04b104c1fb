// Start / stop mirroring (200, no body) and the two status calls (POST): getMirroringStatus and the
// paged getTablesMirroringStatus (rows under `data`).
import type { ServiceContext } from '../../core/context';
import { ITEM } from './mirroredDatabases';
import { fabricPage, pageBody } from './paging';
import { renderMirroringStatus, renderTableStatus } from './render';
import { getMirroredDatabase } from './state';
import { startMirroring, stopMirroring } from './stateMachine';

export function registerMirroringRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'fabric' as const };
  const get = (p: Record<string, string>) => getMirroredDatabase(ctx, p.workspaceId, p.mirroredDatabaseId);

  ctx.router.add(
    'POST',
    `${ITEM}/startMirroring`,
    (req) => {
      startMirroring(ctx, get(req.params));
      ctx.store.changed();
      return { status: 200 };
    },
    opts,
  );
  ctx.router.add(
    'POST',
    `${ITEM}/stopMirroring`,
    (req) => {
      stopMirroring(ctx, get(req.params));
      ctx.store.changed();
      return { status: 200 };
    },
    opts,
  );
  ctx.router.add('POST', `${ITEM}/getMirroringStatus`, (req) => ({ status: 200, body: renderMirroringStatus(get(req.params)) }), opts);
  ctx.router.add(
    'POST',
    `${ITEM}/getTablesMirroringStatus`,
    (req) => {
      const rows = get(req.params).tables.map(renderTableStatus);
      return { status: 200, body: pageBody(fabricPage(req, rows, ctx.options.pageSize, ctx.options.fabric.continuation), 'data') };
    },
    opts,
  );
}
