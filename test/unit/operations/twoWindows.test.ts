// Two VS Code windows share globalState, but each has its own copy and receives the other's writes only
// later. The operations center must neither lose a record to the other window's stale copy nor let
// both windows poll one operation.
import * as assert from 'node:assert/strict';
import { ArmPoller } from '../../../src/azure/lro/armPoller';
import { AzureClient, type AzureRequest, type AzureResponse } from '../../../src/azure/http/azureClient';
import type { OperationRecord } from '../../../src/operations/operationRecord';
import { LEASE_MS, OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { freeHubDatabases } from '../../support/freeHubDatabases';
import { waitFor } from '../emulator/helpers';
import { startEmulatorWithClient, type EmulatorWithClient } from './emulatorClient';
import { MapMemento, SyncedMementos } from './mementos';

/** Counts the requests one window sends. */
class CountingClient extends AzureClient {
  readonly urls: string[] = [];
  override send<T = unknown>(req: AzureRequest): Promise<AzureResponse<T>> {
    this.urls.push(req.url);
    return super.send<T>(req);
  }
}

describe('operations in two windows (asynchronously synced globalState, real emulator)', function () {
  this.timeout(30_000);
  const SYNC_MS = 40;
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

  async function begin(): Promise<{ poller: ArmPoller<unknown>; title: string }> {
    const name = `two-windows-${++n}`;
    const hub = databases[n % databases.length];
    const poller = await ArmPoller.begin(env.arm, {
      operationName: `Create sync group ${name}`,
      method: 'PUT',
      url: `${hub}/syncGroups/${name}`,
      query: { 'api-version': '2025-01-01' },
      body: {
        properties: { interval: 300, conflictResolutionPolicy: 'HubWin', syncDatabaseId: databases.find((d) => d !== hub) },
      },
    });
    return { poller, title: `Create sync group ${name}` };
  }

  function windowOf(memento: MapMemento, owner: string, client: AzureClient = env.arm) {
    const store = new OperationStore(memento);
    const tracker = new OperationTracker({
      store,
      owner,
      connect: () => ({ arm: client }),
      minDelayMs: 50,
      maxDelayMs: 200,
      rescanMs: 100,
      claimSettleMs: SYNC_MS * 4,
    });
    return { store, tracker };
  }

  const settled = (sync: SyncedMementos) => waitFor(() => sync.inFlight === 0 || undefined);
  const ids = (records: OperationRecord[]) => records.map((r) => r.id).sort();

  it('keeps the operations both windows start at the same moment', async () => {
    const sync = new SyncedMementos(2, SYNC_MS);
    const a = windowOf(sync.windows[0], 'window-a');
    const b = windowOf(sync.windows[1], 'window-b');
    const [first, second] = await Promise.all([begin(), begin()]);
    const [opA, opB] = await Promise.all([
      a.tracker.start(first.poller, { title: first.title, target: { label: first.title }, environment: 'LocalEmulator' }),
      b.tracker.start(second.poller, { title: second.title, target: { label: second.title }, environment: 'LocalEmulator' }),
    ]);
    await settled(sync);
    for (const w of [a, b]) assert.deepEqual(ids(w.store.read().running), [opA.id, opB.id].sort(), 'both running in both windows');
    await Promise.all([opA.result, opB.result]);
    await settled(sync);
    for (const w of [a, b]) {
      const { running, history } = w.store.read();
      assert.deepEqual(running, []);
      assert.deepEqual(ids(history), [opA.id, opB.id].sort(), 'both finished in both windows');
      assert.ok(history.every((r) => r.status === 'succeeded'));
    }
    await a.tracker.dispose();
    await b.tracker.dispose();
  });

  it('lets exactly one of two windows that resume at the same moment poll the operation', async () => {
    const sync = new SyncedMementos(3, SYNC_MS);
    const starter = windowOf(sync.windows[2], 'window-closed');
    const { poller, title } = await begin();
    const op = await starter.tracker.start(poller, { title, target: { label: title }, environment: 'LocalEmulator' });
    await starter.tracker.dispose(); // the window closes mid-operation, releasing its lease
    await op.result.catch(() => undefined);
    await settled(sync);

    const clientA = new CountingClient(env.arm.transport);
    const clientB = new CountingClient(env.arm.transport);
    const a = windowOf(sync.windows[0], 'window-a', clientA);
    const b = windowOf(sync.windows[1], 'window-b', clientB);
    const ended: OperationRecord[] = [];
    a.tracker.onDidEnd((r) => ended.push(r));
    b.tracker.onDidEnd((r) => ended.push(r));
    const resumed = await Promise.all([a.tracker.resumeAll(), b.tracker.resumeAll()]);
    assert.deepEqual(resumed.sort(), [0, 1], 'one window resumes it, the other leaves it');
    await waitFor(() => ended.length === 1 || undefined, 10_000);
    await settled(sync);
    const polled = [clientA, clientB].filter((c) => c.urls.length > 0);
    assert.equal(polled.length, 1, `requests from window a: ${clientA.urls.length}, from window b: ${clientB.urls.length}`);
    for (const w of [a, b]) assert.equal(w.store.get(op.id)?.status, 'succeeded');
    assert.equal(ended.length, 1, 'one end event');
    await a.tracker.dispose();
    await b.tracker.dispose();
  });

  it('applies an update to the caller’s copy when this window’s globalState does not show the record yet', async () => {
    const store = new OperationStore(new MapMemento());
    const known: OperationRecord = {
      id: 'op-1',
      title: 'Create sync group x',
      kind: 'arm',
      target: { label: 'sync group x' },
      environment: 'LocalEmulator',
      startedAt: 1,
      status: 'running',
    };
    const updated = await store.update('op-1', { percent: 40 }, known);
    assert.equal(updated?.percent, 40);
    assert.equal(store.get('op-1')?.percent, 40, 'written, not dropped');
  });

  it('stops waiting from a window that does not poll the operation: the polling window stops and records it once', async () => {
    const slow = await startEmulatorWithClient({ lroDurationMs: 10_000 });
    try {
      const hubs = await freeHubDatabases(slow.arm);
      const sync = new SyncedMementos(2, SYNC_MS);
      const polling = new OperationTracker({
        store: new OperationStore(sync.windows[0]),
        owner: 'window-a',
        connect: () => ({ arm: slow.arm }),
        minDelayMs: 50,
        maxDelayMs: 100,
        claimSettleMs: SYNC_MS * 4,
      });
      const other = windowOf(sync.windows[1], 'window-b');
      const poller = await ArmPoller.begin(slow.arm, {
        operationName: 'Create sync group stop-elsewhere',
        method: 'PUT',
        url: `${hubs[0]}/syncGroups/stop-elsewhere`,
        query: { 'api-version': '2025-01-01' },
        body: { properties: { interval: 300, conflictResolutionPolicy: 'HubWin', syncDatabaseId: hubs[1] } },
      });
      const ended: OperationRecord[] = [];
      polling.onDidEnd((r) => ended.push(r));
      other.tracker.onDidEnd((r) => ended.push(r));
      const op = await polling.start(poller, {
        title: 'Create sync group stop-elsewhere',
        target: { label: 'g' },
        environment: 'LocalEmulator',
      });
      await settled(sync);
      await other.tracker.stopWaiting(op.id);
      await op.result.catch(() => undefined);
      await settled(sync);
      assert.deepEqual(
        ended.map((r) => r.status),
        ['stopped'],
      );
      for (const store of [new OperationStore(sync.windows[0]), other.store]) assert.equal(store.get(op.id)?.status, 'stopped');
      await polling.dispose();
      await other.tracker.dispose();
    } finally {
      await slow.stop();
    }
  });

  it('hands an operation to another window once its holder stops renewing (a window that went away)', async () => {
    let now = 1_000_000;
    const store = new OperationStore(new MapMemento(), () => now);
    await store.writeLease('op', 'window-gone');
    now += 1;
    await store.writeLease('op', 'window-b');
    assert.equal(store.holder('op')?.owner, 'window-gone', 'the first claim wins while it is renewed');
    now += LEASE_MS;
    await store.writeLease('op', 'window-b');
    assert.equal(store.holder('op')?.owner, 'window-b');
    await store.release('window-b');
    assert.equal(store.holder('op'), undefined);
  });

  it('resumes an operation only in its environment and account', async () => {
    const memento = new MapMemento();
    const asked: [string, string | undefined][] = [];
    const first = new OperationTracker({
      store: new OperationStore(memento),
      owner: 'window-alice',
      connect: () => ({ arm: env.arm }),
      account: () => 'alice@contoso.com',
      minDelayMs: 50,
    });
    const { poller, title } = await begin();
    const op = await first.start(poller, { title, target: { label: title }, environment: 'AzureCloud' });
    await first.dispose();
    await op.result.catch(() => undefined);
    assert.equal(new OperationStore(memento).get(op.id)?.account, 'alice@contoso.com');

    const second = new OperationTracker({
      store: new OperationStore(memento),
      owner: 'window-bob',
      connect: (environment, account) => {
        asked.push([environment, account]);
        return account === 'bob@contoso.com' ? { arm: env.arm } : `sign in as ${account} to resume it`;
      },
      account: () => 'bob@contoso.com',
      rescanMs: 60_000,
      claimSettleMs: 10,
    });
    assert.equal(await second.resumeAll(), 0);
    assert.deepEqual(asked, [['AzureCloud', 'alice@contoso.com']]);
    assert.equal(second.list().running[0]?.waitingReason, 'sign in as alice@contoso.com to resume it');
    await second.dispose();
  });
});
