import assert from 'node:assert/strict';
import https from 'node:https';
import { startHttpsTestServer, sendJson, resetConnection, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient, testCloud, FAST_RETRY } from '../../helpers/testClients';
import { AzureClient } from '../../../../src/azure/http/azureClient';
import { createAzurePipeline } from '../../../../src/azure/http/pipeline';
import { AzureRequestError } from '../../../../src/azure/http/azureError';
import { RecordingCredential } from '../../helpers/fakeCredential';
import type { RequestLogEntry } from '../../../../src/azure/http/requestLogger';

describe('HTTP pipeline against a local HTTPS server', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('trusts the self-signed certificate only through the agent (a default agent is refused)', async () => {
    server.handle((_req, res) => sendJson(res, 200, { ok: true }));
    assert.deepEqual(await testClient(server).json({ operationName: 'Get', method: 'GET', url: '/x' }), { ok: true });
    const untrusting = new https.Agent({ keepAlive: false });
    const client = new AzureClient(
      createAzurePipeline({
        cloud: testCloud(server),
        credential: new RecordingCredential(),
        audience: 'arm',
        agent: untrusting,
        retry: { maxRetries: 0 },
      }),
    );
    await assert.rejects(client.send({ operationName: 'Get', method: 'GET', url: '/x' }), (err: Error & { code?: string }) =>
      /certificate/i.test(`${err.code} ${err.message}`),
    );
    untrusting.destroy();
  });

  it('sends a bearer token for the audience scope and x-ms-client-request-id; captures response ids', async () => {
    const credential = new RecordingCredential();
    server.handle((_req, res) => sendJson(res, 200, {}, { 'x-ms-request-id': 'rid-1', 'x-ms-correlation-request-id': 'cid-1' }));
    const response = await testClient(server, { credential }).send({
      operationName: 'Get',
      method: 'GET',
      url: '/subscriptions',
      query: { 'api-version': '2022-12-01' },
    });
    const sent = server.requests[0];
    assert.equal(sent.headers.authorization, 'Bearer token-1');
    assert.deepEqual(credential.calls[0].scopes, [`${server.origin}/.default`]);
    assert.match(String(sent.headers['x-ms-client-request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(sent.url, '/subscriptions?api-version=2022-12-01');
    assert.deepEqual(response.ids, { clientRequestId: sent.headers['x-ms-client-request-id'], requestId: 'rid-1', correlationId: 'cid-1' });
  });

  it('uses the Fabric scope and base URL for the fabric audience', async () => {
    const credential = new RecordingCredential();
    server.handle((_req, res) => sendJson(res, 200, { value: [] }, { requestid: 'fabric-rid' }));
    const response = await testClient(server, { credential, audience: 'fabric' }).send({
      operationName: 'List workspaces',
      method: 'GET',
      url: '/workspaces',
    });
    assert.equal(server.requests[0].url, '/v1/workspaces');
    assert.deepEqual(credential.calls[0].scopes, ['https://api.fabric.microsoft.com/.default']);
    assert.equal(response.ids.requestId, 'fabric-rid');
  });

  it('retries 408, 500, 502, 503, 504 and connection resets, then succeeds; keeps the same client request id', async () => {
    const answers = [408, 500, 'reset', 502, 503, 504];
    let i = 0;
    server.handle((_req, res) => {
      const a = answers[i++];
      if (a === 'reset') resetConnection(res);
      else if (typeof a === 'number') sendJson(res, a, { error: { code: 'Transient', message: 'try again' } });
      else sendJson(res, 200, { done: true });
    });
    const body = await testClient(server, { retry: { ...FAST_RETRY, maxRetries: 6 } }).json({
      operationName: 'Get',
      method: 'GET',
      url: '/r',
    });
    assert.deepEqual(body, { done: true });
    assert.equal(server.requests.length, 7);
    assert.equal(new Set(server.requests.map((r) => r.headers['x-ms-client-request-id'])).size, 1);
  });

  it('does not retry 400/404/501 and throws the typed error at once', async () => {
    for (const status of [400, 404, 501]) {
      server.handle((_req, res) => sendJson(res, status, { error: { code: `C${status}`, message: 'no' } }));
      await assert.rejects(
        testClient(server).send({ operationName: 'Get thing', method: 'GET', url: '/r' }),
        (e: AzureRequestError) => e.status === status && e.code === `C${status}`,
      );
      assert.equal(server.requests.length, 1);
    }
  });

  it('honours Retry-After in seconds', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? sendJson(res, 429, {}, { 'retry-after': '1' }) : sendJson(res, 200, {})));
    await testClient(server).send({ operationName: 'Get', method: 'GET', url: '/r' });
    const gap = server.requests[1].receivedAt - server.requests[0].receivedAt;
    assert.ok(gap >= 950, `waited ${gap} ms, expected ≥ 1000`);
  });

  it('honours Retry-After as an HTTP date', async () => {
    let n = 0;
    let until = 0;
    server.handle((_req, res) => {
      if (n++ > 0) return sendJson(res, 200, {});
      until = (Math.floor(Date.now() / 1000) + 2) * 1000; // HTTP dates have 1-second resolution
      sendJson(res, 503, {}, { 'retry-after': new Date(until).toUTCString() });
    });
    await testClient(server).send({ operationName: 'Get', method: 'GET', url: '/r' });
    assert.ok(server.requests[1].receivedAt >= until - 50, `retried ${until - server.requests[1].receivedAt} ms before the date`);
  });

  it('a 429 storm stops at the attempt cap and returns the typed 429 error', async () => {
    server.handle((_req, res) =>
      sendJson(res, 429, { error: { code: 'SubscriptionTooManyRequests', message: 'slow down' } }, { 'retry-after-ms': '10' }),
    );
    await assert.rejects(
      testClient(server, { retry: { maxRetries: 4, baseDelayMs: 5, maxTotalMs: 10_000 } }).send({
        operationName: 'List',
        method: 'GET',
        url: '/r',
      }),
      (e: AzureRequestError) => e.status === 429 && e.code === 'SubscriptionTooManyRequests',
    );
    assert.equal(server.requests.length, 5);
  });

  it('a 429 storm stops at the total-time cap', async () => {
    server.handle((_req, res) => sendJson(res, 429, {}, { 'retry-after-ms': '100' }));
    const started = Date.now();
    await assert.rejects(
      testClient(server, { retry: { maxRetries: 100, maxTotalMs: 350 } }).send({ operationName: 'List', method: 'GET', url: '/r' }),
      AzureRequestError,
    );
    const elapsed = Date.now() - started;
    assert.ok(server.requests.length <= 4 && server.requests.length >= 3, `${server.requests.length} attempts`);
    assert.ok(elapsed < 600, `took ${elapsed} ms`);
  });

  it('cancels mid-backoff without waiting out Retry-After', async () => {
    server.handle((_req, res) => sendJson(res, 429, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(
      testClient(server, { retry: { maxRetries: 3, maxTotalMs: 120_000 } }).send({
        operationName: 'Get',
        method: 'GET',
        url: '/r',
        signal: controller.signal,
      }),
      { name: 'AbortError' },
    );
    assert.ok(Date.now() - started < 2_000);
    assert.equal(server.requests.length, 1);
  });

  it('cancels mid-request (server never answers)', async () => {
    server.handle(() => {
      /* hang */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(testClient(server).send({ operationName: 'Get', method: 'GET', url: '/hang', signal: controller.signal }), {
      name: 'AbortError',
    });
    assert.ok(Date.now() - started < 2_000);
    assert.equal(server.requests.length, 1, 'an abort is not retried');
  });

  it('limits concurrent requests per host and queues the rest', async () => {
    let active = 0;
    let peak = 0;
    server.handle((_req, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        sendJson(res, 200, {});
      }, 30);
    });
    const client = testClient(server, { maxConcurrencyPerHost: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.send({ operationName: 'Get', method: 'GET', url: `/r${i}` })));
    assert.equal(server.requests.length, 12);
    assert.equal(peak, 3);
  });

  it('logs every attempt with status, duration and ids, never the token', async () => {
    const entries: RequestLogEntry[] = [];
    let n = 0;
    server.handle((_req, res) =>
      n++ === 0 ? sendJson(res, 503, {}, { 'retry-after-ms': '1' }) : sendJson(res, 200, {}, { 'x-ms-request-id': 'r2' }),
    );
    await testClient(server, { logger: { log: (e) => entries.push(e) } }).send({
      operationName: 'Get',
      method: 'GET',
      url: '/r',
      query: { sig: 'SECRETSIG', 'api-version': '1' },
    });
    assert.deepEqual(
      entries.map((e) => [e.status, e.attempt]),
      [
        [503, 1],
        [200, 2],
      ],
    );
    assert.equal(entries[1].requestId, 'r2');
    assert.ok(entries.every((e) => typeof e.durationMs === 'number' && e.clientRequestId));
    const text = JSON.stringify(entries);
    assert.ok(!text.includes('SECRETSIG') && !text.includes('token-'), text);
  });
});
