// The operations tracker against the real emulator over HTTPS, with real ARM pollers: success,
// failure midway, stop waiting, resume after a "reload", two windows sharing one store, transient
// polling faults, and no polling once nothing runs.
import * as assert from 'node:assert/strict';
import type { ArmPoller } from '../../../src/azure/lro/armPoller';
import type { AzureRequestError } from '../../../src/azure/http/azureError';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker, type TrackerOptions } from '../../../src/operations/operationTracker';
import type { OperationRecord } from '../../../src/operations/operationRecord';
import { freeHubDatabases } from '../../support/freeHubDatabases';
import { beginCreateSyncGroup } from '../../support/syncGroupPoller';
import { MapMemento } from './mementos';
import { startEmulatorWithClient, type EmulatorWithClient } from './emulatorClient';

describe('operation tracker (real emulator, real pollers)', function () {
  this.timeout(30_000);
  let env: EmulatorWithClient;
  let databases: string[];
  let n = 0;

  before(async () => {
    env = await startEmulatorWithClient();
    databases = await freeHubDatabases(env.arm);
  });
  after(async () => {
    await env.stop();
  });

  const tracker = (store: OperationStore, owner: string, extra: Partial<TrackerOptions> = {}) =>
    new OperationTracker({
      store,
      owner,
      connect: () => ({ arm: env.arm }),
      minDelayMs: 50,
      maxDelayMs: 200,
      rescanMs: 100,
      claimSettleMs: 50,
      ...extra,
    });

  // Data Sync allows 5 groups per hub database (the emulator enforces it): spread them out.
  const hubFor = (i: number) => databases[i % databases.length];
  let hub = '';

  async function beginCreateGroup(): Promise<{ poller: ArmPoller<{ name: string }>; name: string }> {
    const name = `ops-test-${++n}`;
    hub = hubFor(n);
    const metadata = databases.find((d) => d !== hub) as string;
    const poller = await beginCreateSyncGroup(env.arm, hub, name, metadata);
    return { poller, name };
  }

  const meta = (name: string) => ({
    title: `Create sync group ${name}`,
    target: { label: `sync group ${name}`, resourceId: `${hub}/syncGroups/${name}` },
    environment: 'LocalEmulator',
  });

  it('tracks an operation from start to success, persists it and fires one end event', async () => {
    const store = new OperationStore(new MapMemento());
    const t = tracker(store, 'window-a');
    const ended: OperationRecord[] = [];
    t.onDidEnd((r) => ended.push(r));
    const { poller, name } = await beginCreateGroup();
    assert.equal(poller.latest.status, 'running', 'the PUT answered 202 and the operation is running');
    const op = await t.start(poller, meta(name));
    assert.equal(store.read().running.length, 1);
    assert.equal(store.read().running[0].poller?.kind, 'arm');
    const result = await op.result;
    assert.equal(result.name, name, 'final GET returned the created group');
    const { running, history } = store.read();
    assert.equal(running.length, 0);
    assert.equal(history[0].status, 'succeeded');
    assert.equal(history[0].percent, 100);
    assert.equal(history[0].poller, undefined, 'poller state is dropped once finished');
    assert.deepEqual(
      ended.map((r) => r.id),
      [op.id],
    );
    await t.dispose();
  });

  it('records a long-running operation that fails midway with its error code and message', async () => {
    const store = new OperationStore(new MapMemento());
    const t = tracker(store, 'window-a');
    env.emulator.control.addFaults('lro-fail*1');
    const { poller, name } = await beginCreateGroup();
    const op = await t.start(poller, meta(name));
    const err = (await op.result.then(
      () => undefined,
      (e: unknown) => e,
    )) as AzureRequestError | undefined;
    assert.ok(err, 'the result promise rejects');
    const failed = store.read().history[0];
    assert.equal(failed.status, 'failed');
    assert.ok(failed.error?.code && failed.error.code !== 'OperationFailed', `a service error code, got ${failed.error?.code}`);
    assert.ok(failed.error?.message);
    await t.dispose();
  });

  it('stops waiting on request; the operation ends as "stopped" without a failure', async () => {
    const store = new OperationStore(new MapMemento());
    const t = tracker(store, 'window-a');
    const { poller, name } = await beginCreateGroup();
    const op = await t.start(poller, meta(name));
    await t.stopWaiting(op.id);
    await op.result.catch(() => undefined);
    assert.equal(store.read().history[0].status, 'stopped');
    assert.equal(store.read().running.length, 0);
    await t.dispose();
  });

  it('resumes a running operation after a reload (dispose, then a new tracker on the same store)', async () => {
    const memento = new MapMemento();
    const first = tracker(new OperationStore(memento), 'window-before-reload');
    const { poller, name } = await beginCreateGroup();
    const op = await first.start(poller, meta(name));
    await first.dispose(); // the window reloads mid-operation
    await op.result.catch(() => undefined);
    const saved = new OperationStore(memento).read();
    assert.equal(saved.running.length, 1, 'still running in the store');
    assert.equal(new OperationStore(memento).holder(op.id), undefined, 'the closing window released its lease');
    assert.equal(saved.history.length, 0);

    const store = new OperationStore(memento);
    const second = tracker(store, 'window-after-reload');
    const ended = new Promise<OperationRecord>((resolve) => second.onDidEnd(resolve));
    assert.equal(await second.resumeAll(), 1);
    const record = await ended;
    assert.equal(record.id, op.id);
    assert.equal(record.status, 'succeeded');
    assert.equal(store.read().running.length, 0);
    await second.dispose();
  });

  it('never lets two windows poll the same operation', async () => {
    const memento = new MapMemento();
    const a = tracker(new OperationStore(memento), 'window-a');
    const b = tracker(new OperationStore(memento), 'window-b');
    const { poller, name } = await beginCreateGroup();
    const op = await a.start(poller, meta(name));
    assert.equal(await b.resumeAll(), 0, 'window b leaves it to window a');
    assert.equal(b.isPolling(op.id), false);
    await op.result;
    const history = new OperationStore(memento).read().history.filter((r) => r.id === op.id);
    assert.equal(history.length, 1, 'exactly one history entry');
    await a.dispose();
    await b.dispose();
  });

  it('rides out transient faults while polling (503 on the status URL)', async () => {
    const store = new OperationStore(new MapMemento());
    const t = tracker(store, 'window-a');
    const { poller, name } = await beginCreateGroup();
    env.emulator.control.addFaults('503*2@GET AzureAsyncOperation');
    const op = await t.start(poller, meta(name));
    await op.result;
    assert.equal(store.read().history[0].status, 'succeeded');
    assert.ok(
      env.requests.some((r) => r.status === 503),
      'the fault was observed by the client',
    );
    env.emulator.control.clearFaults();
    await t.dispose();
  });

  it('sends no request once nothing runs', async () => {
    const store = new OperationStore(new MapMemento());
    const t = tracker(store, 'window-a');
    const { poller, name } = await beginCreateGroup();
    await (
      await t.start(poller, meta(name))
    ).result;
    const before = env.requests.length;
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(env.requests.length, before);
    await t.dispose();
  });
});
