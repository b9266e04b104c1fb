// The typed service clients against the local HTTPS server, answering with the saved spec examples:
// right method, path (encoded), api-version and query; parsed results equal the example bodies.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../helpers/httpsTestServer';
import { scripted } from '../helpers/scriptedRoutes';
import { testClient } from '../helpers/testClients';
import { exampleFiles } from '../helpers/specExamples';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../src/azure/sql/syncMembersClient';
import { SyncAgentsClient } from '../../../src/azure/sql/syncAgentsClient';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import { isSystemDatabase } from '../../../src/azure/sql/serverModels';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import { BackupProtectionClient } from '../../../src/azure/backup/backupProtectionClient';
import { BackupDiscoveryClient } from '../../../src/azure/backup/backupDiscoveryClient';
import { BackupVaultsClient } from '../../../src/azure/backup/vaultsClient';
import { MirroredDatabasesClient } from '../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../src/azure/fabric/workspacesClient';
import { DEFINITION_RESPONSE, decodePart, jsonPart, type MirroredDatabaseDefinition } from '../../../src/azure/fabric/fabricModels';
import type { SyncGroupInput } from '../../../src/azure/sql/syncModels';
import { deserialize } from '../../../src/azure/models/modelSchema';

interface SpecExample {
  parameters: Record<string, unknown>;
  responses: Record<string, { body?: unknown; headers?: Record<string, string | number> }>;
}
function example(name: string): SpecExample {
  const file = exampleFiles().find((f) => path.basename(f) === name);
  assert.ok(file, name);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SpecExample;
}
const body = (name: string, status = '200'): unknown => example(name).responses[status].body;

const G = { subscriptionId: 's1', resourceGroup: 'rg', server: 'srv', database: 'db', syncGroup: 'sg' };
const GP = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg';

describe('service clients', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('sync groups: list, get, logs (query), trigger/cancel (POST), sync database ids', async () => {
    server.handle(
      scripted({
        [`GET ${GP.replace('/sg', '')}`]: [{ status: 200, body: body('SyncGroupListByDatabase.json') }],
        [`GET ${GP}`]: [{ status: 200, body: body('SyncGroupGet.json') }],
        [`GET ${GP}/logs`]: [{ status: 200, body: body('SyncGroupGetLog.json') }],
        [`POST ${GP}/triggerSync`]: [{ status: 200 }],
        [`POST ${GP}/cancelSync`]: [{ status: 200 }],
        'GET /subscriptions/s1/providers/Microsoft.Sql/locations/West%20US/syncDatabaseIds': [
          { status: 200, body: body('SyncGroupGetSyncDatabaseId.json') },
        ],
      }),
    );
    const client = new SyncGroupsClient(testClient(server));
    assert.deepEqual(await client.list(G).toArray(), (body('SyncGroupListByDatabase.json') as { value: unknown[] }).value);
    assert.deepEqual(await client.get(G), body('SyncGroupGet.json'));
    const logs = await client.listLogs(G, { startTime: '2017-01-01T00:00:00', endTime: '2017-12-31T00:00:00', type: 'All' }).toArray();
    assert.deepEqual(logs, (body('SyncGroupGetLog.json') as { value: unknown[] }).value);
    await client.triggerSync(G);
    await client.cancelSync(G);
    assert.equal((await client.listSyncDatabaseIds('s1', 'West US').toArray()).length, 1);
    const urls = server.requests.map((r) => `${r.method} ${r.url}`);
    assert.ok(
      urls.every((u) => u.includes('api-version=2025-01-01')),
      urls.join('\n'),
    );
    assert.ok(
      urls.includes(`GET ${GP}/logs?startTime=2017-01-01T00%3A00%3A00&endTime=2017-12-31T00%3A00%3A00&type=All&api-version=2025-01-01`),
      urls.join('\n'),
    );
    assert.ok(
      urls.includes(`POST ${GP}/triggerSync?api-version=2025-01-01`) && urls.includes(`POST ${GP}/cancelSync?api-version=2025-01-01`),
    );
  });

  it('sync group create (LRO, Data Sync Location) returns a poller whose result is the group; the password is sent but never logged', async () => {
    const created = body('SyncGroupCreate.json');
    server.handle(
      scripted({
        [`PUT ${GP}`]: [
          {
            status: 202,
            headers: {
              location: `${server.origin}/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/locations/westus/operation/op1?api-version=2022-11-01-preview`,
            },
          },
        ],
        'GET /subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/locations/westus/operation/op1': [
          { status: 202 },
          { status: 200 },
        ],
        [`GET ${GP}`]: [{ status: 200, body: created }],
      }),
    );
    const logged: string[] = [];
    const client = new SyncGroupsClient(testClient(server, { logger: { log: (e) => logged.push(JSON.stringify(e)) } }));
    const poller = await client.beginCreateOrUpdate(G, {
      properties: {
        interval: 300,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: '/subscriptions/s1/…',
        hubDatabaseUserName: 'hubUser',
        hubDatabasePassword: 'Pa55w0rd!',
      },
    });
    assert.equal(poller.latest.status, 'running');
    assert.deepEqual(await poller.pollUntilDone({ minDelayMs: 5 }), created);
    assert.equal((JSON.parse(server.requests[0].body) as SyncGroupInput).properties.hubDatabasePassword, 'Pa55w0rd!');
    assert.ok(!logged.join('').includes('Pa55w0rd!'));
    const state = JSON.stringify(poller.toJSON());
    assert.ok(!state.includes('Pa55w0rd!'), 'the request body is not part of the persisted state');
  });

  it('sync members, agents (generateKey, linked databases), servers and databases (master flagged)', async () => {
    const S = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv';
    server.handle(
      scripted({
        [`GET ${GP}/syncMembers`]: [{ status: 200, body: body('SyncMemberListBySyncGroup.json') }],
        [`POST ${GP}/syncMembers/m1/refreshSchema`]: [{ status: 200 }],
        [`POST ${S}/syncAgents/a1/generateKey`]: [{ status: 200, body: body('SyncAgentGenerateKey.json') }],
        [`GET ${S}/syncAgents/a1/linkedDatabases`]: [{ status: 200, body: body('SyncAgentGetLinkedDatabases.json') }],
        'GET /subscriptions/s1/providers/Microsoft.Sql/servers': [{ status: 200, body: body('ServerList.json') }],
        [`GET ${S}/databases`]: [
          {
            status: 200,
            body: {
              value: [...(body('ListVCoreDatabasesByServer.json') as { value: unknown[] }).value, { name: 'master', kind: 'v12.0,system' }],
            },
          },
        ],
      }),
    );
    const arm = testClient(server);
    assert.equal(
      (await new SyncMembersClient(arm).list(G).toArray()).length,
      (body('SyncMemberListBySyncGroup.json') as { value: unknown[] }).value.length,
    );
    const refresh = await new SyncMembersClient(arm).beginRefreshSchema({ ...G, syncMember: 'm1' });
    assert.ok(refresh.isDone(), '200 is synchronous completion');
    const agents = new SyncAgentsClient(arm);
    assert.deepEqual(
      await agents.generateKey({ subscriptionId: 's1', resourceGroup: 'rg', server: 'srv', syncAgent: 'a1' }),
      body('SyncAgentGenerateKey.json'),
    );
    assert.equal(
      (await agents.listLinkedDatabases({ subscriptionId: 's1', resourceGroup: 'rg', server: 'srv', syncAgent: 'a1' }).toArray()).length,
      1,
    );
    const servers = new SqlServersClient(arm);
    assert.deepEqual(await servers.listServers('s1').toArray(), (body('ServerList.json') as { value: unknown[] }).value);
    const dbs = await servers.listDatabases({ subscriptionId: 's1', resourceGroup: 'rg', server: 'srv' }).toArray();
    assert.deepEqual(
      dbs.filter((d) => !isSystemDatabase(d)).map((d) => d.name),
      ['testdb'],
    );
  });

  it('hostile names are refused before any request is sent', async () => {
    server.handle((_req, res) => sendJson(res, 200, {}));
    const client = new SyncGroupsClient(testClient(server));
    await assert.rejects(client.get({ ...G, syncGroup: '../../other' }), /Sync group name cannot contain "\/"/);
    await assert.rejects(client.beginDelete({ ...G, server: 'srv?x=1' }), /Server name cannot contain "\?"/);
    assert.throws(() => client.list({ ...G, database: '  ' }), /Database name cannot be only whitespace/);
    assert.equal(server.requests.length, 0);
  });

  it('subscriptions list (2022-12-01)', async () => {
    server.handle(
      scripted({ 'GET /subscriptions': [{ status: 200, body: { ...(body('GetSubscriptions.json') as object), nextLink: undefined } }] }),
    );
    const subs = await new SubscriptionsClient(testClient(server)).list().toArray();
    assert.deepEqual(subs, (body('GetSubscriptions.json') as { value: unknown[] }).value);
    assert.equal(server.requests[0].url, '/subscriptions?api-version=2022-12-01');
  });

  it('backup: names with ";" are encoded; backup now follows the documented 202 headers to the job id', async () => {
    const ref = {
      subscriptionId: 's1',
      resourceGroup: 'rg',
      vault: 'v',
      container: 'VMAppContainer;compute;rg;vm',
      item: 'SQLDataBase;mssqlserver;db',
    };
    const I =
      '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/VMAppContainer%3Bcompute%3Brg%3Bvm/protectedItems/SQLDataBase%3Bmssqlserver%3Bdb';
    const headers = example('TriggerBackup_Post.json').responses['202'].headers as Record<string, string | number>;
    const local = (u: string | number): string => String(u).replace('https://management.azure.com', server.origin);
    const statusPath = new URL(local(headers['Azure-AsyncOperation'])).pathname;
    server.handle(
      scripted({
        [`POST ${I}/backup`]: [
          {
            status: 202,
            headers: {
              'azure-asyncoperation': local(headers['Azure-AsyncOperation']),
              location: local(headers.Location),
              'retry-after': '0',
            },
          },
        ],
        [`GET ${statusPath}`]: [
          { status: 200, body: { status: 'InProgress' } },
          { status: 200, body: body('ProtectedItemOperationStatus.json') },
        ],
        [`GET ${new URL(local(headers.Location)).pathname}`]: [{ status: 204 }],
        [`GET /subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupJobs/00000000-0000-0000-0000-000000000000`]:
          [{ status: 200, body: { properties: { status: 'Completed' } } }],
      }),
    );
    const poller = await new BackupProtectionClient(testClient(server)).beginBackupNow(ref, {
      properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' },
    });
    await poller.pollUntilDone({ minDelayMs: 5 });
    assert.equal(poller.latest.jobId, '00000000-0000-0000-0000-000000000000');
    assert.equal(server.requests[0].url, `${I}/backup?api-version=2026-02-01`);
    assert.ok(server.requests[1].url.endsWith('?api-version=2016-12-01'), 'status URL used as given');
    assert.equal(poller.latest.serviceStatus, 'Completed', 'the operation ends with the backup job');
  });

  it('backup: vaults, policies filter, register (LRO via Location) and inquire', async () => {
    const V = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';
    const C = `${V}/backupFabrics/Azure/protectionContainers/VMAppContainer%3Bcompute%3Brg%3Bvm`;
    server.handle(
      scripted({
        'GET /subscriptions/s1/providers/Microsoft.RecoveryServices/vaults': [{ status: 200, body: body('ListBySubscriptionIds.json') }],
        [`GET ${V}/backupPolicies`]: [
          {
            status: 200,
            body: { value: [{ name: 'p', properties: { backupManagementType: 'AzureWorkload', workLoadType: 'SQLDataBase' } }] },
          },
        ],
        [`PUT ${C}`]: [{ status: 202, headers: { location: `${server.origin}${C}/operationResults/o1?api-version=2019-05-13-preview` } }],
        [`GET ${C}/operationResults/o1`]: [{ status: 202 }, { status: 200, body: body('ProtectionContainers_Register.json') }],
        [`GET ${C}`]: [{ status: 200, body: body('ProtectionContainers_Register.json') }],
        [`POST ${C}/inquire`]: [{ status: 202, headers: { location: `${server.origin}${C}/operationResults/o2` } }],
        [`GET ${C}/operationResults/o2`]: [{ status: 204 }],
      }),
    );
    const arm = testClient(server);
    const vaults = new BackupVaultsClient(arm);
    assert.equal((await vaults.listVaults('s1').toArray()).length, 3);
    assert.equal(server.requests[0].url, '/subscriptions/s1/providers/Microsoft.RecoveryServices/vaults?api-version=2026-08-01');
    await vaults.listPolicies({ subscriptionId: 's1', resourceGroup: 'rg', vault: 'v' }).toArray();
    assert.equal(new URL(server.requests[1].url, server.origin).searchParams.get('$filter'), "backupManagementType eq 'AzureWorkload'");
    const discovery = new BackupDiscoveryClient(arm);
    const ref = { subscriptionId: 's1', resourceGroup: 'rg', vault: 'v', container: 'VMAppContainer;compute;rg;vm' };
    const register = await discovery.beginRegister(ref, {
      properties: {
        containerType: 'VMAppContainer',
        backupManagementType: 'AzureWorkload',
        sourceResourceId: '/subscriptions/s1/…/virtualMachines/vm',
        workloadType: 'SQLDataBase',
      },
    });
    assert.deepEqual(await register.pollUntilDone({ minDelayMs: 5 }), body('ProtectionContainers_Register.json'));
    const inquire = await discovery.beginInquire(ref);
    await inquire.pollUntilDone({ minDelayMs: 5 });
    assert.equal(inquire.latest.status, 'succeeded');
  });

  it('fabric: workspaces, mirrored databases, definition (200 or 202), status POSTs, tables paged under data', async () => {
    const W = '/v1/workspaces/w1/mirroredDatabases';
    server.handle(
      scripted({
        'GET /v1/workspaces': [{ status: 200, body: body('ListWorkspaces.json') }],
        [`GET ${W}`]: [{ status: 200, body: body('ListMirroredDatabasesInWorkspace.json') }],
        [`POST ${W}/m1/getDefinition`]: [{ status: 200, body: body('GetMirroredDatabaseDefinition.json') }],
        [`POST ${W}/m1/getMirroringStatus`]: [{ status: 200, body: body('GetMirroringStatus.json') }],
        [`POST ${W}/m1/getTablesMirroringStatus`]: [
          { status: 200, body: { ...(body('GetTablesMirroringStatus.json') as object), continuationToken: 'next' } },
          { status: 200, body: { data: [] } },
        ],
        [`POST ${W}/m1/startMirroring`]: [{ status: 200 }],
        [`POST ${W}/m1/updateDefinition`]: [
          { status: 202, headers: { location: `${server.origin}/v1/operations/u1`, 'x-ms-operation-id': 'u1', 'retry-after': '0' } },
        ],
        'GET /v1/operations/u1': [{ status: 200, body: { status: 'Succeeded' } }],
      }),
    );
    const fabric = testClient(server, { audience: 'fabric' });
    assert.ok((await new FabricWorkspacesClient(fabric).list().toArray()).length > 0);
    const dbs = new MirroredDatabasesClient(fabric);
    const ref = { workspaceId: 'w1', mirroredDatabaseId: 'm1' };
    assert.ok((await dbs.list('w1').toArray()).length > 0);
    const def = await dbs.beginGetDefinition(ref);
    assert.deepEqual(await def.pollUntilDone(), body('GetMirroredDatabaseDefinition.json'));
    assert.deepEqual(await dbs.getMirroringStatus(ref), body('GetMirroringStatus.json'));
    const tables = await dbs.listTablesMirroringStatus(ref).toArray();
    assert.deepEqual(tables, (body('GetTablesMirroringStatus.json') as { data: unknown[] }).data);
    await dbs.startMirroring(ref);
    const mirroring = {
      properties: {
        source: { type: 'AzureSqlDatabase', typeProperties: { connection: 'c', database: 'd' } },
        target: { type: 'MountedRelationalDatabase', typeProperties: { defaultSchema: 'dbo', format: 'Delta' } },
      },
    };
    const update = await dbs.beginUpdateDefinition(ref, { parts: [jsonPart('mirroring.json', mirroring)] });
    await update.pollUntilDone({ minDelayMs: 5 });
    const sent = deserialize<{ definition: MirroredDatabaseDefinition }>(
      DEFINITION_RESPONSE,
      JSON.parse(server.requests.find((r) => r.url.includes('updateDefinition'))?.body ?? '{}'),
    );
    assert.deepEqual(JSON.parse(decodePart(sent.definition.parts[0])), mirroring);
    assert.ok(server.requests.filter((r) => r.url.includes('Mirroring') || r.url.includes('Definition')).every((r) => r.method === 'POST'));
  });
});
