// Fault and latency injection. Rules match a request by method + path regex and fire with a probability
// and/or a limited number of times (so tests stay deterministic). Compact syntax (CLI --faults):
//
//   spec  := rule (";" rule)*            or a JSON rule / array of rules
//   rule  := kind [":" probability] ["*" count] ["@" [METHOD " "] pathRegex]
//   kind  := 429 | 500 | 503 | reset | hang | malformed | expired-token | lro-fail | latency=MS
//            | html[=STATUS] | repeat-nextlink
//
//   "429:0.3"                 30% of requests get 429 + Retry-After
//   "503*2@GET /syncGroups"   the next two GETs whose path matches /syncGroups get 503
//   "latency=800@PUT .*"      PUTs take 800 ms longer
//   "lro-fail*1"              the next long-running operation fails midway
//   "html*1"                  the next request gets a gateway's HTML error page (502; html=200 for a 200)
//   "repeat-nextlink*1@GET /servers$"   the next matching list's next-page link points back at itself
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from './http';

export const FAULT_KINDS = [
  '429',
  '500',
  '503',
  'reset',
  'hang',
  'malformed',
  'expired-token',
  'lro-fail',
  'latency',
  'html',
  'repeat-nextlink',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  id: string;
  kind: FaultKind;
  /** 0..1, default 1 */
  probability: number;
  /** How many more times it may fire; undefined = unlimited. */
  remaining?: number;
  method?: string;
  /** Regex source matched against the request path (case-insensitive). */
  path?: string;
  /** latency: extra delay in ms */
  latencyMs?: number;
  /** 429/503: Retry-After seconds (default 1) */
  retryAfterSeconds?: number;
  /** html: HTTP status of the page (default 502, as a gateway sends it) */
  status?: number;
}

export type FaultRuleInput = Omit<Partial<FaultRule>, 'kind'> & { kind: string; count?: number };

export function parseFaultSpec(spec: string): FaultRule[] {
  const text = spec.trim();
  if (!text) return [];
  if (text.startsWith('[') || text.startsWith('{')) {
    const parsed = JSON.parse(text) as FaultRuleInput | FaultRuleInput[];
    return (Array.isArray(parsed) ? parsed : [parsed]).map(normaliseRule);
  }
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseCompactRule);
}

function parseCompactRule(rule: string): FaultRule {
  const m = /^([\w-]+)(?:=(\d+))?(?::([\d.]+))?(?:\*(\d+))?(?:@(?:(GET|PUT|POST|PATCH|DELETE|HEAD)\s+)?(.+))?$/i.exec(rule);
  if (!m)
    throw new Error(
      `Invalid fault rule '${rule}'. Expected kind[:probability][*count][@[METHOD ]pathRegex], e.g. 429:0.3 or 503*2@GET /syncGroups`,
    );
  return normaliseRule({
    kind: m[1].toLowerCase(),
    latencyMs: m[2] && m[1].toLowerCase() === 'latency' ? Number(m[2]) : undefined,
    status: m[2] && m[1].toLowerCase() === 'html' ? Number(m[2]) : undefined,
    probability: m[3] ? Number(m[3]) : undefined,
    count: m[4] ? Number(m[4]) : undefined,
    method: m[5],
    path: m[6]?.trim(),
  });
}

export function normaliseRule(input: FaultRuleInput): FaultRule {
  const kind = String(input.kind).toLowerCase() as FaultKind;
  if (!FAULT_KINDS.includes(kind)) throw new Error(`Unknown fault kind '${input.kind}'. Known: ${FAULT_KINDS.join(', ')}`);
  const probability = input.probability ?? 1;
  if (!(probability >= 0 && probability <= 1)) throw new Error(`Fault probability must be between 0 and 1, got ${probability}`);
  if (input.path) new RegExp(input.path); // throws early on a bad regex
  if (kind === 'latency' && !(Number(input.latencyMs) >= 0)) throw new Error('A latency rule needs latencyMs (compact: latency=MS)');
  if (input.status !== undefined && !(Number.isInteger(input.status) && input.status >= 200 && input.status <= 599))
    throw new Error(`An html rule's status must be an HTTP status (200–599), got ${input.status}`);
  return {
    id: input.id ?? randomUUID(),
    kind,
    probability,
    remaining: input.remaining ?? input.count,
    method: input.method?.toUpperCase(),
    path: input.path,
    latencyMs: input.latencyMs,
    retryAfterSeconds: input.retryAfterSeconds,
    status: input.status,
  };
}

/** Kinds that do not replace the answer: they delay it, fail an operation later, or rewrite the handler's answer. */
const ANSWER_LEVEL_KINDS = new Set<FaultKind>(['latency', 'lro-fail', 'repeat-nextlink']);

/** A gateway's (or proxy's) HTML error page instead of the service's JSON. */
export function htmlErrorPage(rule: FaultRule): EmulatorResponse {
  const status = rule.status ?? 502;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><p>The gateway did not receive a valid response (injected fault).</p></body></html>`,
  };
}

/**
 * A list answer whose next-page link points back at the page just served, as a buggy service might send:
 * ARM lists get `nextLink`, Fabric lists (`/fabric/...`, whose bodies also carry `value`) get
 * `continuationUri` and `continuationToken`.
 */
export function withRepeatingNextLink(answer: EmulatorResponse, requestUrl: string, fabric = false): EmulatorResponse {
  const body = answer.body;
  if (answer.status !== 200 || !body || typeof body !== 'object' || Array.isArray(body)) return answer;
  const link =
    fabric || !('value' in body) ? { continuationUri: requestUrl, continuationToken: 'repeating-token' } : { nextLink: requestUrl };
  return { ...answer, body: { ...body, ...link } };
}

export class FaultInjector {
  rules: FaultRule[] = [];
  latencyMs = 0;

  add(rules: FaultRule[]): FaultRule[] {
    this.rules.push(...rules);
    return rules;
  }
  clear(): void {
    this.rules = [];
  }
  remove(id: string): boolean {
    const n = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return n !== this.rules.length;
  }

  /** Total extra delay for this request: global latency plus every matching latency rule. */
  delayFor(method: string, path: string): number {
    let ms = this.latencyMs;
    for (const r of this.rules) if (r.kind === 'latency' && this.fires(r, method, path)) ms += r.latencyMs ?? 0;
    return ms;
  }

  /** The first matching request-level fault (not latency, lro-fail or repeat-nextlink), consuming one occurrence. */
  take(method: string, path: string): FaultRule | undefined {
    return this.rules.find((r) => !ANSWER_LEVEL_KINDS.has(r.kind) && this.fires(r, method, path));
  }

  /** Whether this request's list answer should get a next-page link that repeats (applied after the handler). */
  takeRepeatingNextLink(method: string, path: string): boolean {
    return this.rules.some((r) => r.kind === 'repeat-nextlink' && this.fires(r, method, path));
  }

  /** Whether a long-running operation started by this request should fail midway. */
  takeLroFailure(method: string, path: string): boolean {
    return this.rules.some((r) => r.kind === 'lro-fail' && this.fires(r, method, path));
  }

  private fires(r: FaultRule, method: string, path: string): boolean {
    if (r.remaining !== undefined && r.remaining <= 0) return false;
    if (r.method && r.method !== method.toUpperCase()) return false;
    if (r.path && !new RegExp(r.path, 'i').test(path)) return false;
    if (r.probability < 1 && Math.random() >= r.probability) return false;
    if (r.remaining !== undefined) r.remaining--;
    return true;
  }
}
