// The ARM pipeline against the emulator with throttling on: a 2,000-request burst over two subscriptions
// draws no 429 and takes no less than the token buckets force; without the pacer the same kind of burst
// is throttled (so the first test could fail).
import assert from 'node:assert/strict';
import { createAzureConnection, type AzureConnection } from '../../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../../src/auth/secretStore';
import type { ArmPacingLimits } from '../../../../src/azure/http/armPacer';
import { isAzureRequestError } from '../../../../src/azure/http/azureError';
import { emulatorCloud } from '../../../../src/azure/clouds';
import type { RequestLogEntry } from '../../../../src/azure/http/requestLogger';
import { DEFAULT_CREDENTIALS } from '../../../../src/emulator/index';
import { demoIds, startTestEmulator, type TestEmulator } from '../../emulator/helpers';

// Scaled-down buckets keep the test short; the pacer is told the same limits the emulator enforces.
const LIMITS: ArmPacingLimits = {
  reads: { size: 100, refillPerSecond: 500 },
  writes: { size: 100, refillPerSecond: 100 },
  deletes: { size: 100, refillPerSecond: 100 },
};

async function connect(
  t: TestEmulator,
  armPacing: ArmPacingLimits | false,
  log: RequestLogEntry[],
  maxRetries: number,
): Promise<AzureConnection> {
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
  return createAzureConnection({
    cloud: emulatorCloud({ ...t.emu.endpoints, certificate: t.emu.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: t.emu.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
    logger: { log: (e) => log.push(e) },
    retry: { maxRetries, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 30_000 },
    armPacing,
  });
}

describe('ARM pacing against the throttling emulator', function () {
  this.timeout(60_000);
  let t: TestEmulator;
  let conn: AzureConnection | undefined;
  afterEach(async () => {
    conn?.dispose();
    await t?.stop();
  });

  it('a 2,000-request burst over two subscriptions draws no 429 and respects the buckets', async () => {
    t = await startTestEmulator({ throttling: LIMITS });
    const { prod, dev } = demoIds(t.emu);
    const log: RequestLogEntry[] = [];
    conn = await connect(t, LIMITS, log, 3);
    const arm = conn.arm;
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 2000 }, async (_, i) => {
        const sub = i % 2 === 0 ? prod : dev;
        const r = await arm.send({
          operationName: 'List servers',
          method: 'GET',
          url: `/subscriptions/${sub}/providers/Microsoft.Sql/servers`,
          query: { 'api-version': '2021-11-01' },
        });
        return r.status;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    assert.equal(statuses.filter((s) => s === 200).length, 2000);
    const armAttempts = log.filter((e) => e.url.includes('/subscriptions/'));
    assert.equal(armAttempts.filter((e) => e.status === 429).length, 0, 'no 429 reached the client');
    assert.equal(armAttempts.length, 2000, 'no request was retried');
    assert.equal(arm.transport.pacer?.stats.throttled, 0);
    assert.ok((arm.transport.pacer?.stats.delayed ?? 0) > 0, 'the pacer held requests back');
    // 1,000 reads per subscription, 100 at once and 500/s after: the buckets force at least 1.8 s.
    assert.ok(seconds >= 1.8 * 0.95, `took ${seconds.toFixed(2)} s`);
  });

  it('a 429 caused by another client of the same principal is honoured (Retry-After) and counted', async () => {
    t = await startTestEmulator({ throttling: { reads: { size: 5, refillPerSecond: 2 } } });
    const { prod } = demoIds(t.emu);
    const log: RequestLogEntry[] = [];
    const limits: ArmPacingLimits = { ...LIMITS, reads: { size: 5, refillPerSecond: 2 } };
    conn = await connect(t, limits, log, 3);
    const arm = conn.arm;
    const list = () =>
      arm.send({
        operationName: 'List servers',
        method: 'GET',
        url: `/subscriptions/${prod}/providers/Microsoft.Sql/servers`,
        query: { 'api-version': '2021-11-01' },
      });
    await list(); // the model learns: 4 left
    // Another client with the same principal (the test's own token) spends what is left.
    let other = 0;
    while ((await t.call('GET', `/subscriptions/${prod}/providers/Microsoft.Sql/servers?api-version=2021-11-01`)).status === 200) other++;
    assert.ok(other >= 4, `the other client took ${other}`);
    const r = await list();
    assert.equal(r.status, 200, 'served after waiting out Retry-After');
    const statuses = log.filter((e) => e.url.includes('/providers/Microsoft.Sql/servers')).map((e) => e.status);
    assert.deepEqual(statuses, [200, 429, 200]);
    assert.equal(arm.transport.pacer?.stats.throttled, 1);
  });

  it('without the pacer, a burst beyond the bucket is answered 429', async () => {
    t = await startTestEmulator({ throttling: { reads: { size: 100, refillPerSecond: 0.01 } } });
    const { prod } = demoIds(t.emu);
    const log: RequestLogEntry[] = [];
    conn = await connect(t, false, log, 0);
    const arm = conn.arm;
    const results = await Promise.all(
      Array.from({ length: 300 }, () =>
        arm
          .send({
            operationName: 'List servers',
            method: 'GET',
            url: `/subscriptions/${prod}/providers/Microsoft.Sql/servers`,
            query: { 'api-version': '2021-11-01' },
          })
          .then(
            () => 200,
            (e: unknown) => (isAzureRequestError(e) ? e.status : -1),
          ),
      ),
    );
    assert.equal(arm.transport.pacer, undefined);
    assert.ok(results.filter((s) => s === 429).length >= 199, `429s: ${results.filter((s) => s === 429).length}`);
  });
});
