import assert from 'node:assert/strict';
import { Semaphore } from '../../../../src/azure/http/hostConcurrencyPolicy';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient } from '../../helpers/testClients';

describe('per-host concurrency limit', () => {
  it('semaphore: FIFO hand-over, release is idempotent, an aborted waiter leaves the queue', async () => {
    const s = new Semaphore(1);
    const r1 = await s.acquire();
    const order: string[] = [];
    const controller = new AbortController();
    const waiting = s.acquire(controller.signal).then(
      () => order.push('aborted one?'),
      (e: Error) => order.push(e.name),
    );
    const second = s.acquire().then((release) => {
      order.push('second');
      return release;
    });
    assert.equal(s.queued, 2);
    controller.abort();
    await waiting;
    assert.equal(s.queued, 1);
    r1();
    r1(); // twice: must not free a second slot
    const r2 = await second;
    assert.deepEqual(order, ['AbortError', 'second']);
    assert.equal(s.active, 1);
    r2();
    assert.equal(s.active, 0);
    assert.throws(() => new Semaphore(0), RangeError);
  });

  describe('against the server', () => {
    let server: HttpsTestServer;
    before(async () => {
      server = await startHttpsTestServer();
    });
    after(async () => {
      await server.close();
    });

    it('hosts are limited separately (127.0.0.1 and localhost)', async () => {
      const active = new Map<string, number>();
      const peak = new Map<string, number>();
      server.handle((req, res) => {
        const host = String(req.headers.host).split(':')[0];
        active.set(host, (active.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host) ?? 0));
        setTimeout(() => {
          active.set(host, (active.get(host) ?? 1) - 1);
          sendJson(res, 200, {});
        }, 25);
      });
      const other = server.origin.replace('127.0.0.1', 'localhost');
      const client = testClient(server, { maxConcurrencyPerHost: 2, additionalTrustedHosts: [new URL(other).host] });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => client.send({ operationName: 'Get', method: 'GET', url: i % 2 ? `${other}/b${i}` : `/a${i}` })),
      );
      assert.deepEqual([peak.get('127.0.0.1'), peak.get('localhost')], [2, 2]);
    });

    it('a request cancelled while queued never reaches the server', async () => {
      server.handle((_req, res) => {
        setTimeout(() => sendJson(res, 200, {}), 60);
      });
      const client = testClient(server, { maxConcurrencyPerHost: 1 });
      const controller = new AbortController();
      const first = client.send({ operationName: 'Get', method: 'GET', url: '/first' });
      const queued = client.send({ operationName: 'Get', method: 'GET', url: '/queued', signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      await assert.rejects(queued, { name: 'AbortError' });
      await first;
      assert.deepEqual(
        server.requests.map((r) => r.url),
        ['/first'],
      );
    });

    it('a Retry-After beyond the total-time cap returns the answer at once instead of waiting', async () => {
      server.handle((_req, res) => sendJson(res, 503, { error: { code: 'ServerBusy', message: 'busy' } }, { 'retry-after': '60' }));
      const started = Date.now();
      await assert.rejects(
        testClient(server, { retry: { maxRetries: 5, maxTotalMs: 2_000 } }).send({ operationName: 'Get', method: 'GET', url: '/x' }),
        { status: 503, code: 'ServerBusy' },
      );
      assert.ok(Date.now() - started < 1_000);
      assert.equal(server.requests.length, 1);
    });

    it('429 without Retry-After is retried with backoff (core would not retry it)', async () => {
      let n = 0;
      server.handle((_req, res) => (n++ < 2 ? sendJson(res, 429, {}) : sendJson(res, 200, { ok: 1 })));
      assert.deepEqual(await testClient(server).json({ operationName: 'Get', method: 'PUT', url: '/x', body: { a: 1 } }), { ok: 1 });
      assert.equal(server.requests.length, 3);
      assert.ok(
        server.requests.every((r) => r.body === '{"a":1}'),
        'the body is re-sent on every attempt',
      );
    });
  });
});
