// `final-state-via: location` (Backup register and protect): the PUT's result is what the Location URL
// answers, not a GET of the original URL; a Location ending in 204 falls back to the resource. The choice
// survives the saved state.
import assert from 'node:assert/strict';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { scripted } from '../../helpers/scriptedRoutes';
import { testClient } from '../../helpers/testClients';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';
import { BackupDiscoveryClient } from '../../../../src/azure/backup/backupDiscoveryClient';
import { BackupProtectionClient } from '../../../../src/azure/backup/backupProtectionClient';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const V = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';
const C = `${V}/backupFabrics/Azure/protectionContainers/VMAppContainer%3Bcompute%3Brg%3Bvm`;
const I = `${C}/protectedItems/SQLDataBase%3Bmssqlserver%3Bdb`;
/** Protects the item I (a PUT answered as the test scripted it). */
const beginProtect = (server: HttpsTestServer) =>
  new BackupProtectionClient(testClient(server)).beginProtect(
    {
      subscriptionId: 's1',
      resourceGroup: 'rg',
      vault: 'v',
      container: 'VMAppContainer;compute;rg;vm',
      item: 'SQLDataBase;mssqlserver;db',
    },
    { properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: `${V}/backupPolicies/p` } },
  );
const registered = { name: 'VMAppContainer;compute;rg;vm', properties: { registrationStatus: 'Registered' } };

describe('ARM poller: final-state-via location', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('register: after the status succeeds, the result is the Location answer (the original URL is not read)', async () => {
    server.handle(
      scripted({
        [`PUT ${C}`]: [
          {
            status: 202,
            headers: {
              'azure-asyncoperation': `${server.origin}${C}/operationsStatus/o1?api-version=2016-12-01`,
              location: `${server.origin}${C}/operationResults/o1?api-version=2016-12-01`,
            },
          },
        ],
        [`GET ${C}/operationsStatus/o1`]: [
          { status: 200, body: { status: 'InProgress' } },
          { status: 200, body: { status: 'Succeeded' } },
        ],
        [`GET ${C}/operationResults/o1`]: [{ status: 200, body: registered }],
        [`GET ${C}`]: [{ status: 200, body: { name: 'stale', properties: { registrationStatus: 'Registering' } } }],
      }),
    );
    const ref = { subscriptionId: 's1', resourceGroup: 'rg', vault: 'v', container: 'VMAppContainer;compute;rg;vm' };
    const poller = await new BackupDiscoveryClient(testClient(server)).beginRegister(ref, {
      properties: { containerType: 'VMAppContainer' },
    });
    await poller.poll();
    const resumed = resumePoller(jsonRoundTrip(poller.toJSON()), { arm: testClient(server) });
    assert.deepEqual(await resumed.pollUntilDone(FAST), registered);
    assert.equal(server.requests.filter((r) => r.method === 'GET' && r.url.split('?')[0] === C).length, 0);
  });

  it('protect: Location 202 → 200 with the item is the result, in one request', async () => {
    const item = { name: 'SQLDataBase;mssqlserver;db', properties: { protectionState: 'Protected' } };
    server.handle(
      scripted({
        [`PUT ${I}`]: [{ status: 202, headers: { location: `${server.origin}${I}/operationResults/o2?api-version=2016-12-01` } }],
        [`GET ${I}/operationResults/o2`]: [{ status: 202 }, { status: 200, body: item }],
        [`GET ${I}`]: [{ status: 200, body: { name: 'stale', properties: { protectionState: 'IRPending' } } }],
      }),
    );
    const poller = await beginProtect(server);
    assert.deepEqual(await poller.pollUntilDone(FAST), item);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`),
      [`PUT ${I}`, `GET ${I}/operationResults/o2`, `GET ${I}/operationResults/o2`],
    );
  });

  it('a Location that ends with 204 gives the resource itself', async () => {
    server.handle(
      scripted({
        [`PUT ${I}`]: [{ status: 202, headers: { location: `${server.origin}${I}/operationResults/o3` } }],
        [`GET ${I}/operationResults/o3`]: [{ status: 204 }],
        [`GET ${I}`]: [{ status: 200, body: { name: 'db', properties: { protectionState: 'Protected' } } }],
      }),
    );
    const poller = await beginProtect(server);
    assert.deepEqual(await poller.pollUntilDone(FAST), { name: 'db', properties: { protectionState: 'Protected' } });
  });
});
