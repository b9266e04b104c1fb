// A 2xx that is not what was asked for is an error (InvalidResponseBody with status and request id),
// never an empty list: the emulator's `malformed` fault (JSON cut off), list bodies without their
// array, an empty list body; the request log marks the rejected answer.
import assert from 'node:assert/strict';
import { rejection } from '../../helpers/azureRejection';
import { formatLogEntry } from '../../../../src/azure/http/requestLogger';
import { armNextLink, createPager, fabricContinuation } from '../../../../src/azure/paging/pager';
import { SyncMembersClient } from '../../../../src/azure/sql/syncMembersClient';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient } from '../../helpers/testClients';
import { startEmulatorWithClient, type EmulatorWithClient } from '../../operations/emulatorClient';

describe('invalid response bodies (emulator malformed fault)', function () {
  this.timeout(20_000);
  let env: EmulatorWithClient;
  let group: { subscriptionId: string; resourceGroup: string; server: string; database: string; syncGroup: string };

  before(async () => {
    env = await startEmulatorWithClient();
    const subscriptionId = env.emulator.control.state().subscriptions.find((s) => s.displayName === 'Contoso Production')!.subscriptionId;
    group = { subscriptionId, resourceGroup: 'rg-sales-prod', server: 'contoso-sales-weu', database: 'SalesHub', syncGroup: 'sales-sync' };
  });
  after(async () => {
    await env.stop();
  });
  afterEach(() => env.emulator.control.clearFaults());

  it('a member list cut off mid-JSON rejects with InvalidResponseBody, the status and the request id', async () => {
    const members = new SyncMembersClient(env.arm);
    assert.ok((await members.list(group).toArray()).length > 0, 'the group has members when the answer is whole');
    env.emulator.control.addFaults('malformed*1@GET /syncMembers$');
    env.requests.length = 0;
    const err = await rejection(members.list(group).toArray());
    assert.equal(err.code, 'InvalidResponseBody');
    assert.equal(err.status, 200);
    assert.ok(err.requestId, 'the request id of the broken answer');
    assert.equal(err.operation.name, 'List sync members');
    assert.match(err.message, /cut off or invalid/);
    assert.match(err.toDetailsText(), /Body:\n\{"value": \[\{"id": "\/subscriptions\//, 'details show the start of what arrived');
    const line = env.requests.find((r) => r.url.includes('/syncMembers'));
    assert.ok(line?.bodyProblem, 'the log entry says the body was rejected');
    assert.match(formatLogEntry(line), /^GET \S+\/syncMembers\S* 200 INVALID BODY \(the JSON body is cut off or invalid/);
  });

  it('a single resource cut off mid-JSON rejects too (it never reads as "no body")', async () => {
    env.emulator.control.addFaults('malformed*1@GET /syncMembers/replica-east$');
    const err = await rejection(new SyncMembersClient(env.arm).get({ ...group, syncMember: 'replica-east' }));
    assert.equal(err.code, 'InvalidResponseBody');
    assert.ok(err.requestId);
  });
});

describe('invalid response bodies (list shapes)', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  const list = (url = '/list') =>
    createPager<unknown>({
      client: testClient(server),
      first: { operationName: 'List things', method: 'GET', url, query: { 'api-version': '2025-01-01' } },
      nextPage: armNextLink,
    }).toArray();

  for (const [name, body] of [
    ['an object without "value"', { items: [1, 2] }],
    ['"value" that is not an array', { value: { a: 1 } }],
    ['a bare array', [1, 2]],
    ['null', null],
  ] as const) {
    it(`a list body that is ${name} rejects with InvalidResponseBody`, async () => {
      server.handle((_req, res) => sendJson(res, 200, body, { 'x-ms-request-id': 'rid-shape' }));
      const err = await rejection(list());
      assert.equal(err.code, 'InvalidResponseBody');
      assert.equal(err.status, 200);
      assert.equal(err.requestId, 'rid-shape');
      assert.match(err.message, /not a list \(it has no "value" array\)/);
    });
  }

  it('an empty 200 where a list was expected rejects', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'x-ms-request-id': 'rid-empty' });
      res.end();
    });
    const err = await rejection(list());
    assert.equal(err.code, 'InvalidResponseBody');
    assert.match(err.message, /empty where a list was expected/);
  });

  it('a broken second page rejects after the first page was read', async () => {
    server.handle((req, res) => {
      if (req.url.startsWith('/list')) sendJson(res, 200, { value: [1], nextLink: `${server.origin}/page2` });
      else sendJson(res, 200, { nextLink: null });
    });
    const err = await rejection(list());
    assert.equal(err.code, 'InvalidResponseBody');
    assert.equal(err.operation.url, `${server.origin}/page2`);
  });

  it('Fabric lists are checked against their own items field; an empty list stays a valid empty list', async () => {
    server.handle((_req, res) => sendJson(res, 200, { value: [] }));
    const fabric = createPager<unknown>({
      client: testClient(server),
      first: { operationName: 'Get tables mirroring status', method: 'POST', url: '/status' },
      nextPage: fabricContinuation,
      itemsField: 'data',
    });
    const err = await rejection(fabric.toArray());
    assert.match(err.message, /no "data" array/);
    assert.deepEqual(await list(), [], '{"value": []} is an empty list');
  });
});
