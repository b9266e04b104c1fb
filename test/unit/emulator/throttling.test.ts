// ARM token-bucket throttling: exact token arithmetic on an injected clock, then the answers over HTTPS
// (budget headers, ARM's 429 body with Retry-After, scopes, the switch).
import assert from 'node:assert/strict';
import {
  ArmThrottle,
  TokenBucket,
  chargeArmRequest,
  operationKind,
  resolveLimits,
  subscriptionOfPath,
  type ThrottleScope,
} from '../../../src/emulator/core/throttling';
import { HttpError } from '../../../src/emulator/core/http';
import { parseArgs } from '../../../src/emulator/cli';
import { demoIds, startTestEmulator, v, type TestEmulator } from './helpers';
import { armErrorOf } from './answers';

const SUB = '11111111-1111-4111-8111-111111111111';
const read = (o: Partial<ThrottleScope> = {}): ThrottleScope => ({
  subscriptionId: SUB,
  tenantId: 'tenant',
  principal: 'me',
  kind: 'reads',
  ...o,
});

describe('emulator ARM throttling: token buckets', () => {
  it('a bucket starts full, takes one token per request and refuses the one beyond its size', () => {
    const b = new TokenBucket({ size: 250, refillPerSecond: 25 }, 0);
    for (let i = 0; i < 250; i++) assert.equal(b.take(0), true, `request ${i + 1}`);
    assert.equal(b.remaining(0), 0);
    assert.equal(b.take(0), false);
    assert.equal(b.remaining(0), 0, 'a refused request takes nothing');
  });

  it('refills at the documented rate: 25 reads per second means one token every 40 ms, capped at the size', () => {
    const b = new TokenBucket({ size: 250, refillPerSecond: 25 }, 1000);
    for (let i = 0; i < 250; i++) b.take(1000);
    assert.equal(b.take(1039), false, '39 ms hold 0.975 of a token');
    assert.equal(b.take(1040), true, 'the 40th ms completes it');
    assert.equal(b.remaining(1040), 0);
    assert.equal(b.remaining(2040), 25, 'one second later: 25 tokens');
    assert.equal(b.remaining(1_000_000), 250, 'never above the size');
  });

  it('writes and deletes: 200 tokens at 10 per second', () => {
    const limits = resolveLimits(true);
    assert.deepEqual(limits, {
      reads: { size: 250, refillPerSecond: 25 },
      writes: { size: 200, refillPerSecond: 10 },
      deletes: { size: 200, refillPerSecond: 10 },
    });
    const b = new TokenBucket(limits.writes, 0);
    for (let i = 0; i < 200; i++) assert.equal(b.take(0), true);
    assert.equal(b.take(99), false);
    assert.equal(b.take(100), true, 'one token per 100 ms');
  });

  it('Retry-After is the whole seconds until a token is back, at least 1', () => {
    const b = new TokenBucket({ size: 1, refillPerSecond: 0.25 }, 0);
    b.take(0);
    assert.equal(b.secondsUntilToken(0), 4);
    assert.equal(b.secondsUntilToken(3001), 1);
    assert.equal(b.secondsUntilToken(4000), 0);
    const fast = new TokenBucket({ size: 1, refillPerSecond: 25 }, 0);
    fast.take(0);
    assert.equal(fast.secondsUntilToken(0), 1, '40 ms still reads as 1 s: ARM sends whole seconds');
  });

  it('keeps one bucket per subscription, principal and operation type; tenant-level requests use the tenant bucket', () => {
    let now = 0;
    const t = new ArmThrottle({ reads: { size: 2 }, writes: { size: 1 } }, () => now);
    assert.deepEqual(t.take(read()), { allowed: true, header: 'x-ms-ratelimit-remaining-subscription-reads', remaining: 1 });
    assert.deepEqual(t.take(read()), { allowed: true, header: 'x-ms-ratelimit-remaining-subscription-reads', remaining: 0 });
    assert.deepEqual(t.take(read()), { allowed: false, header: 'x-ms-ratelimit-remaining-subscription-reads', retryAfterSeconds: 1 });
    assert.equal(t.take(read({ principal: 'someone-else' })).allowed, true, 'another principal has its own bucket');
    assert.equal(t.take(read({ subscriptionId: '22222222-2222-4222-8222-222222222222' })).allowed, true, 'another subscription too');
    assert.equal(t.take(read({ subscriptionId: SUB.toUpperCase() })).allowed, false, 'subscription ids compare case-insensitively');
    assert.deepEqual(t.take(read({ kind: 'writes' })), {
      allowed: true,
      header: 'x-ms-ratelimit-remaining-subscription-writes',
      remaining: 0,
    });
    assert.deepEqual(t.take(read({ kind: 'deletes' })), {
      allowed: true,
      header: 'x-ms-ratelimit-remaining-subscription-deletes',
      remaining: 199,
    });
    assert.deepEqual(t.take(read({ subscriptionId: undefined })), {
      allowed: true,
      header: 'x-ms-ratelimit-remaining-tenant-reads',
      remaining: 1,
    });
    now = 40;
    assert.deepEqual(t.take(read()), { allowed: true, header: 'x-ms-ratelimit-remaining-subscription-reads', remaining: 0 });
  });

  it('configure() switches throttling and refills every bucket', () => {
    const t = new ArmThrottle({ reads: { size: 1 } }, () => 0);
    assert.equal(t.take(read()).allowed, true);
    assert.equal(t.take(read()).allowed, false);
    t.configure({ reads: { size: 1 } });
    assert.equal(t.take(read()).allowed, true, 'full again');
    t.configure(false);
    assert.equal(t.enabled, false);
    assert.deepEqual(chargeArmRequest(t, { method: 'GET', pathname: `/subscriptions/${SUB}/x` }, 'me', 'tenant'), {
      'x-ms-ratelimit-remaining-subscription-reads': '11999',
    });
  });

  it('rejects limits that could never refill', () => {
    assert.throws(() => resolveLimits({ reads: { refillPerSecond: 0 } }), /refillPerSecond/);
    assert.throws(() => resolveLimits({ deletes: { size: 0 } }), /size/);
  });

  it('maps methods and paths to operation types and scopes', () => {
    assert.deepEqual(['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'].map(operationKind), [
      'reads',
      'reads',
      'writes',
      'writes',
      'writes',
      'deletes',
    ]);
    assert.equal(subscriptionOfPath(`/subscriptions/${SUB}/resourceGroups/rg`), SUB);
    assert.equal(subscriptionOfPath(`/subscriptions/${SUB}`), SUB);
    assert.equal(subscriptionOfPath('/subscriptions'), undefined);
    assert.equal(subscriptionOfPath('/providers/Microsoft.Sql/operations'), undefined);
  });

  it('an empty bucket throws ARM 429 SubscriptionRequestsThrottled with Retry-After and a zero budget header', () => {
    const t = new ArmThrottle({ writes: { size: 1, refillPerSecond: 0.5 } }, () => 0);
    chargeArmRequest(t, { method: 'PUT', pathname: `/subscriptions/${SUB}/a` }, 'oid-1', 'tenant');
    try {
      chargeArmRequest(t, { method: 'PUT', pathname: `/subscriptions/${SUB}/a` }, 'oid-1', 'tenant');
      assert.fail('expected a 429');
    } catch (e) {
      assert.ok(e instanceof HttpError);
      assert.equal(e.status, 429);
      assert.equal(e.code, 'SubscriptionRequestsThrottled');
      assert.deepEqual(e.extraHeaders, { 'retry-after': '2', 'x-ms-ratelimit-remaining-subscription-writes': '0' });
      assert.equal(
        e.message,
        `Number of 'write' requests for subscription '${SUB}' actor 'oid-1' exceeded. Please try again after '2' seconds after the additional tokens are available. Refer to https://aka.ms/arm-throttling`,
      );
    }
  });
});

describe('emulator ARM throttling over HTTPS', function () {
  let t: TestEmulator;
  afterEach(() => t?.stop());

  it('is off for the demo seed: constant budget headers, never a 429', async () => {
    t = await startTestEmulator();
    const { prod } = demoIds(t.emu);
    assert.equal(t.emu.control.throttling().enabled, false);
    for (let i = 0; i < 3; i++) {
      const r = await t.call('GET', v(`/subscriptions/${prod}/providers/Microsoft.Sql/servers`));
      assert.equal(r.status, 200);
      assert.equal(r.headers['x-ms-ratelimit-remaining-subscription-reads'], '11999');
    }
  });

  it('is on by default for the large seed with the documented limits', async () => {
    t = await startTestEmulator({ seed: 'large' });
    const sub = t.emu.control.state().subscriptions[0].subscriptionId;
    assert.deepEqual(t.emu.control.throttling().limits.reads, { size: 250, refillPerSecond: 25 });
    const r = await t.call('GET', v(`/subscriptions/${sub}/providers/Microsoft.Sql/servers`));
    assert.equal(r.status, 200);
    // A refill tick may land between requests, so the count is at most 249 and at least 248.
    const left = Number(r.headers['x-ms-ratelimit-remaining-subscription-reads']);
    assert.ok(left >= 248 && left <= 249, `remaining ${left}`);
  });

  it('counts down per subscription, answers ARM 429 with Retry-After when empty, reports tenant reads on tenant-level calls', async () => {
    t = await startTestEmulator({ throttling: { reads: { size: 3, refillPerSecond: 0.01 } } });
    const { prod, dev } = demoIds(t.emu);
    const servers = (sub: string) => v(`/subscriptions/${sub}/providers/Microsoft.Sql/servers`);
    const left: string[] = [];
    for (let i = 0; i < 3; i++) left.push((await t.call('GET', servers(prod))).headers['x-ms-ratelimit-remaining-subscription-reads']);
    assert.deepEqual(left, ['2', '1', '0']);
    const refused = await t.call('GET', servers(prod));
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['retry-after'], '100');
    assert.equal(refused.headers['x-ms-ratelimit-remaining-subscription-reads'], '0');
    const err = armErrorOf(refused);
    assert.equal(err.code, 'SubscriptionRequestsThrottled');
    assert.match(
      err.message,
      new RegExp(`Number of 'read' requests for subscription '${prod}' actor '[^']+' exceeded\\. Please try again after '100' seconds`),
    );
    assert.equal((await t.call('GET', servers(dev))).status, 200, 'the other subscription still has tokens');
    const missing = await t.call('GET', v(`/subscriptions/${dev}/resourceGroups/nope/providers/Microsoft.Sql/servers/nope`));
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['x-ms-ratelimit-remaining-subscription-reads'], '1', 'an error answer costs a token and says so');
    const tenant = await t.call('GET', v('/subscriptions', '2022-12-01'));
    assert.equal(tenant.status, 200);
    assert.equal(tenant.headers['x-ms-ratelimit-remaining-tenant-reads'], '2');
    assert.equal(tenant.headers['x-ms-ratelimit-remaining-subscription-reads'], undefined);
  });

  it('the control API switches it off and on (refilled), and rejects a bad body', async () => {
    t = await startTestEmulator({ throttling: { reads: { size: 1, refillPerSecond: 0.01 } } });
    const { prod } = demoIds(t.emu);
    const servers = v(`/subscriptions/${prod}/providers/Microsoft.Sql/servers`);
    assert.equal((await t.call('GET', servers)).status, 200);
    assert.equal((await t.call('GET', servers)).status, 429);
    const off = await t.call('POST', '/_emulator/throttling', { body: { enabled: false }, token: null });
    assert.equal(off.status, 200, off.text);
    assert.equal((off.body as { enabled: boolean }).enabled, false);
    assert.equal((await t.call('GET', servers)).status, 200);
    const on = await t.call('POST', '/_emulator/throttling', {
      body: { enabled: true, reads: { size: 2, refillPerSecond: 0.01 } },
      token: null,
    });
    assert.deepEqual((on.body as { limits: { reads: unknown } }).limits.reads, { size: 2, refillPerSecond: 0.01 });
    assert.equal((await t.call('GET', servers)).headers['x-ms-ratelimit-remaining-subscription-reads'], '1');
    const status = await t.call('GET', '/_emulator/throttling', { token: null });
    assert.equal((status.body as { enabled: boolean }).enabled, true);
    assert.equal((await t.call('POST', '/_emulator/throttling', { body: { on: 1 }, token: null })).status, 400);
    assert.equal((await t.call('POST', '/_emulator/throttling', { body: { enabled: true, reads: { size: 0 } }, token: null })).status, 400);
  });

  it('never throttles the token endpoint or Fabric', async () => {
    t = await startTestEmulator({ throttling: { reads: { size: 1, refillPerSecond: 0.01 }, writes: { size: 1, refillPerSecond: 0.01 } } });
    for (let i = 0; i < 3; i++) assert.ok(await t.token());
    const fabricToken = await t.token('https://api.fabric.microsoft.com/.default');
    for (let i = 0; i < 3; i++) {
      const r = await t.call('GET', `${t.emu.endpoints.fabric}/workspaces`, { token: fabricToken });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.headers['x-ms-ratelimit-remaining-subscription-reads'], undefined);
    }
  });
});

describe('emulator ARM throttling: command line', () => {
  it('--throttling on|off', () => {
    assert.deepEqual(parseArgs(['--throttling', 'off']), { throttling: false });
    assert.deepEqual(parseArgs(['--throttling=on']), { throttling: true });
    assert.throws(() => parseArgs(['--throttling', 'maybe']), /on or off/);
  });
});
