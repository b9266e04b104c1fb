// The src/azure clients (ArmPoller underneath) complete every answer shape the emulator uses
// (src/emulator/services/sql/lroShapes.ts), end to end over HTTPS: which URL the poller follows, which
// requests it sends, and the result it returns; and they surface a failure in each polling style.
import assert from 'node:assert/strict';
import { isAzureRequestError } from '../../../src/azure/http/azureError';
import type { ArmPoller } from '../../../src/azure/lro/armPoller';
import { SyncAgentsClient } from '../../../src/azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../src/azure/sql/syncMembersClient';
import type { SyncAgentRef, SyncGroupRef, SyncMemberRef } from '../../../src/azure/sql/sqlPaths';
import { databaseRefFromId, serverRefFromId } from '../../../src/dataSync/dataSyncRefs';
import { startEmulatorWithClient, type EmulatorWithClient } from '../operations/emulatorClient';
import { demoIds } from './helpers';

type Via = 'azure-asyncoperation' | 'location' | 'resource';

describe('the src/azure clients complete every answer shape of the emulator', function () {
  this.timeout(60_000);
  const wait = { minDelayMs: 20, maxDelayMs: 100 };
  let env: EmulatorWithClient;
  let groups: SyncGroupsClient;
  let members: SyncMembersClient;
  let agents: SyncAgentsClient;
  let group: SyncGroupRef;
  let member: SyncMemberRef;
  let agent: SyncAgentRef;
  let syncMeta: string;

  before(async () => {
    env = await startEmulatorWithClient({ lroDurationMs: 300 });
    const ids = demoIds(env.emulator);
    syncMeta = ids.syncMeta;
    groups = new SyncGroupsClient(env.arm);
    members = new SyncMembersClient(env.arm);
    agents = new SyncAgentsClient(env.arm);
    group = { ...databaseRefFromId(ids.reporting), syncGroup: 'client-shapes' };
    member = { ...databaseRefFromId(ids.salesHub), syncGroup: 'sales-new', syncMember: 'client-member' };
    agent = { ...serverRefFromId(ids.weu), syncAgent: 'client-agent' };
  });
  after(() => env.stop());

  /** Runs one operation to its end; returns its result, how it was followed and the GETs the poller sent. */
  async function complete<T>(begin: () => Promise<ArmPoller<T>>): Promise<{ result: T; via: Via; doneAtOnce: boolean; gets: string[] }> {
    const from = env.requests.length;
    const poller = await begin();
    const doneAtOnce = poller.isDone();
    const result = await poller.pollUntilDone(wait);
    const gets = env.requests
      .slice(from)
      .filter((e) => e.method === 'GET')
      .map((e) => e.url);
    return { result, via: poller.toJSON().via, doneAtOnce, gets };
  }
  const isStatusUrl = (u: string) => /AzureAsyncOperation\//.test(u);
  const isLocationUrl = (u: string) => /\/locations\/[^/]+\/operation\//.test(u);
  const memberBody = (syncDirection: 'Bidirectional' | 'OneWayHubToMember') => ({
    properties: {
      databaseType: 'AzureSqlDatabase' as const,
      serverName: 'contoso-sales-eus.database.windows.net',
      databaseName: 'SalesReplicaEast',
      userName: 'member',
      password: 'secret',
      syncDirection,
    },
  });

  it('202 with Azure-AsyncOperation (group PUT, agent PUT): polls the status URL, then GETs the resource', async () => {
    const g = await complete(() =>
      groups.beginCreateOrUpdate(group, { properties: { interval: -1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: syncMeta } }),
    );
    assert.equal(g.via, 'azure-asyncoperation');
    assert.equal(g.result.name, 'client-shapes');
    assert.ok(g.gets.some(isStatusUrl));
    assert.ok(!g.gets.some(isLocationUrl), 'Location is not needed when the status URL is given');
    assert.match(g.gets[g.gets.length - 1], /\/syncGroups\/client-shapes\?/);
    const a = await complete(() => agents.beginCreateOrUpdate(agent, { properties: { syncDatabaseId: syncMeta } }));
    assert.equal(a.via, 'azure-asyncoperation');
    assert.equal(a.result.properties?.state, 'NeverConnected');
  });

  it('201 with Azure-AsyncOperation and a body (member PUT, new): the body is not the result; the final GET is', async () => {
    const m = await complete(() => members.beginCreateOrUpdate(member, memberBody('Bidirectional')));
    assert.equal(m.via, 'azure-asyncoperation');
    assert.equal(m.doneAtOnce, false);
    assert.ok(m.gets.some(isStatusUrl));
    assert.equal(m.result.name, 'client-member');
    assert.equal(m.result.properties?.serverName, 'contoso-sales-eus.database.windows.net');
    assert.match(m.gets[m.gets.length - 1], /\/syncMembers\/client-member\?/, 'the result comes from the final GET, not the 201 body');
  });

  it('200 at once (member PUT and agent PUT on existing resources): done before any poll', async () => {
    const m = await complete(() => members.beginCreateOrUpdate(member, memberBody('OneWayHubToMember')));
    assert.equal(m.doneAtOnce, true);
    assert.deepEqual(m.gets, []);
    assert.equal(m.result.properties?.syncDirection, 'OneWayHubToMember');
    const a = await complete(() => agents.beginCreateOrUpdate(agent, { properties: { syncDatabaseId: syncMeta } }));
    assert.equal(a.doneAtOnce, true);
    assert.deepEqual(a.gets, []);
    assert.equal(a.result.name, 'client-agent');
  });

  it('202 with Location only (group PATCH with Retry-After, member PATCH without): polls Location, then GETs the resource', async () => {
    const g = await complete(() => groups.beginUpdate(group, { properties: { interval: 300 } }));
    assert.equal(g.via, 'location');
    assert.ok(g.gets.some(isLocationUrl));
    assert.ok(!g.gets.some(isStatusUrl));
    assert.equal(g.result.properties?.interval, 300);
    const m = await complete(() => members.beginUpdate(member, { properties: { syncDirection: 'OneWayMemberToHub' } }));
    assert.equal(m.via, 'location');
    assert.equal(m.result.properties?.syncDirection, 'OneWayMemberToHub');
  });

  it('POST refreshes: Location only (refreshHubSchema) ends on its 204; both URLs (member refreshSchema) end on a Location GET', async () => {
    const hub = await complete(() => groups.beginRefreshHubSchema({ ...member, syncGroup: 'sales-new' }));
    assert.equal(hub.via, 'location');
    assert.equal(hub.result, undefined);
    assert.ok(!hub.gets.some(isStatusUrl));
    const m = await complete(() => members.beginRefreshSchema(member));
    assert.equal(m.via, 'azure-asyncoperation');
    assert.equal(m.result, undefined);
    const statusAt = m.gets.findIndex(isStatusUrl);
    assert.ok(statusAt >= 0 && isLocationUrl(m.gets[m.gets.length - 1]), `status URL, then Location: ${m.gets.join(', ')}`);
    assert.equal((await members.listSchemas(member).toArray()).length, 1);
  });

  it('DELETE in three shapes: both URLs (group), Location only (member), 200 at once (agent)', async () => {
    const m = await complete(() => members.beginDelete(member));
    assert.equal(m.via, 'location');
    const a = await complete(() => agents.beginDelete(agent));
    assert.equal(a.doneAtOnce, true);
    assert.deepEqual(a.gets, []);
    const g = await complete(() => groups.beginDelete(group));
    assert.equal(g.via, 'azure-asyncoperation');
    assert.ok(!g.gets.some((u) => /\/syncGroups\/client-shapes\?/.test(u)), 'no final GET after a DELETE');
    for (const gone of [() => groups.get(group), () => members.get(member), () => agents.get(agent)]) {
      await assert.rejects(gone(), (e: unknown) => isAzureRequestError(e) && e.status === 404);
    }
  });

  it('a failure is thrown with its code whether it is read from the status URL or from Location', async () => {
    env.emulator.control.addFaults('lro-fail*1@PUT /syncGroups/doomed');
    const viaStatus = await groups.beginCreateOrUpdate(
      { ...group, syncGroup: 'doomed' },
      { properties: { interval: -1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: syncMeta } },
    );
    await assert.rejects(viaStatus.pollUntilDone(wait), (e: unknown) => isAzureRequestError(e) && e.code === 'OperationTimedOut');
    assert.equal(viaStatus.latest.status, 'failed');

    const existing = { ...member, syncMember: 'replica-east', syncGroup: 'sales-sync' };
    env.emulator.control.addFaults('lro-fail*1@PATCH /syncMembers/replica-east');
    const viaLocation = await members.beginUpdate(existing, { properties: { syncDirection: 'OneWayHubToMember' } });
    assert.equal(viaLocation.toJSON().via, 'location');
    await assert.rejects(viaLocation.pollUntilDone(wait), (e: unknown) => isAzureRequestError(e) && e.code === 'OperationTimedOut');
    assert.equal(viaLocation.latest.status, 'failed', 'the error on Location is the operation failing, not a poll to retry');
    assert.equal((await members.get(existing)).properties?.syncDirection, 'Bidirectional', 'nothing changed');
  });
});
