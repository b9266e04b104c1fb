// Every long-running operation remembers the ids of the request that started it and of its latest
// status check, whatever the response shape; a failed operation reports its own error (code, message,
// the status check's request id), never "HTTP 200".
import assert from 'node:assert/strict';
import { rejection } from '../../helpers/azureRejection';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
import { BackupPoller } from '../../../../src/azure/lro/backupPoller';
import { FabricPoller } from '../../../../src/azure/lro/fabricPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';
const rid = (id: string) => ({ 'x-ms-request-id': id, 'x-ms-correlation-request-id': `corr-${id}` });

describe('long-running operations: request ids and the operation’s own error', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('202 + Location only, succeeded: ids of the PUT and of the final status check (the resource GET)', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 202, headers: { location: `${server.origin}/loc/1?api-version=2022-11-01-preview`, ...rid('put') } }],
        'GET /loc/1': [
          { status: 202, headers: rid('poll-1') },
          { status: 204, headers: rid('poll-2') },
        ],
        [`GET ${G}`]: [{ status: 200, body: { id: G, name: 'sg' }, headers: rid('final') }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    const start = poller.latest.initialRequest;
    assert.equal(start?.method, 'PUT');
    assert.equal(start?.status, 202);
    assert.equal(start?.requestId, 'put');
    assert.equal(start?.correlationId, 'corr-put');
    assert.ok(start?.clientRequestId, 'our own request id');
    assert.equal(start?.url, `${server.origin}${G}`);
    await poller.pollUntilDone(FAST);
    const last = poller.latest.lastPoll;
    assert.deepEqual([last?.method, last?.status, last?.requestId, last?.url], ['GET', 200, 'final', `${server.origin}${G}`]);
    assert.equal(poller.latest.initialRequest?.requestId, 'put', 'the start is kept');
  });

  it('Azure-AsyncOperation failed: the body’s code and message, the status URL’s request id, no HTTP status', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [
          {
            status: 201,
            headers: { 'azure-asyncoperation': `${server.origin}/aop/2`, location: `${server.origin}/loc/2`, ...rid('put') },
          },
        ],
        'GET /aop/2': [
          {
            status: 200,
            headers: rid('status-check'),
            body: { status: 'Failed', error: { code: 'OperationTimedOut', message: 'The operation timed out and rolled back.' } },
          },
        ],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    const err = await rejection(poller.pollUntilDone(FAST));
    assert.equal(err.code, 'OperationTimedOut');
    assert.equal(err.message, 'The operation timed out and rolled back.');
    assert.equal(err.requestId, 'status-check');
    assert.equal(err.correlationId, 'corr-status-check');
    assert.equal(err.status, 0, 'no HTTP status: every call succeeded');
    assert.equal(err.operationStatus, 'Failed');
    const details = err.toDetailsText();
    assert.match(details, /^Operation status: Failed$/m);
    assert.doesNotMatch(details, /Status: 200|HTTP 200/);
    assert.match(details, new RegExp(`^Status check: GET ${server.origin}/aop/2$`, 'm'));
    assert.deepEqual([poller.latest.lastPoll?.requestId, poller.latest.lastPoll?.status], ['status-check', 200]);
    assert.equal(poller.latest.initialRequest?.requestId, 'put');
  });

  it('202 + Location only, failed (500 with the operation’s error, after the pipeline’s retries): the operation failed', async () => {
    const failedBody = { error: { code: 'OperationTimedOut', message: 'The operation timed out and rolled back.' } };
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 202, headers: { location: `${server.origin}/loc/3`, ...rid('put') } }],
        'GET /loc/3': [{ status: 202 }, { status: 500, body: failedBody, headers: rid('loc-failed') }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    const err = await rejection(poller.pollUntilDone(FAST));
    assert.deepEqual(
      [err.code, err.message, err.requestId, err.status, err.operationStatus],
      ['OperationTimedOut', 'The operation timed out and rolled back.', 'loc-failed', 0, 'Failed'],
    );
    assert.equal(poller.latest.status, 'failed');
    assert.deepEqual([poller.latest.lastPoll?.status, poller.latest.lastPoll?.requestId], [500, 'loc-failed']);
  });

  it('a Location answering a gateway 502 without a service error is not the operation’s failure (polling can resume)', async () => {
    server.handle(
      scripted({
        [`PUT ${G}`]: [{ status: 202, headers: { location: `${server.origin}/loc/4` } }],
        'GET /loc/4': [{ status: 502 }],
      }),
    );
    const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
    const err = await rejection(poller.pollUntilDone(FAST));
    assert.equal(err.status, 502);
    assert.equal(poller.latest.status, 'running', 'the operation’s fate is unknown');
  });

  it('the ids survive a reload (poller state → resumePoller)', async () => {
    server.handle(
      scripted({
        [`DELETE ${G}`]: [{ status: 202, headers: { location: `${server.origin}/loc/5`, ...rid('delete') } }],
        'GET /loc/5': [
          { status: 202, headers: rid('poll-a') },
          { status: 204, headers: rid('poll-b') },
        ],
      }),
    );
    const client = testClient(server);
    const first = await ArmPoller.begin(client, { operationName: 'Delete sync group', method: 'DELETE', url: G });
    await first.poll();
    assert.equal(first.latest.lastPoll?.requestId, 'poll-a');
    const resumed = resumePoller(first.toJSON(), { arm: client });
    await resumed.pollUntilDone(FAST);
    assert.deepEqual([resumed.latest.initialRequest?.requestId, resumed.latest.lastPoll?.requestId], ['delete', 'poll-b']);
  });

  it('Fabric and Backup operations record the same two requests', async () => {
    server.handle(
      scripted({
        'POST /v1/workspaces/w/mirroredDatabases/m/startMirroring': [
          {
            status: 202,
            headers: { location: `${server.origin}/v1/operations/op1`, 'x-ms-operation-id': 'op1', requestid: 'fabric-start' },
          },
        ],
        'GET /v1/operations/op1': [{ status: 200, body: { status: 'Succeeded' }, headers: { requestid: 'fabric-status' } }],
        'POST /vault/backup': [{ status: 202, headers: { 'azure-asyncoperation': `${server.origin}/vault/status/b1`, ...rid('bk') } }],
        'GET /vault/status/b1': [
          { status: 200, body: { status: 'Failed', error: { code: 'UserErrorX', message: 'nope' } }, headers: rid('bk-s') },
        ],
      }),
    );
    const fabric = await FabricPoller.begin(
      testClient(server, { audience: 'fabric' }),
      { operationName: 'Start mirroring', method: 'POST', url: '/workspaces/w/mirroredDatabases/m/startMirroring' },
      { expectResult: false },
    );
    await fabric.pollUntilDone(FAST);
    assert.deepEqual([fabric.latest.initialRequest?.requestId, fabric.latest.lastPoll?.requestId], ['fabric-start', 'fabric-status']);
    const backup = await BackupPoller.begin(testClient(server), { operationName: 'Back up now', method: 'POST', url: '/vault/backup' });
    const err = await rejection(backup.pollUntilDone(FAST));
    assert.deepEqual([err.code, err.requestId, err.status, err.operationStatus], ['UserErrorX', 'bk-s', 0, 'Failed']);
    assert.deepEqual([backup.latest.initialRequest?.method, backup.latest.initialRequest?.requestId], ['POST', 'bk']);
  });
});
