// Turns any failed response into an AzureRequestError. Shapes handled:
//   ARM                {error:{code,message,target,details,additionalInfo}}
//   ARM (nested)       {error:{error:{…}}}  (subscriptions' CloudError as the spec declares it)
//   Fabric             {errorCode,message,requestId,isRetriable,moreDetails,relatedResource}
//   LRO status bodies  {status:'Failed', error:{…}}
//   anything else      HTML from a proxy, plain text, empty 502 → code from the HTTP status
import { AzureRequestError, type AzureErrorDetail, type FailedOperation } from './azureError';
import type { RequestIds } from './requestIds';
import { redactFreeText } from './redaction';

const EXCERPT_CHARS = 500;

export function errorFromResponse(
  status: number,
  bodyText: string | undefined,
  ids: RequestIds,
  operation: FailedOperation,
): AzureRequestError {
  const text = bodyText ?? '';
  let parsed: unknown;
  try {
    parsed = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const fromBody = parsed !== undefined ? readErrorObject(parsed) : undefined;
  if (fromBody) {
    return new AzureRequestError({
      ...ids,
      requestId: ids.requestId ?? fromBody.requestId,
      status,
      operation,
      code: fromBody.code ?? statusCode(status),
      message: fromBody.message ?? statusMessage(status),
      target: fromBody.target,
      details: fromBody.details,
      isRetriable: fromBody.isRetriable,
      relatedResource: fromBody.relatedResource,
    });
  }
  const excerpt = text.trim() ? redactFreeText(text.trim().slice(0, EXCERPT_CHARS)) : undefined;
  const isHtml = /^\s*<(!doctype|html|head|body)/i.test(text);
  return new AzureRequestError({
    ...ids,
    status,
    operation,
    code: statusCode(status),
    message: isHtml
      ? `${statusMessage(status)} (the response was an HTML page, probably from a proxy or gateway)`
      : text.trim()
        ? `${statusMessage(status)}: ${excerpt}`
        : `${statusMessage(status)} (empty response body)`,
    rawBodyExcerpt: excerpt,
  });
}

/** A 2xx whose body is not what was asked for (cut-off JSON, a list without its array). */
export function invalidBodyError(
  status: number,
  bodyText: string,
  ids: RequestIds,
  operation: FailedOperation,
  problem: string,
): AzureRequestError {
  const excerpt = bodyText.trim() ? redactFreeText(bodyText.trim().slice(0, EXCERPT_CHARS)) : undefined;
  return new AzureRequestError({
    ...ids,
    status,
    operation,
    code: 'InvalidResponseBody',
    message: `The service answered HTTP ${status} but ${problem}. Retry; if it persists, share the request id with support.`,
    rawBodyExcerpt: excerpt,
  });
}

interface ErrorFields {
  code?: string;
  message?: string;
  target?: string;
  details?: AzureErrorDetail[];
  requestId?: string;
  isRetriable?: boolean;
  relatedResource?: unknown;
}

/** Reads an error out of a parsed body, or undefined if it holds none. Exported for LRO status bodies. */
export function readErrorObject(body: unknown): ErrorFields | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.errorCode === 'string') {
    return {
      code: body.errorCode,
      message: str(body.message),
      requestId: str(body.requestId),
      isRetriable: typeof body.isRetriable === 'boolean' ? body.isRetriable : undefined,
      relatedResource: body.relatedResource,
      details: Array.isArray(body.moreDetails) ? body.moreDetails.filter(isRecord).map(fabricDetail) : undefined,
    };
  }
  // OAuth token endpoints: {error:"invalid_client", error_description:"…"}
  if (typeof body.error === 'string') return { code: body.error, message: str(body.error_description) ?? body.error };
  let inner: unknown = body.error;
  // Unwrap {error:{error:{…}}} (any depth) but keep the outer level if the inner one is empty.
  while (isRecord(inner) && isRecord(inner.error) && inner.code === undefined) inner = inner.error;
  if (isRecord(inner)) {
    return { code: str(inner.code), message: str(inner.message), target: str(inner.target), details: armDetails(inner) };
  }
  if (typeof body.code === 'string' && typeof body.message === 'string') {
    return { code: body.code, message: body.message, target: str(body.target), details: armDetails(body) };
  }
  if (typeof body.message === 'string' || typeof body.Message === 'string') {
    return { message: str(body.message) ?? str(body.Message) };
  }
  return undefined;
}

function armDetails(e: Record<string, unknown>): AzureErrorDetail[] | undefined {
  const list: AzureErrorDetail[] = [];
  if (Array.isArray(e.details))
    for (const d of e.details)
      if (isRecord(d))
        list.push(compact({ ...d, code: str(d.code), message: str(d.message), target: str(d.target), details: armDetails(d) }));
  if (Array.isArray(e.additionalInfo))
    for (const info of e.additionalInfo)
      if (isRecord(info)) list.push({ code: str(info.type) ?? 'AdditionalInfo', message: JSON.stringify(info.info ?? info) });
  return list.length ? list : undefined;
}

function fabricDetail(d: Record<string, unknown>): AzureErrorDetail {
  return compact({ ...d, code: str(d.errorCode), message: str(d.message), relatedResource: d.relatedResource });
}

/** Drops undefined keys so details survive a JSON round trip unchanged. */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function statusCode(status: number): string {
  return status === 0 ? 'NetworkError' : `HttpStatus${status}`;
}

function statusMessage(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad request',
    401: 'Not signed in or token rejected',
    403: 'Access denied',
    404: 'Not found',
    408: 'Request timed out',
    409: 'Conflict',
    429: 'Too many requests',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
    504: 'Gateway timeout',
  };
  return `HTTP ${status}${names[status] ? ` ${names[status]}` : ''}`;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
