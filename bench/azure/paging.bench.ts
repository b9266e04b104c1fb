// Benchmark: page through 1,000 items over 10 pages against a local HTTPS server with injected
// latency, through the full pipeline (auth, retry, concurrency limit, logging). Also a 429 burst and
// a concurrency-limited fan-out. Prints numbers; asserts nothing.
// Run: npx tsx bench/azure/paging.bench.ts [latencyMs=25]
import https from 'node:https';
import { startHttpsTestServer, sendJson } from '../../test/unit/helpers/httpsTestServer';
import { testClient } from '../../test/unit/helpers/testClients';
import { armNextLink, createPager } from '../../src/azure/paging/pager';

const latencyMs = Number(process.argv[2] ?? 25);
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const server = await startHttpsTestServer();
  // Production agents keep connections alive (agentForCloud); measure with the same.
  const agent = new https.Agent({ ca: server.certificate.cert, keepAlive: true });
  try {
    // 1) 1,000 items, 10 pages of 100, each answer delayed by latencyMs.
    server.handle(async (req, res) => {
      await delay(latencyMs);
      const page = Number(new URL(req.url, server.origin).searchParams.get('page') ?? 0);
      const value = Array.from({ length: 100 }, (_, i) => ({
        id: `/subscriptions/s/items/${page * 100 + i}`,
        name: `item-${page * 100 + i}`,
      }));
      sendJson(res, 200, { value, nextLink: page < 9 ? `${server.origin}/items?page=${page + 1}` : undefined });
    });
    let logged = 0;
    const client = testClient(server, {
      agent,
      logger: {
        log: () => {
          logged++;
        },
      },
    });
    const started = performance.now();
    const items = await createPager({
      client,
      first: { operationName: 'List', method: 'GET', url: '/items' },
      nextPage: armNextLink,
    }).toArray();
    const pagingMs = performance.now() - started;
    console.log(
      `paging: ${items.length} items, ${server.requests.length} requests, ${pagingMs.toFixed(0)} ms total, ${(pagingMs / server.requests.length - latencyMs).toFixed(1)} ms overhead/request over ${latencyMs} ms latency, ${logged} log entries`,
    );

    // 2) 429 burst: first 3 answers 429 with retry-after-ms 20, then 200.
    let n = 0;
    server.handle((_req, res) => (n++ < 3 ? sendJson(res, 429, {}, { 'retry-after-ms': '20' }) : sendJson(res, 200, {})));
    const t429 = performance.now();
    await testClient(server, { agent }).send({ operationName: 'Get', method: 'GET', url: '/x' });
    console.log(`throttling: ${server.requests.length} requests, ${(performance.now() - t429).toFixed(0)} ms (3 × 20 ms Retry-After)`);

    // 3) fan-out of 64 GETs, limit 8 per host, latency each.
    let active = 0;
    let peak = 0;
    server.handle(async (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      await delay(latencyMs);
      active--;
      sendJson(res, 200, {});
    });
    const limited = testClient(server, { agent, maxConcurrencyPerHost: 8 });
    const tFan = performance.now();
    await Promise.all(Array.from({ length: 64 }, (_, i) => limited.send({ operationName: 'Get', method: 'GET', url: `/n/${i}` })));
    console.log(
      `fan-out: 64 requests, peak in flight ${peak} (limit 8), ${(performance.now() - tFan).toFixed(0)} ms (ideal ${(64 / 8) * latencyMs} ms)`,
    );
  } finally {
    agent.destroy();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
