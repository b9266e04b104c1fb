// Async iteration over paged lists. One generic engine; the "where is the next page" rule is a
// strategy: ARM `nextLink` (Data Sync logs included), Fabric `continuationUri` / `continuationToken`.
// A link or token seen before means the service is looping: stop with a clear error instead of
// spinning forever. Each page request honours the AbortSignal.
import { throwIfAborted } from '../http/abortableDelay';
import type { AzureClient, AzureRequest } from '../http/azureClient';
import type { RequestIds } from '../http/requestIds';

export interface Page<T> {
  items: T[];
  /** 0-based page index. */
  index: number;
  /** Raw page body (for extra fields a caller might want). */
  body: unknown;
}

/** Decides the request for the next page from the previous page's body; undefined = last page. */
export type NextPageRule = (body: Record<string, unknown>, first: AzureRequest) => { request: AzureRequest; key: string } | undefined;

/** Like every failed call, it carries a code and the request ids (of the page that repeated the link). */
export class PagingLoopError extends Error {
  override readonly name = 'PagingLoopError';
  readonly code = 'PagingLoop';
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly clientRequestId?: string;
  constructor(
    readonly operationName: string,
    readonly repeated: string,
    readonly pageIndex: number,
    ids: RequestIds = {},
  ) {
    super(
      `${operationName}: the service returned the same next-page link or continuation token twice (page ${pageIndex + 1}); stopped to avoid an endless loop.`,
    );
    this.requestId = ids.requestId;
    this.correlationId = ids.correlationId;
    this.clientRequestId = ids.clientRequestId;
  }
}

export interface PagedList<T> extends AsyncIterable<T> {
  byPage(): AsyncIterable<Page<T>>;
  /** Collects every item (optionally stopping after `max`). */
  toArray(max?: number): Promise<T[]>;
}

export interface PagerOptions<T> {
  client: AzureClient;
  first: AzureRequest;
  nextPage: NextPageRule;
  /** Where the items are; default `value`. Fabric's table status uses `data`. */
  itemsField?: string;
  /** Turns each raw item into the model (default: as is). */
  deserialize?: (raw: unknown) => T;
}

export function createPager<T>(options: PagerOptions<T>): PagedList<T> {
  const itemsField = options.itemsField ?? 'value';
  const deserialize = options.deserialize ?? ((raw: unknown) => raw as T);

  async function* pages(): AsyncGenerator<Page<T>> {
    const seen = new Set<string>();
    let request: AzureRequest | undefined = options.first;
    for (let index = 0; request; index++) {
      throwIfAborted(options.first.signal);
      // The client rejects a body without the items array (InvalidResponseBody): a broken page is an error, never an empty list.
      const response = await options.client.send<Record<string, unknown>>({ ...request, listField: itemsField });
      const body = response.body as Record<string, unknown>;
      const items = (body[itemsField] as unknown[]).map(deserialize);
      yield { items, index, body };
      const next = options.nextPage(body, options.first);
      if (!next) return;
      if (seen.has(next.key)) throw new PagingLoopError(options.first.operationName, next.key, index + 1, response.ids);
      seen.add(next.key);
      request = next.request;
    }
  }

  const list: PagedList<T> = {
    byPage: () => pages(),
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    async toArray(max = Infinity) {
      const out: T[] = [];
      for await (const item of list) {
        if (out.length >= max) break;
        out.push(item);
      }
      return out;
    },
  };
  return list;
}

/** ARM: follow `nextLink` exactly as given (it carries $skipToken / continuationToken itself). */
export const armNextLink: NextPageRule = (body, first) => {
  const link = body.nextLink;
  if (typeof link !== 'string' || !link) return undefined;
  return { key: link, request: { ...first, url: link, query: undefined } };
};

/** Fabric: prefer `continuationUri`; else repeat the first request with `continuationToken`. */
export const fabricContinuation: NextPageRule = (body, first) => {
  const uri = body.continuationUri;
  const token = body.continuationToken;
  if (typeof uri === 'string' && uri)
    return { key: typeof token === 'string' && token ? `token:${token}` : uri, request: { ...first, url: uri, query: undefined } };
  if (typeof token === 'string' && token)
    return { key: `token:${token}`, request: { ...first, query: { ...first.query, continuationToken: token } } };
  return undefined;
};

/**
 * Data Sync logs: ARM `nextLink` when present; the logs API also accepts a `continuationToken` query
 * parameter, so a body carrying only a continuation token is followed that way.
 */
export const syncLogsNextPage: NextPageRule = (body, first) => {
  const byLink = armNextLink(body, first);
  if (byLink) return byLink;
  const token = body.continuationToken;
  if (typeof token === 'string' && token)
    return { key: `token:${token}`, request: { ...first, query: { ...first.query, continuationToken: token } } };
  return undefined;
};
