// Test harness: starts a real emulator over HTTPS on 127.0.0.1:0 in a temp data folder, trusting exactly
// its certificate (https.Agent({ca})), with short LRO/sync durations; helpers for tokens, calls and LROs.
import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fetch from 'node-fetch';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../src/emulator/index';
import { checkArmResponse } from './specSchemas';
import { tokenAnswerOf } from './answers';
import { ensureCertificate } from '../../../src/emulator/core/certificate';

export const DATA_SYNC_VERSION = '2025-01-01';

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, or undefined when empty / not JSON; tests read it through ./answers. */
  body: unknown;
}

export interface TestEmulator {
  emu: EmulatorHandle;
  agent: https.Agent;
  dataDir: string;
  armToken: string;
  /** Relative paths are resolved against the ARM endpoint; a token is sent unless `token: null`. */
  call(
    method: string,
    url: string,
    o?: { body?: unknown; token?: string | null; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<CallResult>;
  token(scope?: string): Promise<string>;
  /** Follows Location until the LRO ends; returns the final answer. */
  pollLocation(location: string, maxMs?: number): Promise<CallResult>;
  stop(keepData?: boolean): Promise<void>;
}

export const FAST: EmulatorOptions = { lroDurationMs: 150, syncDurationMs: 300, retryAfterSeconds: 0, persistDebounceMs: 10, tickMs: 25 };

/** RSA key generation is the slowest part of a start: make one certificate per test run and reuse it. */
let sharedCertificate: Promise<{ cert: string; key: string }> | undefined;
async function reuseCertificate(dir: string): Promise<void> {
  if (fs.existsSync(path.join(dir, 'cert.pem'))) return;
  sharedCertificate ??= (async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cert-'));
    try {
      const c = await ensureCertificate(tmp);
      return { cert: c.cert, key: c.key };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  })();
  const { cert, key } = await sharedCertificate;
  fs.writeFileSync(path.join(dir, 'cert.pem'), cert);
  fs.writeFileSync(path.join(dir, 'key.pem'), key, { mode: 0o600 });
}

export async function startTestEmulator(options: EmulatorOptions = {}, dataDir?: string): Promise<TestEmulator> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'emu-test-'));
  await reuseCertificate(dir);
  const emu = await startEmulator({ seed: 'demo', ...FAST, ...options, port: 0, dataDir: dir });
  const agent = new https.Agent({ ca: emu.certificatePem, keepAlive: false });
  const call: TestEmulator['call'] = async (method, url, o = {}) => {
    const full = url.startsWith('https://') ? url : `${emu.endpoints.arm}${url}`;
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token !== null) headers.authorization = `Bearer ${o.token ?? t.armToken}`;
    // The control API wants the emulator's own token (tests of its refusal pass their own header).
    if (new URL(full).pathname.startsWith('/_emulator')) headers['x-emulator-token'] ??= emu.controlToken;
    let payload: string | undefined;
    if (o.body !== undefined) {
      payload = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(full, { method, headers, body: payload, agent, timeout: o.timeoutMs ?? 10_000 });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const h: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      h[k] = v;
    });
    // Contract check on every ARM answer any test sees (not only in contract.test.ts).
    const problem = full.startsWith(emu.endpoints.arm)
      ? await checkArmResponse(method, new URL(full).pathname, res.status, body)
      : undefined;
    if (problem) throw new Error(`Contract violation: ${problem}`);
    return { status: res.status, headers: h, text, body };
  };
  const token = async (scope = 'https://management.azure.com/.default'): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'emulator', client_secret: 'emulator', scope });
    const r = await call('POST', `${emu.endpoints.authority}/${emu.tenantId}/oauth2/v2.0/token`, {
      body: form.toString(),
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
    return tokenAnswerOf(r).access_token;
  };
  const t: TestEmulator = {
    emu,
    agent,
    dataDir: dir,
    armToken: '',
    call,
    token,
    async pollLocation(location, maxMs = 10_000) {
      const end = Date.now() + maxMs;
      for (;;) {
        const r = await call('GET', location);
        if (r.status !== 202) return r;
        if (Date.now() > end) throw new Error(`LRO still running after ${maxMs} ms: ${location}`);
        // Honour Retry-After, capped: tests run with short LROs and must stay fast.
        await sleep(Math.min(100, Math.max(20, Number(r.headers['retry-after'] ?? 0) * 1000)));
      }
    },
    async stop(keepData = false) {
      await emu.stop();
      agent.destroy();
      if (!keepData) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  t.armToken = await token();
  return t;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000, everyMs = 30): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await sleep(everyMs);
  }
}

/** Ids in the demo seed. */
export function demoIds(emu: EmulatorHandle) {
  const st = emu.control.state();
  const prod = st.subscriptions.find((s) => s.displayName === 'Contoso Production')!.subscriptionId;
  const dev = st.subscriptions.find((s) => s.displayName === 'Contoso Dev/Test')!.subscriptionId;
  const weu = `/subscriptions/${prod}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers/contoso-sales-weu`;
  const eus = `/subscriptions/${prod}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers/contoso-sales-eus`;
  return {
    prod,
    dev,
    weu,
    eus,
    salesHub: `${weu}/databases/SalesHub`,
    syncMeta: `${weu}/databases/SyncMetadata`,
    master: `${weu}/databases/master`,
    east: `${eus}/databases/SalesReplicaEast`,
    reporting: `${eus}/databases/SalesReporting`,
    hrReplica: `/subscriptions/${prod}/resourceGroups/rg-hr-prod/providers/Microsoft.Sql/servers/contoso-hr-neu/databases/HRReplica`,
    onlineAgent: `${weu}/syncAgents/onprem-agent-01`,
    offlineAgent: `${weu}/syncAgents/onprem-agent-02`,
  };
}

export const v = (p: string, apiVersion = DATA_SYNC_VERSION): string => `${p}${p.includes('?') ? '&' : '?'}api-version=${apiVersion}`;

/** PUT/PATCH/POST an LRO and wait for it; asserts nothing, returns the first answer and the last (the same when done at once). */
export async function runLro(
  t: TestEmulator,
  method: string,
  p: string,
  body?: unknown,
): Promise<{ accepted: CallResult; final: CallResult }> {
  const accepted = await t.call(method, v(p), { body });
  if ((accepted.status !== 201 && accepted.status !== 202) || !accepted.headers.location) return { accepted, final: accepted };
  return { accepted, final: await t.pollLocation(accepted.headers.location) };
}
