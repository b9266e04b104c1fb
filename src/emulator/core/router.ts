// A tiny router: ARM-style path templates ("/subscriptions/{subscriptionId}/...") matched
// case-insensitively (ARM paths are), parameters URL-decoded. Service modules add routes to it.
import type { EmulatorRequest, EmulatorResponse } from './http';

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface RouteOptions {
  /** api-version family checked before the handler runs (see apiVersions.ts); omit to skip the check. */
  apiVersions?: readonly string[];
  /** Which token audience the route needs; omit for anonymous routes (token endpoint, control). */
  audience?: 'arm' | 'fabric';
}

export interface Route extends RouteOptions {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler, options: RouteOptions = {}): void {
    const names: string[] = [];
    const source = template
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (m) {
          names.push(m[1]);
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), template, pattern: new RegExp(`^${source}/?$`, 'i'), names, handler, ...options });
  }

  /** Finds the route; `methodMismatch` tells a 405 apart from a 404. */
  match(method: string, pathname: string): RouteMatch | { methodMismatch: boolean } {
    let methodMismatch = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      if (route.method !== method.toUpperCase()) {
        methodMismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => {
        params[n] = safeDecode(m[i + 1]);
      });
      return { route, params };
    }
    return { methodMismatch };
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
