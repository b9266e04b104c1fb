// "Copy as REST request": the request in the .http / REST Client format the docs use, e.g.
//   PUT https://management.azure.com/…?api-version=2025-01-01
//   Authorization: Bearer {{token}}
//   Content-Type: application/json
//
//   { …pretty JSON with secrets replaced by "<redacted>"… }
// Secrets never appear: Authorization becomes a {{token}} variable, secret headers and query
// parameters and secret-named body properties become <redacted>.
import { isSecretHeader, redactJson, redactUrl } from './redaction';
import { redactWithPlaceholders } from './requestPlaceholders';

export interface RestRequestToFormat {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Headers that are noise in a pasted request (set by the transport or per attempt). */
const DROPPED = new Set(['content-length', 'host', 'accept-encoding', 'connection', 'user-agent', 'x-ms-client-request-id']);

export interface FormatOptions {
  /** Secret body properties become named placeholders (<hub-password>…) instead of <redacted>. */
  placeholders?: boolean;
}

export function formatRestRequest(req: RestRequestToFormat, options: FormatOptions = {}): string {
  const redactBody = options.placeholders ? redactWithPlaceholders : redactJson;
  const lines = [`${req.method.toUpperCase()} ${redactUrl(req.url)}`];
  let hasContentType = false;
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const lower = name.toLowerCase();
    if (DROPPED.has(lower)) continue;
    if (lower === 'authorization') continue;
    if (lower === 'content-type') hasContentType = true;
    lines.push(`${name}: ${isSecretHeader(name) ? '<redacted>' : value}`);
  }
  // Always a variable: every call here is authenticated, and the real token must never be copied.
  lines.splice(1, 0, 'Authorization: Bearer {{token}}');
  if (req.body !== undefined && req.body !== null) {
    if (!hasContentType) lines.push('Content-Type: application/json');
    const body = typeof req.body === 'string' ? tryParse(req.body) : req.body;
    lines.push('', typeof body === 'string' ? body : JSON.stringify(redactBody(body), null, 2));
  }
  return lines.join('\n') + '\n';
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return '<non-JSON body omitted>';
  }
}

/** Several requests in one .http text, each under a `### title` separator line (REST Client's request delimiter). */
export function formatRestRequests(requests: (RestRequestToFormat & { title?: string })[], options: FormatOptions = {}): string {
  return requests.map((r) => `### ${r.title ?? `${r.method.toUpperCase()} request`}\n${formatRestRequest(r, options)}`).join('\n');
}
