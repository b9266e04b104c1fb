// A connection reset is retried for GET/PUT/PATCH/DELETE but a POST is not sent again (it may have reached
// the service); a connection that was never made is retried for any method. Either way the caller gets a
// typed AzureRequestError with the system code, a message and the client request id.
import assert from 'node:assert/strict';
import { startHttpsTestServer, resetConnection, sendJson, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient, FAST_RETRY } from '../../helpers/testClients';
import { AzureRequestError } from '../../../../src/azure/http/azureError';
import type { RequestLogEntry } from '../../../../src/azure/http/requestLogger';

describe('connection failures: retry only what is safe, typed errors', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('POST after a reset: one attempt, typed ECONNRESET error saying it was not resent', async () => {
    server.handle((_req, res) => resetConnection(res));
    const error = await testClient(server)
      .send({ operationName: 'Trigger sync', method: 'POST', url: '/sg/triggerSync', body: {} })
      .then(
        () => assert.fail('expected a failure'),
        (e: unknown) => e,
      );
    assert.equal(server.requests.length, 1, 'not resent');
    assert.ok(error instanceof AzureRequestError);
    assert.equal(error.code, 'ECONNRESET');
    assert.equal(error.status, 0);
    assert.match(error.message, /Trigger sync: POST \/sg\/triggerSync failed: the connection was reset.*not sent again/);
    assert.equal(error.clientRequestId, server.requests[0].headers['x-ms-client-request-id']);
  });

  it('PUT and GET after a reset are retried (same client request id) and succeed', async () => {
    for (const method of ['PUT', 'GET'] as const) {
      let n = 0;
      server.handle((_req, res) => (n++ === 0 ? resetConnection(res) : sendJson(res, 200, { ok: true })));
      assert.deepEqual(await testClient(server).json({ operationName: 'Op', method, url: '/r', body: method === 'PUT' ? {} : undefined }), {
        ok: true,
      });
      assert.equal(server.requests.length, 2, method);
      assert.equal(new Set(server.requests.map((r) => r.headers['x-ms-client-request-id'])).size, 1);
    }
  });

  it('POST to a port where nothing listens: retried (never sent), then a typed ECONNREFUSED error', async () => {
    const closed = await startHttpsTestServer();
    await closed.close();
    const attempts: RequestLogEntry[] = [];
    const client = testClient(closed, { agent: server.agent, logger: { log: (e) => attempts.push(e) } });
    await assert.rejects(
      client.send({ operationName: 'Trigger sync', method: 'POST', url: '/sg/triggerSync', body: {} }),
      (e: unknown) => e instanceof AzureRequestError && e.code === 'ECONNREFUSED' && !/not sent again/.test(e.message),
    );
    assert.equal(attempts.length, (FAST_RETRY.maxRetries ?? 0) + 1);
  });
});
