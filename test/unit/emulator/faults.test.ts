// Fault and latency injection, observed by a plain HTTPS client (node-fetch + agent): latency, 429 +
// Retry-After, 500/503, connection reset, hang (client timeout), malformed JSON, expired token, an LRO that
// fails midway; per-route matching, occurrence limits, the compact syntax and the control endpoints.
import assert from 'node:assert/strict';
import { parseFaultSpec } from '../../../src/emulator/core/faults';
import { demoIds, runLro, startTestEmulator, v, type TestEmulator } from './helpers';
import { armErrorOf, faultRulesOf, operationStatusOf, stateSummaryOf } from './answers';

describe('emulator faults and latency', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  const subs = '/subscriptions?api-version=2022-12-01';
  before(async () => {
    t = await startTestEmulator();
    ids = demoIds(t.emu);
  });
  afterEach(() => {
    t.emu.control.clearFaults();
    t.emu.control.setLatency(0);
  });
  after(() => t.stop());

  const control = (method: string, p: string, body?: unknown) => t.call(method, `/_emulator${p}`, { token: null, body });

  it('parses the compact syntax and JSON', () => {
    const [a, b, c, d] = parseFaultSpec('429:0.3; 503*2@GET /syncGroups ;latency=800@PUT .*;lro-fail*1');
    assert.deepEqual([a.kind, a.probability, a.remaining], ['429', 0.3, undefined]);
    assert.deepEqual([b.kind, b.remaining, b.method, b.path], ['503', 2, 'GET', '/syncGroups']);
    assert.deepEqual([c.kind, c.latencyMs, c.method, c.path], ['latency', 800, 'PUT', '.*']);
    assert.deepEqual([d.kind, d.remaining], ['lro-fail', 1]);
    const [j] = parseFaultSpec('{"kind":"500","count":1,"path":"servers$"}');
    assert.deepEqual([j.kind, j.remaining, j.path], ['500', 1, 'servers$']);
    assert.throws(() => parseFaultSpec('teapot'), /Unknown fault kind/);
    assert.throws(() => parseFaultSpec('429:2'), /probability/);
  });

  it('global latency (control endpoint) and per-route latency delay responses', async () => {
    assert.equal((await control('POST', '/latency', { ms: 150 })).status, 200);
    let start = Date.now();
    assert.equal((await t.call('GET', subs)).status, 200);
    assert.ok(Date.now() - start >= 140, 'global latency');
    t.emu.control.setLatency(0);
    const [rule] = t.emu.control.addFaults('latency=200*1@GET ^/subscriptions$');
    await t.call('GET', v(`${ids.weu}/syncAgents`));
    assert.equal(rule.remaining, 1, 'other routes do not match the rule');
    start = Date.now();
    await t.call('GET', subs);
    assert.ok(Date.now() - start >= 190, 'matching route delayed');
    assert.equal(rule.remaining, 0);
  });

  it('429 with Retry-After, limited to N occurrences', async () => {
    const added = await control('POST', '/faults', { spec: '429*2' });
    assert.equal(added.status, 201);
    assert.equal(faultRulesOf(added).rules[0].kind, '429');
    for (let i = 0; i < 2; i++) {
      const r = await t.call('GET', subs);
      assert.equal(r.status, 429);
      assert.equal(r.headers['retry-after'], '1');
      assert.equal(armErrorOf(r).code, 'SubscriptionTooManyRequests');
    }
    assert.equal((await t.call('GET', subs)).status, 200, 'third call passes');
  });

  it('500 and 503 (per method + path)', async () => {
    t.emu.control.addFaults('500*1@GET syncAgents;503*1@GET /subscriptions$');
    const a = await t.call('GET', v(`${ids.weu}/syncAgents`));
    assert.equal(a.status, 500);
    assert.equal(armErrorOf(a).code, 'InternalServerError');
    const b = await t.call('GET', subs);
    assert.equal(b.status, 503);
    assert.ok(b.headers['retry-after']);
    assert.equal((await t.call('GET', subs)).status, 200);
  });

  it('connection reset: the client sees a socket error', async () => {
    t.emu.control.addFaults('reset*1');
    await assert.rejects(t.call('GET', subs), (e: Error) => /socket hang up|ECONNRESET/i.test(e.message));
    assert.equal((await t.call('GET', subs)).status, 200);
  });

  it('hang: the client times out', async () => {
    t.emu.control.addFaults('hang*1');
    const start = Date.now();
    await assert.rejects(t.call('GET', subs, { timeoutMs: 300 }), (e: Error) => /timeout/i.test(e.message));
    assert.ok(Date.now() - start >= 290);
    assert.equal((await t.call('GET', subs)).status, 200);
  });

  it('malformed JSON: 200 with a body that does not parse', async () => {
    t.emu.control.addFaults('malformed*1');
    const r = await t.call('GET', subs);
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /json/);
    assert.throws(() => JSON.parse(r.text));
  });

  it('expired token: 401 ExpiredAuthenticationToken even with a valid token', async () => {
    t.emu.control.addFaults('expired-token*1');
    const r = await t.call('GET', subs);
    assert.equal(r.status, 401);
    assert.equal(armErrorOf(r).code, 'ExpiredAuthenticationToken');
    assert.match(r.headers['www-authenticate'], /error="invalid_token"/);
  });

  it('an LRO that fails midway: status Failed with an error, Location answers the error, nothing changes', async () => {
    t.emu.control.addFaults('lro-fail*1@PUT /syncGroups/');
    const { accepted, final } = await runLro(t, 'PUT', `${ids.east}/syncGroups/doomed`, {
      properties: { interval: -1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: ids.syncMeta },
    });
    assert.equal(accepted.status, 202);
    assert.equal(final.status, 500);
    assert.equal(armErrorOf(final).code, 'OperationTimedOut');
    const status = operationStatusOf(await t.call('GET', accepted.headers['azure-asyncoperation']));
    assert.equal(status.status, 'Failed');
    assert.equal(status.error?.code, 'OperationTimedOut');
    assert.equal((await t.call('GET', v(`${ids.east}/syncGroups/doomed`))).status, 404);
    // A failed delete rolls back the "being dropped" flag.
    t.emu.control.addFaults('lro-fail*1');
    const del = await runLro(t, 'DELETE', `${ids.salesHub}/syncGroups/sales-new`);
    assert.equal(del.final.status, 500);
    assert.equal(
      (await t.call('PATCH', v(`${ids.salesHub}/syncGroups/sales-new`), { body: { properties: { interval: 600 } } })).status,
      202,
    );
  });

  it('control endpoints: list, delete one, delete all, state summary', async () => {
    const r = await control('POST', '/faults', [
      { kind: '503', count: 5 },
      { kind: 'latency', latencyMs: 10 },
    ]);
    const added = faultRulesOf(r).rules;
    assert.equal(added.length, 2);
    const list = await control('GET', '/faults');
    assert.equal(faultRulesOf(list).rules.length, 2);
    assert.equal((await control('DELETE', `/faults/${added[0].id}`)).status, 204);
    assert.equal(faultRulesOf(await control('GET', '/faults')).rules.length, 1);
    assert.equal((await control('DELETE', '/faults')).status, 204);
    assert.equal(faultRulesOf(await control('GET', '/faults')).rules.length, 0);
    const bad = await control('POST', '/faults', { spec: 'nonsense' });
    assert.equal(bad.status, 400);
    const st = stateSummaryOf(await control('GET', '/state?summary=true'));
    assert.equal(st.seed, 'demo');
    assert.ok(st.counts.syncGroups >= 6);
    assert.equal(st.state, undefined);
  });

  it('faults never apply to the control API', async () => {
    t.emu.control.addFaults('503');
    assert.equal((await control('GET', '/faults')).status, 200);
    assert.equal((await t.call('GET', subs)).status, 503);
  });
});
