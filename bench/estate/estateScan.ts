// The Data Sync estate scan, three ways, side by side on the large seed with ARM throttling on and 50 ms
// latency: our client (src/estate, paced by the ARM pipeline), the official @azure/arm-sql SDK walking the
// same tree one request at a time, and a naive client firing everything at once through the same SDK
// (as many extensions do). Each row: wall time, requests sent (every attempt), 429s received, calls that
// failed for good, what was found, and wall time / throttling floor (the time the token buckets force for
// that many token-taking requests: max over subscriptions of (reads − 250) / 25 s).
// The emulator runs in its own process, as the service would: its clock work does not stall the client's
// event loop, and the machine's cores are shared the way they would be between a client and a service.
// Run: npm run bench estate   (numbers recorded in docs/performance.md)
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as readline from 'node:readline';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { SqlManagementClient } from '@azure/arm-sql';
import { createAzureConnection, type AzureConnection } from '../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../src/auth/secretStore';
import { emulatorCloud } from '../../src/azure/clouds';
import { agentForCloud } from '../../src/azure/http/pipeline';
import { createNodeFetchHttpClient } from '../../src/azure/http/nodeFetchHttpClient';
import type { RequestLogEntry } from '../../src/azure/http/requestLogger';
import { scanEstate } from '../../src/estate/scan/estateScan';
import { DEFAULT_CREDENTIALS, type EmulatorEndpoints } from '../../src/emulator/index';

/** What the benchmark needs of the emulator process. */
interface Emulator {
  endpoints: EmulatorEndpoints;
  certificatePem: string;
  tenantId: string;
  subscriptionIds: string[];
  seedSummary: string;
  /** POST to the control API. */
  control(pathname: string, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

function controlCall(endpoints: EmulatorEndpoints, ca: string, method: string, pathname: string, body?: unknown): Promise<unknown> {
  const url = new URL(pathname, endpoints.arm);
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ca, headers: data ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${pathname} answered ${res.statusCode}: ${text}`));
        else resolve(text ? (JSON.parse(text) as unknown) : undefined);
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function startEmulatorProcess(dataDir: string): Promise<Emulator> {
  const main = path.join(__dirname, '..', '..', 'src', 'emulator', 'main.ts');
  const args = [
    '--import',
    'tsx',
    main,
    '--port',
    '0',
    '--data',
    dataDir,
    '--seed',
    'large',
    '--latency',
    String(LATENCY_MS),
    '--throttling',
    'on',
  ];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`The emulator exited with ${code} before it listened.`)));
  });
  const endpoints = JSON.parse(firstLine) as EmulatorEndpoints;
  const certificatePem = fs.readFileSync(endpoints.certificate, 'utf8');
  const state = (await controlCall(endpoints, certificatePem, 'GET', '/_emulator/state')) as {
    tenantId: string;
    counts: Record<string, number>;
    state: { subscriptions: Array<{ subscriptionId: string }> };
  };
  const c = state.counts;
  return {
    endpoints,
    certificatePem,
    tenantId: state.tenantId,
    subscriptionIds: state.state.subscriptions.map((s) => s.subscriptionId),
    seedSummary: `${c.subscriptions} subscriptions, ${c.servers} servers, ${c.databases} databases, ${c.syncGroups} sync groups`,
    control: (pathname, body) => controlCall(endpoints, certificatePem, 'POST', pathname, body),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const LATENCY_MS = 50;
const BURST = 250;
const REFILL_PER_SECOND = 25;

interface Attempt {
  url: string;
  status?: number;
}

interface Row {
  client: string;
  seconds: number;
  attempts: Attempt[];
  failedCalls: number;
  groups: number;
  members: number;
  agents: number;
}

/** Seconds the buckets force for the token-taking (non-429) reads of each subscription; the slowest wins. */
function floorSeconds(attempts: Attempt[]): number {
  const perSubscription = new Map<string, number>();
  for (const a of attempts) {
    if (a.status === 429) continue;
    const sub = /\/subscriptions\/([^/?]+)/i.exec(new URL(a.url).pathname)?.[1]?.toLowerCase();
    if (sub) perSubscription.set(sub, (perSubscription.get(sub) ?? 0) + 1);
  }
  return Math.max(0, ...[...perSubscription.values()].map((n) => (n - BURST) / REFILL_PER_SECOND));
}

async function connect(emulator: Emulator, log: (e: RequestLogEntry) => void): Promise<AzureConnection> {
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
  return createAzureConnection({
    cloud: emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
    logger: { log },
  });
}

async function ourScan(emulator: Emulator, subscriptionIds: string[]): Promise<Row> {
  const attempts: Attempt[] = [];
  const conn = await connect(emulator, (e) => attempts.push({ url: e.url, status: e.status }));
  const counts = { groups: 0, members: 0, agents: 0, failures: 0 };
  const t0 = performance.now();
  await scanEstate(
    conn.arm,
    undefined,
    (e) => {
      if (e.kind === 'syncGroup') {
        counts.groups++;
        counts.members += e.members.length;
      } else if (e.kind === 'syncAgents') counts.agents += e.agents.length;
      else if (e.kind === 'failure') counts.failures++;
    },
    { parts: ['dataSync'], subscriptionIds },
  );
  const seconds = (performance.now() - t0) / 1000;
  conn.dispose();
  return { client: 'ours (paced, src/estate)', seconds, attempts, failedCalls: counts.failures, ...counts };
}

/** The SDK with our transport (it trusts the emulator's certificate) and a policy that records every attempt. */
function sdkClient(emulator: Emulator, credential: TokenCredential, subscriptionId: string, attempts: Attempt[]): SqlManagementClient {
  const cloud = emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem });
  const client = new SqlManagementClient(credential, subscriptionId, {
    endpoint: emulator.endpoints.arm,
    credentialScopes: ['https://management.azure.com/.default'],
    httpClient: createNodeFetchHttpClient({ agent: agentForCloud(cloud) }),
  });
  const recorder: PipelinePolicy = {
    name: 'recordAttempts',
    async sendRequest(request, next) {
      const response = await next(request);
      attempts.push({ url: request.url, status: response.status });
      return response;
    },
  };
  client.pipeline.addPolicy(recorder, { afterPhase: 'Retry' });
  return client;
}

const rgOf = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

/** (a) The SDK, one request at a time: servers → databases → sync groups → members; agents per server. */
async function sdkSequential(emulator: Emulator, credential: TokenCredential, subscriptionIds: string[]): Promise<Row> {
  const attempts: Attempt[] = [];
  const row = { groups: 0, members: 0, agents: 0, failedCalls: 0 };
  const t0 = performance.now();
  for (const sub of subscriptionIds) {
    const sql = sdkClient(emulator, credential, sub, attempts);
    for await (const server of sql.servers.list()) {
      const rg = rgOf(server.id ?? '');
      const name = server.name ?? '';
      for await (const db of sql.databases.listByServer(rg, name)) {
        if ((db.name ?? '').toLowerCase() === 'master') continue;
        for await (const group of sql.syncGroups.listByDatabase(rg, name, db.name ?? '')) {
          row.groups++;
          row.members += (await collect(sql.syncMembers.listBySyncGroup(rg, name, db.name ?? '', group.name ?? ''))).length;
        }
      }
      row.agents += (await collect(sql.syncAgents.listByServer(rg, name))).length;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { client: '(a) @azure/arm-sql, one at a time', seconds, attempts, ...row };
}

/** (b) The SDK with everything fired at once: each level in Promise.all, failures counted, not retried by us. */
async function sdkNaive(emulator: Emulator, credential: TokenCredential, subscriptionIds: string[]): Promise<Row> {
  const attempts: Attempt[] = [];
  const row = { groups: 0, members: 0, agents: 0, failedCalls: 0 };
  const settle = async <T>(p: Promise<T>): Promise<T | undefined> => {
    try {
      return await p;
    } catch {
      row.failedCalls++;
      return undefined;
    }
  };
  const t0 = performance.now();
  await Promise.all(
    subscriptionIds.map(async (sub) => {
      const sql = sdkClient(emulator, credential, sub, attempts);
      const servers = (await settle(collect(sql.servers.list()))) ?? [];
      await Promise.all(
        servers.map(async (server) => {
          const rg = rgOf(server.id ?? '');
          const name = server.name ?? '';
          const [dbs, agents] = await Promise.all([
            settle(collect(sql.databases.listByServer(rg, name))),
            settle(collect(sql.syncAgents.listByServer(rg, name))),
          ]);
          row.agents += agents?.length ?? 0;
          await Promise.all(
            (dbs ?? [])
              .filter((db) => (db.name ?? '').toLowerCase() !== 'master')
              .map(async (db) => {
                const groups = (await settle(collect(sql.syncGroups.listByDatabase(rg, name, db.name ?? '')))) ?? [];
                row.groups += groups.length;
                await Promise.all(
                  groups.map(async (g) => {
                    row.members +=
                      (await settle(collect(sql.syncMembers.listBySyncGroup(rg, name, db.name ?? '', g.name ?? ''))))?.length ?? 0;
                  }),
                );
              }),
          );
        }),
      );
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { client: '(b) @azure/arm-sql, all at once', seconds, attempts, ...row };
}

function print(rows: Row[], floorNote: string): void {
  console.log(floorNote);
  console.log('| client | wall time (s) | requests | 429s | failed calls | groups / members / agents | floor (s) | wall / floor |');
  console.log('|---|---:|---:|---:|---:|---|---:|---:|');
  for (const r of rows) {
    const floor = floorSeconds(r.attempts);
    const throttled = r.attempts.filter((a) => a.status === 429).length;
    console.log(
      `| ${r.client} | ${r.seconds.toFixed(1)} | ${r.attempts.length} | ${throttled} | ${r.failedCalls} | ${r.groups} / ${r.members} / ${r.agents} | ${floor.toFixed(1)} | ${(r.seconds / floor).toFixed(2)}× |`,
    );
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-estate-'));
  const emulator = await startEmulatorProcess(dataDir);
  try {
    const { subscriptionIds } = emulator;
    const conn = await connect(emulator, () => undefined);
    const rows: Row[] = [];
    const run = async (key: string, f: () => Promise<Row>): Promise<void> => {
      if (only.length && !only.includes(key)) return;
      await emulator.control('/_emulator/throttling', { enabled: true }); // every run starts with full buckets
      const row = await f();
      console.log(`${row.client}: ${row.seconds.toFixed(1)} s, ${row.attempts.length} requests`);
      rows.push(row);
    };
    await run('ours', () => ourScan(emulator, subscriptionIds));
    await run('naive', () => sdkNaive(emulator, conn.credential, subscriptionIds));
    await run('sdk', () => sdkSequential(emulator, conn.credential, subscriptionIds));
    conn.dispose();
    print(
      rows,
      `Large seed: ${emulator.seedSummary}; latency ${LATENCY_MS} ms; ARM throttling on ` +
        `(reads ${BURST} burst, ${REFILL_PER_SECOND}/s per subscription and principal).`,
    );
  } finally {
    await emulator.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
