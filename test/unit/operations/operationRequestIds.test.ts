// The operation tracker against the real emulator: every finished operation, succeeded or failed, keeps
// the request ids of the request that started it and of its final status check, and its details show
// them; a failed one shows the operation's own error (emulator lro-fail), not the status check's "HTTP 200".
import * as assert from 'node:assert/strict';
import { AzureRequestError } from '../../../src/azure/http/azureError';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { detailsText, type OperationRecord } from '../../../src/operations/operationRecord';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { freeHubDatabases } from '../../support/freeHubDatabases';
import { MapMemento } from './mementos';
import { startEmulatorWithClient, type EmulatorWithClient } from './emulatorClient';

describe('operation request ids and errors (real emulator, operation tracker)', function () {
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
  afterEach(() => env.emulator.control.clearFaults());

  /** Creates a sync group through the tracker and returns its history record once it ended. */
  async function trackedCreate(): Promise<{ record: OperationRecord; outcome: unknown }> {
    const name = `ids-test-${++n}`;
    const hub = databases[n % databases.length];
    const [, subscriptionId, resourceGroup, server, database] =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Sql\/servers\/([^/]+)\/databases\/([^/]+)$/i.exec(hub)!;
    const poller = await new SyncGroupsClient(env.arm).beginCreateOrUpdate(
      { subscriptionId, resourceGroup, server, database, syncGroup: name },
      {
        properties: {
          interval: 300,
          conflictResolutionPolicy: 'HubWin',
          syncDatabaseId: databases.find((d) => d !== hub),
          hubDatabaseUserName: 'hubadmin',
          hubDatabasePassword: 'S3cret!pass',
        },
      },
    );
    const store = new OperationStore(new MapMemento());
    const tracker = new OperationTracker({ store, owner: 'w', connect: () => ({ arm: env.arm }), minDelayMs: 50, maxDelayMs: 200 });
    const op = await tracker.start(poller, {
      title: `Create sync group ${name}`,
      target: { label: `sync group ${name}` },
      environment: 'LocalEmulator',
    });
    const outcome = await op.result.then(
      () => 'succeeded',
      (e: unknown) => e,
    );
    await tracker.dispose();
    return { record: store.read().history.find((r) => r.id === op.id)!, outcome };
  }

  /** The request ids the client saw for requests whose URL matches. */
  const idsSeen = (pattern: RegExp) => env.requests.filter((r) => pattern.test(r.url)).map((r) => r.requestId);

  it('a succeeded operation keeps and shows the ids of its PUT and of its final status check', async () => {
    env.requests.length = 0;
    const { record, outcome } = await trackedCreate();
    assert.equal(outcome, 'succeeded');
    assert.equal(record.status, 'succeeded');
    const start = record.initialRequest;
    assert.equal(start?.method, 'PUT');
    assert.equal(start?.status, 202);
    assert.ok(start?.requestId && idsSeen(/\/syncGroups\/ids-test-1\?/).includes(start.requestId), 'the PUT’s request id');
    assert.ok(start.clientRequestId);
    const last = record.lastPoll;
    assert.equal(last?.method, 'GET');
    assert.equal(last?.status, 200);
    assert.equal(last?.requestId, env.requests.at(-1)?.requestId, 'the last request of the operation');
    const text = detailsText(record);
    assert.match(text, /^Requests \(ids for support\):$/m);
    assert.match(text, new RegExp(`^  Start: PUT \\S+/syncGroups/ids-test-1\\S* → HTTP 202 · request id ${start.requestId} · `, 'm'));
    assert.match(text, new RegExp(`^  Final status check: GET \\S+ → HTTP 200 · request id ${last.requestId} · `, 'm'));
  });

  it('a failed operation (lro-fail) shows its own code and message and the status check’s request id, not HTTP 200', async () => {
    env.emulator.control.addFaults('lro-fail*1');
    env.requests.length = 0;
    const { record, outcome } = await trackedCreate();
    assert.ok(outcome instanceof AzureRequestError, 'the result rejects with the operation’s error');
    assert.equal(record.status, 'failed');
    const e = record.error;
    assert.equal(e?.code, 'OperationTimedOut');
    assert.equal(e.message, 'The operation timed out and automatically rolled back. Please retry the operation.');
    assert.equal(e.status, 0);
    assert.equal(e.operationStatus, 'Failed');
    assert.ok(e.requestId, 'a request id');
    assert.equal(e.requestId, record.lastPoll?.requestId, 'the id of the status check that reported the failure');
    assert.equal(e.requestId, env.requests.at(-1)?.requestId);
    assert.equal(outcome.requestId, e.requestId);
    assert.equal(outcome.status, 0);
    assert.ok(record.initialRequest?.requestId, 'the PUT’s id too');
    const text = detailsText(record);
    assert.match(text, /^Error code: OperationTimedOut$/m);
    assert.match(text, /^Reported by the operation's status: Failed$/m);
    assert.doesNotMatch(text, /HTTP status/);
    assert.match(text, new RegExp(`^Request id: ${e.requestId}$`, 'm'));
    assert.doesNotMatch(outcome.toDetailsText(), /^Status: 200$/m);
  });
});
