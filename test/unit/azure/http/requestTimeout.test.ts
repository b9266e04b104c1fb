// A hung request ends after its per-attempt timeout (30 s by default, configurable per pipeline and
// per request) with a RequestTimeout error naming what timed out, without the query string, and
// saying it can be retried; the pipeline does not silently retry it.
import assert from 'node:assert/strict';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { rejection } from '../../helpers/azureRejection';
import { SyncMembersClient } from '../../../../src/azure/sql/syncMembersClient';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient } from '../../helpers/testClients';
import { startEmulatorWithClient, type EmulatorWithClient } from '../../operations/emulatorClient';

describe('request timeout (emulator hang fault)', function () {
  this.timeout(20_000);
  let env: EmulatorWithClient;
  let group: { subscriptionId: string; resourceGroup: string; server: string; database: string; syncGroup: string };

  before(async () => {
    env = await startEmulatorWithClient({}, { requestTimeoutMs: 400 });
    const subscriptionId = env.emulator.control.state().subscriptions.find((s) => s.displayName === 'Contoso Production')!.subscriptionId;
    group = { subscriptionId, resourceGroup: 'rg-sales-prod', server: 'contoso-sales-weu', database: 'SalesHub', syncGroup: 'sales-sync' };
  });
  after(async () => {
    await env.stop();
  });
  afterEach(() => env.emulator.control.clearFaults());

  it('a hung list fails after the pipeline timeout with what timed out and that it can be retried; no silent retry', async () => {
    env.emulator.control.addFaults('hang*1@GET /syncMembers$');
    env.requests.length = 0;
    const started = Date.now();
    const err = await rejection(new SyncMembersClient(env.arm).list(group).toArray());
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 350 && elapsed < 3_000, `ended after the 400 ms timeout, took ${elapsed} ms`);
    assert.equal(err.code, 'RequestTimeout');
    assert.equal(err.status, 0);
    assert.ok(err.clientRequestId, 'our request id, to find the call in the log');
    assert.equal(
      err.message,
      `List sync members: GET /subscriptions/${group.subscriptionId}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers/contoso-sales-weu/databases/SalesHub/syncGroups/sales-sync/syncMembers got no answer within 0.4 s. The service may be slow or unreachable; it can be retried.`,
    );
    const attempts = env.requests.filter((r) => r.url.includes('/syncMembers'));
    assert.equal(attempts.length, 1, 'one attempt: a timeout is left to the user to retry');
    assert.equal(attempts[0].error, 'RequestTimeout');
    assert.ok((await new SyncMembersClient(env.arm).list(group).toArray()).length > 0, 'retrying works once the service answers');
  });
});

describe('request timeout (settings)', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  function captureTimeouts(client: ReturnType<typeof testClient>): number[] {
    const seen: number[] = [];
    client.transport.pipeline.addPolicy({
      name: 'captureTimeout',
      sendRequest: (request: PipelineRequest, next) => {
        seen.push(request.timeout);
        return next(request);
      },
    });
    return seen;
  }

  it('defaults to 30 s per attempt; the pipeline option and a request’s own timeoutMs override it', async () => {
    server.handle((_req, res) => sendJson(res, 200, {}));
    const byDefault = testClient(server);
    const seen = captureTimeouts(byDefault);
    await byDefault.send({ operationName: 'Get', method: 'GET', url: '/x' });
    await byDefault.send({ operationName: 'Get', method: 'GET', url: '/x', timeoutMs: 5_000 });
    assert.deepEqual(seen, [30_000, 5_000]);
    assert.equal(byDefault.transport.requestTimeoutMs, 30_000);
  });

  it('the message names the path only: secrets in the query string never appear', async () => {
    server.handle(() => undefined); // never answers
    const err = await rejection(
      testClient(server).send({
        operationName: 'Read blob',
        method: 'GET',
        url: `${server.origin}/container/blob?sv=2020&sig=TopSecretSignature`,
        timeoutMs: 200,
      }),
    );
    assert.equal(err.code, 'RequestTimeout');
    assert.match(err.message, /^Read blob: GET \/container\/blob got no answer within 0\.2 s\./);
    assert.doesNotMatch(err.message + err.toDetailsText(), /TopSecretSignature/);
  });
});
