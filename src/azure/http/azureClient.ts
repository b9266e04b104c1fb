// The small helper every service client uses: build the URL, send through the pipeline, parse JSON,
// and throw AzureRequestError for any non-2xx answer (naming the operation that failed) and for a 2xx
// whose body is unreadable or lacks the list it should carry (code InvalidResponseBody).
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { SentRequestLog } from './sentRequests';
import { throwIfAborted } from './abortableDelay';
import { errorFromResponse, invalidBodyError } from './parseErrorBody';
import type { AzurePipeline } from './pipeline';
import { requestIdsFrom, type RequestIds } from './requestIds';
import { connectionError, isConnectionError } from './connectionError';
import { isRequestTimeoutError, timeoutError } from './requestTimeout';
import { checkResponseBody, expectBody } from './responseBodyCheck';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE' | 'HEAD';

export interface AzureRequest {
  /** User-facing name of the operation, e.g. "Create sync group" (shown in errors). */
  operationName: string;
  method: HttpMethod;
  /** Absolute URL (used exactly as given, e.g. nextLink or LRO URLs) or a path under the client's base URL. */
  url: string;
  /** Added to the URL's query; undefined values are skipped. */
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default: the pipeline's, 30 s). */
  timeoutMs?: number;
  /** List calls: the body must hold an array in this field, else InvalidResponseBody (never an empty list). */
  listField?: string;
}

export interface AzureResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: T | undefined;
  bodyText: string;
  ids: RequestIds;
  url: string;
  method: HttpMethod;
}

export class AzureClient {
  constructor(
    readonly transport: AzurePipeline,
    /** Where each request is remembered, redacted, for "Copy as REST Request". */
    readonly sent?: SentRequestLog,
  ) {}

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** Sends a request; resolves for 2xx (incl. 202) and throws AzureRequestError otherwise. */
  async send<T = unknown>(req: AzureRequest): Promise<AzureResponse<T>> {
    throwIfAborted(req.signal);
    const url = this.resolveUrl(req.url, req.query);
    this.sent?.record({ operationName: req.operationName, method: req.method, url, headers: req.headers, body: req.body });
    const headers = createHttpHeaders({ accept: 'application/json', ...req.headers });
    let body: string | undefined;
    if (req.body !== undefined) {
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const request = createPipelineRequest({
      url,
      method: req.method,
      headers,
      body,
      abortSignal: req.signal,
      timeout: req.timeoutMs ?? this.transport.requestTimeoutMs,
    });
    if (req.listField !== undefined) expectBody(request, { listField: req.listField });
    const operation = { name: req.operationName, method: req.method, url };
    let response;
    try {
      response = await this.transport.pipeline.sendRequest(this.transport.httpClient, request);
    } catch (err) {
      if (isRequestTimeoutError(err)) throw timeoutError(err, requestIdsFrom(request.headers, undefined), operation);
      if (isConnectionError(err)) throw connectionError(err, requestIdsFrom(request.headers, undefined), operation);
      throw err;
    }
    const ids = requestIdsFrom(request.headers, response.headers);
    const bodyText = response.bodyAsText ?? '';
    if (response.status < 200 || response.status >= 300) throw errorFromResponse(response.status, bodyText, ids, operation);
    const checked = checkResponseBody(request, response.status, bodyText);
    if (checked.problem) throw invalidBodyError(response.status, bodyText, ids, operation, checked.problem);
    return {
      status: response.status,
      headers: response.headers.toJSON(),
      body: checked.body as T | undefined,
      bodyText,
      ids,
      url,
      method: req.method,
    };
  }

  /** Sends and returns the parsed body (undefined for an empty 200/204). */
  async json<T>(req: AzureRequest): Promise<T> {
    return (await this.send<T>(req)).body as T;
  }

  resolveUrl(pathOrUrl: string, query?: AzureRequest['query']): string {
    if (/^http:\/\//i.test(pathOrUrl)) throw new Error('Refusing to send a token over plain http.');
    const url = /^https:\/\//i.test(pathOrUrl)
      ? new URL(pathOrUrl)
      : new URL(this.baseUrl + (pathOrUrl.startsWith('/') ? '' : '/') + pathOrUrl);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }
}
