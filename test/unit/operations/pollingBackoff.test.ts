// A running operation whose status cannot be read (network down, the service failing) is tried again
// with a doubling wait, not at every rescan; once it could not be polled for the age limit it is no longer
// followed and ends as "unknown" with the last error.
import * as assert from 'node:assert/strict';
import { AzureClient, type AzureRequest, type AzureResponse } from '../../../src/azure/http/azureClient';
import type { ArmLroState, LroPoller, LroSnapshot } from '../../../src/azure/lro/lroTypes';
import { detailsText, type OperationRecord } from '../../../src/operations/operationRecord';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { createAzurePipeline } from '../../../src/azure/http/pipeline';
import { customCloud } from '../../../src/azure/clouds';
import { RecordingCredential } from '../helpers/fakeCredential';
import { waitFor } from '../emulator/helpers';
import { MapMemento } from './mementos';

/** A client whose every request fails as a network error would, remembering when it was asked. */
class UnreachableClient extends AzureClient {
  readonly at: number[] = [];
  override send<T = unknown>(_req: AzureRequest): Promise<AzureResponse<T>> {
    this.at.push(Date.now());
    return Promise.reject(new Error('connect ECONNREFUSED 10.0.0.1:443'));
  }
}

function armState(): ArmLroState {
  return {
    version: 1,
    kind: 'arm',
    operationName: 'Create sync group unreachable',
    method: 'PUT',
    resourceUrl: 'https://management.example/subscriptions/s/resourceGroups/g/providers/Microsoft.Sql/servers/v/databases/d/syncGroups/u',
    asyncOperationUrl: 'https://management.example/operations/1',
    startedAt: Date.now(),
    snapshot: { status: 'running', elapsedMs: 0 },
    phase: 'polling',
    via: 'azure-asyncoperation',
  };
}

/** The poller a begin… call returned: its first poll fails like the later ones. */
function unreachablePoller(client: UnreachableClient): LroPoller<unknown> {
  const state = armState();
  const snapshot: LroSnapshot = state.snapshot;
  return {
    kind: 'arm',
    operationName: state.operationName,
    latest: snapshot,
    result: undefined,
    isDone: () => false,
    poll: () => Promise.resolve(snapshot),
    pollUntilDone: () => client.send({ operationName: 'status', method: 'GET', url: state.asyncOperationUrl! }),
    toJSON: () => state,
  };
}

describe('polling failures back off and give up', () => {
  it('doubles the wait between tries up to the cap, then stops following the operation as "unknown" with the last error', async () => {
    const client = new UnreachableClient(
      createAzurePipeline({
        cloud: customCloud({ name: 'unreachable', armEndpoint: 'https://management.example', authorityHost: 'https://login.example' }),
        credential: new RecordingCredential(),
        audience: 'arm',
      }),
    );
    const store = new OperationStore(new MapMemento());
    const base = 40;
    const cap = 160;
    const tracker = new OperationTracker({
      store,
      owner: 'w',
      connect: () => ({ arm: client }),
      rescanMs: 5,
      claimSettleMs: 1,
      retryBaseMs: base,
      retryMaxMs: cap,
      giveUpAfterMs: 900,
    });
    const ended = new Promise<OperationRecord>((resolve) => tracker.onDidEnd(resolve));
    await tracker.start(unreachablePoller(client), {
      title: 'Create sync group unreachable',
      target: { label: 'sync group unreachable' },
      environment: 'LocalEmulator',
    });
    await waitFor(() => (client.at.length >= 3 ? true : undefined), 5_000);
    const waiting = store.read().running[0];
    assert.match(waiting.waitingReason ?? '', /^polling failed: connect ECONNREFUSED .* \(trying again in /);
    const record = await ended;
    const triesAfterEnd = client.at.length;
    await tracker.dispose();

    assert.equal(record.status, 'unknown');
    assert.equal(record.error?.message, 'connect ECONNREFUSED 10.0.0.1:443', 'the last error');
    assert.match(detailsText(record), /^Status: Unknown — stopped following/m);
    const gaps = client.at.slice(1).map((t, i) => t - client.at[i]);
    gaps.forEach((gap, i) => {
      const wait = Math.min(cap, base * 2 ** i);
      assert.ok(gap >= wait - 2, `try ${i + 2} came ${gap} ms after the one before, sooner than the ${wait} ms back-off`);
    });
    assert.ok(client.at.length <= 9, `${client.at.length} tries in 900 ms (a try every rescan would be ~100)`);
    assert.equal(client.at.length, triesAfterEnd, 'no try once it ended');
    assert.equal(store.read().running.length, 0);
  });

  it('logs a failure to save progress instead of leaving an unhandled rejection', async () => {
    const memento = new MapMemento();
    let failing = false;
    const write = memento.update.bind(memento);
    memento.update = (key, value) => (failing ? Promise.reject(new Error('globalState is read-only now')) : write(key, value));
    const logged: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const snapshot: LroSnapshot = { status: 'running', elapsedMs: 0, percent: 10 };
      const poller: LroPoller<string> = {
        kind: 'arm',
        operationName: 'Refresh schema',
        latest: snapshot,
        result: undefined,
        isDone: () => false,
        poll: () => Promise.resolve(snapshot),
        pollUntilDone: (options) =>
          new Promise<string>((resolve) => {
            setTimeout(() => options?.onProgress?.(snapshot), 5);
            setTimeout(() => resolve('done'), 20);
          }),
        toJSON: () => armState(),
      };
      const tracker = new OperationTracker({
        store: new OperationStore(memento),
        owner: 'w',
        connect: () => ({}),
        log: (m) => logged.push(m),
        rescanMs: 60_000,
      });
      const op = await tracker.start(poller, { title: 'Refresh schema', target: { label: 'db' }, environment: 'LocalEmulator' });
      failing = true;
      await op.result.catch(() => undefined);
      await waitFor(() => logged.find((m) => m.includes('could not save the progress of')));
      await new Promise((resolve) => setImmediate(resolve));
      failing = false;
      await tracker.dispose();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    assert.deepEqual(unhandled, []);
  });
});
