// Fabric REST v1 placeholder: authenticated (Fabric audience) and answering Fabric-shaped 404s until the
// mirrored-database module lands. It shows where Fabric routes plug in: /fabric/v1/...
import type { ServiceContext, ServiceModule } from '../../core/context';
import { HttpError } from '../../core/http';

export const FABRIC_BASE = '/fabric/v1';

export const fabricModule: ServiceModule = {
  name: 'fabric',
  register(ctx: ServiceContext) {
    const notYet = (): never => {
      throw new HttpError(404, 'EntityNotFound', 'The Fabric API is not emulated yet (placeholder).');
    };
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      ctx.router.add(method, FABRIC_BASE, notYet, { audience: 'fabric' });
      for (let depth = 1; depth <= 6; depth++) {
        const template = `${FABRIC_BASE}/${Array.from({ length: depth }, (_, i) => `{p${i}}`).join('/')}`;
        ctx.router.add(method, template, notYet, { audience: 'fabric' });
      }
    }
  },
};
