// GET /connections: the caller's cloud connections — SQL connections whose path names a database of the
// emulator's ARM estate (`<server>.database.windows.net;<database>`); a connection whose database is gone
// is not listed.
import type { ServiceContext } from '../../core/context';
import { key } from '../../model';
import { FABRIC_BASE } from './operations';
import { fabricPage, pageBody } from './paging';
import { renderConnection } from './render';
import { fabricState } from './state';

export function registerConnectionRoutes(ctx: ServiceContext): void {
  ctx.router.add(
    'GET',
    `${FABRIC_BASE}/connections`,
    (req) => {
      const databases = ctx.store.state.databases;
      const list = Object.values(fabricState(ctx).connections)
        .filter((c) => databases[key(c.databaseId)] !== undefined)
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map(renderConnection);
      return { status: 200, body: pageBody(fabricPage(req, list, ctx.options.pageSize, ctx.options.fabric.continuation)) };
    },
    { audience: 'fabric' },
  );
}
