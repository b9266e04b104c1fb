// An operation's duration is the service's: from when it was started to when the service says it ended,
// even when a window takes it over long after it ended (e.g. 20 s later, once a lost window's lease ran out).
import * as assert from 'node:assert/strict';
import { ArmPoller } from '../../../src/azure/lro/armPoller';
import type { OperationRecord } from '../../../src/operations/operationRecord';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { freeHubDatabases } from '../../support/freeHubDatabases';
import { waitFor } from '../emulator/helpers';
import { startEmulatorWithClient, type EmulatorWithClient } from './emulatorClient';
import { MapMemento } from './mementos';

describe('operation durations (real emulator)', function () {
  this.timeout(30_000);
  let env: EmulatorWithClient;
  let databases: string[];

  before(async () => {
    env = await startEmulatorWithClient();
    databases = await freeHubDatabases(env.arm);
  });
  after(async () => {
    await env.stop();
  });

  it('uses the persisted start and the service’s end time, not the time another window took it over', async () => {
    const memento = new MapMemento();
    const hub = databases[0];
    const poller = await ArmPoller.begin(env.arm, {
      operationName: 'Create sync group durations',
      method: 'PUT',
      url: `${hub}/syncGroups/durations`,
      query: { 'api-version': '2025-01-01' },
      body: { properties: { interval: 300, conflictResolutionPolicy: 'HubWin', syncDatabaseId: databases[1] } },
    });
    const startedAt = poller.toJSON().startedAt;
    const options = { connect: () => ({ arm: env.arm }), minDelayMs: 50, maxDelayMs: 200, claimSettleMs: 20 };
    const first = new OperationTracker({ store: new OperationStore(memento), owner: 'closed-window', ...options });
    const op = await first.start(poller, {
      title: 'Create sync group durations',
      target: { label: 'durations' },
      environment: 'LocalEmulator',
    });
    await first.dispose(); // the window goes away before it sees the end
    await op.result.catch(() => undefined);
    const statusUrl = new OperationStore(memento).get(op.id)?.poller;
    assert.ok(statusUrl?.kind === 'arm' && statusUrl.asyncOperationUrl, 'polled through Azure-AsyncOperation');
    const asyncUrl = statusUrl.asyncOperationUrl;
    const status = await waitFor(async () => {
      const res = await env.arm.send<{ status: string; endTime?: string }>({ operationName: 'status', method: 'GET', url: asyncUrl });
      return res.body?.status === 'Succeeded' ? res.body : undefined;
    });
    assert.ok(status.endTime);

    // Another window takes it over 20 s later.
    const later = () => Date.now() + 20_000;
    const store = new OperationStore(memento, later);
    const second = new OperationTracker({ store, owner: 'new-window', now: later, ...options });
    const ended = new Promise<OperationRecord>((resolve) => second.onDidEnd(resolve));
    assert.equal(await second.resumeAll(), 1);
    const record = await ended;
    await second.dispose();
    assert.equal(record.status, 'succeeded');
    assert.equal(record.startedAt, startedAt, 'the start recorded when the operation was started');
    assert.equal(record.endedAt, Date.parse(status.endTime), 'the end the service reports');
    assert.ok(record.endedAt - record.startedAt < 5_000, `took ${record.endedAt - record.startedAt} ms`);
  });
});
