// Error messages kept in operation records (persisted in globalState, shown in notifications and details)
// are redacted like the request log: SAS signatures and other secret query parameters, bearer tokens,
// passwords quoted in messages.
import * as assert from 'node:assert/strict';
import type { SerializedAzureError } from '../../../src/azure/http/azureError';
import type { LroPoller, LroSnapshot, PollUntilDoneOptions } from '../../../src/azure/lro/lroTypes';
import { AzureRequestError } from '../../../src/azure/http/azureError';
import { detailsText, type OperationRecord } from '../../../src/operations/operationRecord';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { MapMemento } from './mementos';

const SIG = 'SENTINELsig0123456789';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZW50aW5lbCJ9.SENTINELjwt';
const PASSWORD = 'SENTINEL-Pa55word';
const SECRETS = [SIG, TOKEN, PASSWORD];

const leakyMessage =
  `Could not read https://backup.blob.core.windows.net/c/db.bak?sv=2022-11-02&sp=r&sig=${SIG} ` +
  `(Authorization: Bearer ${TOKEN}); request body {"hubDatabasePassword": "${PASSWORD}"}`;

function leakyError(): SerializedAzureError {
  return new AzureRequestError({
    status: 0,
    operationStatus: 'Failed',
    code: 'BackupReadFailed',
    message: leakyMessage,
    details: [{ code: 'Inner', message: `password=${PASSWORD}` }],
    operation: { name: 'Import', method: 'GET', url: `https://management.example/op?sig=${SIG}` },
  }).toJSON();
}

/** A poller that fails (its operation failed) or whose polling throws, without a service. */
function fakePoller(outcome: 'failed' | 'pollingThrows'): LroPoller<unknown> {
  const snapshot: LroSnapshot =
    outcome === 'failed'
      ? { status: 'failed', elapsedMs: 10, serviceStatus: 'Failed', error: leakyError() }
      : { status: 'running', elapsedMs: 10 };
  const state = {
    version: 1 as const,
    kind: 'arm' as const,
    operationName: 'Import',
    startedAt: Date.now() - 10,
    snapshot,
    method: 'PUT',
    resourceUrl: 'https://management.example/r',
    phase: 'polling' as const,
    via: 'resource' as const,
  };
  return {
    kind: 'arm',
    operationName: 'Import',
    get latest() {
      return snapshot;
    },
    result: undefined,
    isDone: () => outcome === 'failed',
    poll: () => Promise.resolve(snapshot),
    pollUntilDone: (_options?: PollUntilDoneOptions) =>
      Promise.reject(outcome === 'failed' ? AzureRequestError.fromJSON(leakyError()) : new Error(leakyMessage)),
    toJSON: () => state,
  };
}

describe('operation records are redacted', () => {
  const assertClean = (text: string, where: string) => {
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} contains ${secret}`);
  };

  it('keeps a failed operation’s error message without SAS signatures, tokens or passwords', async () => {
    const memento = new MapMemento();
    const tracker = new OperationTracker({ store: new OperationStore(memento), owner: 'w', connect: () => ({}) });
    const ended = new Promise<OperationRecord>((resolve) => tracker.onDidEnd(resolve));
    const op = await tracker.start(fakePoller('failed'), { title: 'Import', target: { label: 'db' }, environment: 'LocalEmulator' });
    await op.result.catch(() => undefined);
    const record = await ended;
    await tracker.dispose();
    assert.equal(record.status, 'failed');
    assert.match(record.error?.message ?? '', /sig=<redacted>/);
    assert.match(record.error?.message ?? '', /Bearer <redacted>/);
    assert.match(record.error?.message ?? '', /"hubDatabasePassword": "<redacted>"/);
    assertClean(JSON.stringify(record), 'the ended record');
    assertClean(JSON.stringify([...memento.map.values()]), 'globalState');
    assertClean(detailsText(record), 'the details');
  });

  it('keeps the reason polling failed without secrets', async () => {
    const memento = new MapMemento();
    const tracker = new OperationTracker({ store: new OperationStore(memento), owner: 'w', connect: () => ({}), rescanMs: 60_000 });
    const op = await tracker.start(fakePoller('pollingThrows'), { title: 'Import', target: { label: 'db' }, environment: 'LocalEmulator' });
    await op.result.catch(() => undefined);
    const record = new OperationStore(memento).get(op.id);
    await tracker.dispose();
    assert.match(record?.waitingReason ?? '', /^polling failed: .*sig=<redacted>/);
    assertClean(JSON.stringify([...memento.map.values()]), 'globalState');
  });
});
