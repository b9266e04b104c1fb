// Benchmark: walk the `--seed large` estate (600 servers, 600 sync groups) the way the extension's tree
// does — subscriptions → servers (paged) → each hub database's sync groups — with and without injected
// latency, printing wall time and request counts. Run: npx tsx bench/emulator/listLarge.ts [--latency MS] [--concurrency N]
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import fetch from 'node-fetch';
import { startEmulator } from '../../src/emulator/index';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function run(latencyMs: number, concurrency: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-bench-'));
  const t0 = performance.now();
  // Measures the emulator's own listing speed: ARM throttling (on for the large seed) would only measure the buckets.
  const emu = await startEmulator({ dataDir: dir, seed: 'large', latencyMs, throttling: false });
  const startMs = performance.now() - t0;
  const agent = new https.Agent({ ca: emu.certificatePem, keepAlive: true, maxSockets: concurrency });
  let requests = 0;
  const get = async (url: string, token?: string): Promise<{ value: { id: string; name: string }[]; nextLink?: string }> => {
    requests++;
    const r = await fetch(url.startsWith('https:') ? url : `${emu.endpoints.arm}${url}`, {
      agent,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (r.status !== 200) throw new Error(`${r.status} ${url}`);
    return (await r.json()) as { value: { id: string; name: string }[]; nextLink?: string };
  };
  const tok = await fetch(`${emu.endpoints.authority}/${emu.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    agent,
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'emulator',
      client_secret: 'emulator',
      scope: 'https://management.azure.com/.default',
    }),
  });
  const token = ((await tok.json()) as { access_token: string }).access_token;
  const all = async (first: string) => {
    const items = [];
    let url: string | undefined = first;
    while (url) {
      const p = await get(url, token);
      items.push(...p.value);
      url = p.nextLink;
    }
    return items;
  };

  const t1 = performance.now();
  const subs = await all('/subscriptions?api-version=2022-12-01');
  const servers = (await Promise.all(subs.map((s) => all(`${s.id}/providers/Microsoft.Sql/servers?api-version=2025-01-01`)))).flat();
  const serversMs = performance.now() - t1;
  const t2 = performance.now();
  const targets = servers.slice(0, 500);
  let groups = 0;
  for (let i = 0; i < targets.length; i += concurrency) {
    const batch = await Promise.all(
      targets.slice(i, i + concurrency).map((s) => all(`${s.id}/databases/hub/syncGroups?api-version=2025-01-01`)),
    );
    groups += batch.reduce((n, b) => n + b.length, 0);
  }
  const groupsMs = performance.now() - t2;
  console.log(
    JSON.stringify({
      latencyMs,
      concurrency,
      startMs: Math.round(startMs),
      servers: servers.length,
      listServersMs: Math.round(serversMs),
      groups,
      listGroupsOf500ServersMs: Math.round(groupsMs),
      requests,
    }),
  );
  await emu.stop();
  agent.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const concurrency = arg('concurrency', 8);
  const latency = process.argv.includes('--latency') ? [arg('latency', 0)] : [0, 50];
  for (const l of latency) await run(l, concurrency);
}

void main();
