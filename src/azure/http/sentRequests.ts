// The last requests the extension sent, redacted as they are recorded (secret body properties become
// placeholders, secret headers and query parameters <redacted>), so "Copy as REST Request" can give the
// requests an action actually sent. Kept in memory only, and never with a token.
import { redactHeaders, redactUrl } from './redaction';
import { redactBodyWithPlaceholders } from './requestPlaceholders';

export interface SentRequest {
  /** The action's name, e.g. "Create sync group"; its status checks are "Create sync group (status)". */
  operationName: string;
  method: string;
  /** Absolute URL, secret query parameters redacted. */
  url: string;
  /** Headers the caller set (not the transport's), secret ones redacted; Authorization never kept. */
  headers: Record<string, string>;
  /** Redacted body, when there was one. */
  body?: unknown;
  at: number;
}

export interface RequestToRecord {
  operationName: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

const STATUS_SUFFIX = ' (status)';

export class SentRequestLog {
  private readonly entries: SentRequest[] = [];

  constructor(private readonly limit = 200) {}

  record(req: RequestToRecord): void {
    const headers = redactHeaders(
      Object.fromEntries(Object.entries(req.headers ?? {}).filter(([n]) => n.toLowerCase() !== 'authorization')),
    );
    const entry: SentRequest = {
      operationName: req.operationName,
      method: req.method.toUpperCase(),
      url: redactUrl(req.url),
      headers,
      at: Date.now(),
    };
    if (req.body !== undefined) entry.body = redactBodyWithPlaceholders(req.body);
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The most recent request sent with this method to this URL (as an operation's initial request trace names it). */
  find(method: string, url: string): SentRequest | undefined {
    const wanted = redactUrl(url);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.method === method.toUpperCase() && e.url === wanted) return structuredClone(e);
    }
    return undefined;
  }

  /**
   * The requests of the latest action that changed `resourceId` (or something under it): its request, then
   * the last of its status checks to each URL. Empty when nothing but reads touched it.
   */
  lastActionOn(resourceId: string): SentRequest[] {
    const id = resourceId.toLowerCase().replace(/\/+$/, '');
    const touches = (url: string) => {
      const path = pathOf(url).toLowerCase();
      return path === id || path.startsWith(`${id}/`);
    };
    let start = -1;
    for (let i = this.entries.length - 1; i >= 0 && start < 0; i--)
      if (this.entries[i].method !== 'GET' && touches(this.entries[i].url)) start = i;
    if (start < 0) return [];
    const action = this.entries[start];
    const checks = new Map<string, SentRequest>();
    for (const e of this.entries.slice(start + 1))
      if (e.operationName === `${action.operationName}${STATUS_SUFFIX}` && e.method === 'GET') checks.set(e.url, e);
    return structuredClone([action, ...checks.values()]);
  }
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url.split('?')[0];
  }
}
