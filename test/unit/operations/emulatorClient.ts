// A real ARM client (src/azure pipeline) pointed at a real emulator started in-process, for tests of
// code that sits on top of the REST core. Tokens come from the emulator's Entra endpoint.
import * as fs from 'node:fs';
import * as https from 'node:https';
import fetch from 'node-fetch';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { emulatorCloud } from '../../../src/azure/clouds';
import { AzureClient } from '../../../src/azure/http/azureClient';
import { createAzurePipeline } from '../../../src/azure/http/pipeline';
import type { RequestLogEntry } from '../../../src/azure/http/requestLogger';
import { DEFAULT_CREDENTIALS, startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../src/emulator/index';

export interface EmulatorWithClient {
  emulator: EmulatorHandle;
  arm: AzureClient;
  requests: RequestLogEntry[];
  subscriptionId: string;
  stop(): Promise<void>;
}

class EmulatorCredential implements TokenCredential {
  private readonly agent: https.Agent;
  constructor(private readonly emulator: EmulatorHandle) {
    this.agent = new https.Agent({ ca: emulator.certificatePem });
  }
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? scopes[0] : scopes;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CREDENTIALS.clientId, client_secret: DEFAULT_CREDENTIALS.clientSecret, scope });
    const res = await fetch(`${this.emulator.endpoints.authority}/${this.emulator.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form, agent: this.agent });
    const body = (await res.json()) as { access_token: string; expires_in: number };
    return { token: body.access_token, expiresOnTimestamp: Date.now() + body.expires_in * 1000 };
  }
}

export async function startEmulatorWithClient(options: EmulatorOptions = {}): Promise<EmulatorWithClient> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-ops-'));
  const emulator = await startEmulator({ seed: 'demo', lroDurationMs: 400, syncDurationMs: 400, retryAfterSeconds: 0, persistDebounceMs: 10, tickMs: 25, ...options, port: 0, dataDir });
  const cloud = emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem });
  const requests: RequestLogEntry[] = [];
  const credential = new EmulatorCredential(emulator);
  const arm = new AzureClient(createAzurePipeline({ cloud, credential, audience: 'arm', logger: { log: (e) => requests.push(e) }, retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 } }));
  const subs = await arm.send<{ value: { subscriptionId: string }[] }>({ operationName: 'List subscriptions', method: 'GET', url: '/subscriptions', query: { 'api-version': '2022-12-01' } });
  return {
    emulator, arm, requests, subscriptionId: subs.body!.value[0].subscriptionId,
    stop: async () => { await emulator.stop(); fs.rmSync(dataDir, { recursive: true, force: true }); },
  };
}

/** User databases (not master) that are hub of no sync group yet, on the server that has most of them. */
export async function userDatabases(env: EmulatorWithClient): Promise<string[]> {
  const servers = await env.arm.send<{ value: { id: string }[] }>({ operationName: 'List servers', method: 'GET', url: `/subscriptions/${env.subscriptionId}/providers/Microsoft.Sql/servers`, query: { 'api-version': '2025-01-01' } });
  let best: string[] = [];
  for (const server of servers.body!.value) {
    const dbs = await env.arm.send<{ value: { id: string; name: string }[] }>({ operationName: 'List databases', method: 'GET', url: `${server.id}/databases`, query: { 'api-version': '2025-01-01' } });
    const user: string[] = [];
    for (const db of dbs.body!.value.filter((d) => d.name !== 'master')) {
      const groups = await env.arm.send<{ value: unknown[] }>({ operationName: 'List sync groups', method: 'GET', url: `${db.id}/syncGroups`, query: { 'api-version': '2025-01-01' } });
      if (groups.body!.value.length === 0) user.push(db.id); // room for new groups (5 per hub)
    }
    if (user.length > best.length) best = user;
  }
  if (best.length < 2) throw new Error('the demo seed has no server with two user databases');
  return best;
}
