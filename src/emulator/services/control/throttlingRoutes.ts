// GET/POST /_emulator/throttling: reads or switches ARM throttling. POST body: {"enabled": false}, {"enabled": true}
// or {"enabled": true, "reads": {"size": 250, "refillPerSecond": 25}, …}; any POST refills every bucket.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import type { ThrottlingSettings } from '../../core/throttling';
import { throttlingControl } from '../../core/throttlingControl';

export function registerThrottlingControlRoutes(ctx: ServiceContext): void {
  const control = throttlingControl(ctx.throttle);
  ctx.router.add('GET', '/_emulator/throttling', () => ({ status: 200, body: control.throttling() }));
  ctx.router.add('POST', '/_emulator/throttling', (req) => {
    const b = jsonBody(req);
    if (typeof b !== 'object' || b === null || typeof (b as { enabled?: unknown }).enabled !== 'boolean')
      throw armError(400, 'InvalidControlRequest', 'Body must be {"enabled": true|false} plus optional reads/writes/deletes limits.');
    const { enabled, ...limits } = b as { enabled: boolean } & Exclude<ThrottlingSettings, boolean>;
    try {
      return { status: 200, body: control.setThrottling(enabled ? (Object.keys(limits).length ? limits : true) : false) };
    } catch (e) {
      throw armError(400, 'InvalidControlRequest', (e as Error).message);
    }
  });
}
