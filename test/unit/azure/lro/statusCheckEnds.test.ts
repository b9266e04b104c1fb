// A status URL that answers 4xx, or a status document whose status word is missing or unknown, ends the
// operation as failed (showing the answer) after that one check: it never keeps the operation polling forever.
import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted, type Script } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';
import { BackupPoller } from '../../../../src/azure/lro/backupPoller';
import { FabricPoller } from '../../../../src/azure/lro/fabricPoller';
import { AzureRequestError } from '../../../../src/azure/http/azureError';
import type { LroPoller } from '../../../../src/azure/lro/lroTypes';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const G = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';
const I = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectedItems/x';
const W = '/v1/workspaces/w1/mirroredDatabases/m1';

describe('LRO status checks that cannot go on', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  /** One poll ends it; pollUntilDone then rejects with the recorded failure without another request. */
  async function endsAfterOneCheck(poller: LroPoller, statusPath: string): Promise<AzureRequestError> {
    const snapshot = await poller.poll();
    assert.equal(snapshot.status, 'failed');
    const error = await poller.pollUntilDone(FAST).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AzureRequestError);
    assert.equal(server.requests.filter((r) => r.url.split('?')[0] === statusPath).length, 1, 'one status check, no more');
    return error;
  }

  function armCreate(script: Script): Promise<ArmPoller> {
    server.handle(scripted({ [`PUT ${G}`]: [{ status: 201, headers: { 'azure-asyncoperation': `${server.origin}/aop/1` } }], ...script }));
    return ArmPoller.begin(testClient(server), { operationName: 'Create sync group', method: 'PUT', url: G });
  }

  it('ARM: a 404 from the Azure-AsyncOperation URL fails with its code, message and request id', async () => {
    const poller = await armCreate({
      'GET /aop/1': [
        {
          status: 404,
          body: { error: { code: 'OperationIdNotFound', message: "The operation with Id 'x' does not exist." } },
          headers: { 'x-ms-request-id': 'rid-404' },
        },
      ],
    });
    const e = await endsAfterOneCheck(poller, '/aop/1');
    assert.equal(e.code, 'OperationIdNotFound');
    assert.match(e.message, /does not exist/);
    assert.equal(e.requestId, 'rid-404');
    assert.equal(e.operationStatus, 'Failed');
  });

  it('ARM: an unknown status word fails and shows the answer', async () => {
    const poller = await armCreate({ 'GET /aop/1': [{ status: 200, body: { status: 'Frobnicating', id: 'op-1' } }] });
    const e = await endsAfterOneCheck(poller, '/aop/1');
    assert.equal(e.code, 'UnrecognizedOperationStatus');
    assert.equal(e.operationStatus, 'Frobnicating');
    assert.match(e.message, /"Frobnicating"/);
    assert.match(e.message, /"id":"op-1"/, 'the body is shown');
  });

  it('ARM: a status document without a status word fails', async () => {
    const poller = await armCreate({ 'GET /aop/1': [{ status: 200, body: { id: 'op-1' } }] });
    const e = await endsAfterOneCheck(poller, '/aop/1');
    assert.equal(e.code, 'UnrecognizedOperationStatus');
    assert.match(e.message, /no status/);
  });

  it('Backup: operationsStatus answering 400, or the status "Invalid", fails', async () => {
    const start = (statusAnswer: Script[string]) => {
      server.handle(
        scripted({
          [`POST ${I}/backup`]: [
            { status: 202, headers: { 'azure-asyncoperation': `${server.origin}/st/1`, location: `${server.origin}/res/1` } },
          ],
          'GET /st/1': statusAnswer,
          'GET /res/1': [{ status: 204 }],
        }),
      );
      return BackupPoller.begin(testClient(server), { operationName: 'Back up now', method: 'POST', url: `${I}/backup` });
    };
    let e = await endsAfterOneCheck(
      await start([{ status: 400, body: { error: { code: 'BMSUserErrorInvalidInput', message: 'bad op id' } } }]),
      '/st/1',
    );
    assert.equal(e.code, 'BMSUserErrorInvalidInput');
    e = await endsAfterOneCheck(await start([{ status: 200, body: { status: 'Invalid' } }]), '/st/1');
    assert.equal(e.code, 'UnrecognizedOperationStatus');
    assert.equal(server.requests.filter((r) => r.url === '/res/1').length, 0);
  });

  it('Fabric: /operations/{id} answering 404 or a missing status fails; so does a 404 from /result', async () => {
    const start = (script: Script) => {
      server.handle(scripted({ [`POST ${W}/getDefinition`]: [{ status: 202, headers: { 'x-ms-operation-id': 'op9' } }], ...script }));
      return FabricPoller.begin(
        testClient(server, { audience: 'fabric' }),
        { operationName: 'Get definition', method: 'POST', url: '/workspaces/w1/mirroredDatabases/m1/getDefinition' },
        { expectResult: true },
      );
    };
    let e = await endsAfterOneCheck(
      await start({ 'GET /v1/operations/op9': [{ status: 404, body: { errorCode: 'EntityNotFound', message: 'no such operation' } }] }),
      '/v1/operations/op9',
    );
    assert.equal(e.code, 'EntityNotFound');
    e = await endsAfterOneCheck(await start({ 'GET /v1/operations/op9': [{ status: 200, body: {} }] }), '/v1/operations/op9');
    assert.equal(e.code, 'UnrecognizedOperationStatus');
    e = await endsAfterOneCheck(
      await start({
        'GET /v1/operations/op9': [{ status: 200, body: { status: 'Succeeded' } }],
        'GET /v1/operations/op9/result': [{ status: 404, body: { errorCode: 'OperationResultNotFound', message: 'expired' } }],
      }),
      '/v1/operations/op9/result',
    );
    assert.equal(e.code, 'OperationResultNotFound');
  });
});
