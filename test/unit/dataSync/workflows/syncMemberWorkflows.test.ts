// Sync member workflows against the emulator: Azure SQL members always carry serverName (the server's
// FQDN) and databaseName as in the walkthrough, SQL Server members name their agent database, and the
// same checks (name, duplicate, group limit, hub as member) refuse a member before anything is sent.
import * as assert from 'node:assert/strict';
import { listLinkedDatabases } from '../../../../src/dataSync/workflows/resourceLists';
import {
  addMember,
  addMemberProblems,
  deleteMember,
  listMembers,
  newMemberNameRule,
  readMember,
  updateMember,
  type AddMemberInput,
} from '../../../../src/dataSync/workflows/syncMemberWorkflows';
import { SEED_CREATE_MEMBER, SEED_UPDATE_MEMBER, writableKeys } from './seedBodies';
import { createDemoGroup, rejectsFields as rejects } from './workflowFixtures';
import { demoEstate, lastWriteTo, startWorkflowHarness, type WorkflowHarness } from './workflowHarness';

const PASSWORD = 'Member!Passw0rd-wf';

describe('sync member workflows (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let ids: ReturnType<typeof demoEstate>;
  let groupId: string;
  const azure = (o: Partial<AddMemberInput> = {}): AddMemberInput => ({
    groupId,
    name: 'replica',
    kind: 'azure',
    databaseId: ids.east,
    syncDirection: 'Bidirectional',
    userName: ' myUser ',
    password: PASSWORD,
    ...o,
  });

  before(async () => {
    h = await startWorkflowHarness();
    ids = demoEstate(h);
    groupId = await createDemoGroup(h, ids, 'wf-members');
  });
  after(async () => {
    await h.stop();
  });

  it('adds an Azure SQL member with serverName as the server FQDN and databaseName, as documented', async () => {
    const from = h.requests.length;
    const { memberId, operation } = await addMember(h.ctx, azure());
    assert.equal(memberId, `${groupId}/syncMembers/replica`);
    await operation.result;
    const put = lastWriteTo(h, '/syncMembers/replica', from);
    assert.equal(put.method, 'PUT');
    assert.deepEqual(put.body, {
      properties: {
        databaseType: 'AzureSqlDatabase',
        syncMemberAzureDatabaseResourceId: ids.east,
        serverName: 'contoso-sales-eus.database.windows.net',
        databaseName: 'SalesReplicaEast',
        userName: 'myUser',
        password: PASSWORD,
        syncDirection: 'Bidirectional',
        usePrivateLinkConnection: false,
      },
    });
    const sent = (put.body as { properties: Record<string, unknown> }).properties;
    for (const k of writableKeys(SEED_CREATE_MEMBER)) assert.ok(k in sent, `sends ${k} like the walkthrough`);
    assert.match(
      String(sent.serverName),
      /\.database\.windows\.net$/,
      'serverName is an FQDN, like syncgroupcrud-3379.database.windows.net',
    );
    const record = h.tracker.list().history.find((r) => r.id === operation.id);
    assert.equal(record?.title, 'Add sync member replica');
    assert.equal(record?.target.resourceId, memberId);
    const member = await readMember(h.ctx, memberId);
    assert.equal(member.databaseName, 'SalesReplicaEast');
    assert.equal(member.password, undefined, 'the password is never returned');
  });

  it('adds a SQL Server member through its agent, naming the registered database', async () => {
    const linked = await listLinkedDatabases(h.ctx, ids.onlineAgent);
    const salesOnPrem = linked.find((d) => d.properties?.databaseName === 'SalesOnPrem')!.properties!.databaseId!;
    const from = h.requests.length;
    const { operation } = await addMember(h.ctx, {
      groupId,
      name: 'store',
      kind: 'sqlServer',
      agentId: ids.onlineAgent,
      sqlServerDatabaseId: salesOnPrem,
      syncDirection: 'OneWayMemberToHub',
      userName: 'svc',
      password: PASSWORD,
    });
    await operation.result;
    assert.deepEqual(lastWriteTo(h, '/syncMembers/store', from).body, {
      properties: {
        databaseType: 'SqlServerDatabase',
        syncAgentId: ids.onlineAgent,
        sqlServerDatabaseId: salesOnPrem,
        serverName: 'SQLPROD01',
        databaseName: 'SalesOnPrem',
        userName: 'svc',
        password: PASSWORD,
        syncDirection: 'OneWayMemberToHub',
        usePrivateLinkConnection: false,
      },
    });
    assert.deepEqual((await listMembers(h.ctx, groupId)).map((m) => m.name).sort(), ['replica', 'store']);
  });

  it('refuses a duplicate name, the hub as a member, a bad name or direction, missing fields — before any write', async () => {
    const from = h.requests.length;
    await rejects(addMember(h.ctx, azure({ name: 'REPLICA' })), { name: /already has a member named "REPLICA"/ });
    await rejects(addMember(h.ctx, azure({ name: 'hub-copy', databaseId: ids.salesArchive.toUpperCase() })), {
      databaseId: /hub database cannot also be a member/,
    });
    await rejects(addMember(h.ctx, azure({ name: 'bad name', syncDirection: 'Sideways', userName: '', password: '' })), {
      name: /only letters, digits, "-" and "_"/,
      syncDirection: /Choose a sync direction/,
      userName: /user name is required/,
      password: /password is required/,
    });
    await rejects(addMember(h.ctx, { ...azure({ name: 'x' }), kind: 'sqlServer', databaseId: undefined }), {
      agentId: /Sync agent is required/,
      sqlServerDatabaseId: /SQL Server database is required/,
    });
    await rejects(addMember(h.ctx, azure({ name: 'no-db', databaseId: '' })), { databaseId: /Member database is required/ });
    await rejects(
      addMember(h.ctx, { ...azure({ name: 'unlinked' }), kind: 'sqlServer', agentId: ids.onlineAgent, sqlServerDatabaseId: 'not-linked' }),
      { sqlServerDatabaseId: /not registered with sync agent onprem-agent-01/ },
    );
    assert.deepEqual(h.writes(from), [], 'only reads were sent');
  });

  it("gives the palette's name prompt the same name and duplicate rules, from one read", async () => {
    const from = h.requests.length;
    const rule = await newMemberNameRule(h.ctx, groupId);
    assert.deepEqual(
      h.requests.slice(from).map((r) => `${r.method} ${r.path.split('/').slice(-1)[0]}`),
      ['GET syncMembers'],
    );
    assert.match(rule('Store') ?? '', /already has a member named "Store"/);
    assert.match(rule('bad name') ?? '', /only letters, digits/);
    assert.equal(rule('fresh-name'), undefined);
  });

  it('refuses a 31st member (the group limit)', () => {
    const problems = addMemberProblems(azure({ name: 'one-more' }), {
      existingMembers: Array.from({ length: 30 }, (_, i) => `m${i}`),
      hubDatabaseId: ids.salesArchive,
    });
    assert.deepEqual(problems, [{ field: 'name', message: 'The sync group already has 30 members; Data Sync allows at most 30.' }]);
    assert.deepEqual(addMemberProblems(azure({ name: 'one-more' }), { existingMembers: ['m0'], hubDatabaseId: ids.salesArchive }), []);
  });

  it('updates direction and credentials with a PATCH of the walkthrough update properties', async () => {
    const memberId = `${groupId}/syncMembers/replica`;
    const from = h.requests.length;
    const op = await updateMember(h.ctx, memberId, {
      syncDirection: 'OneWayHubToMember',
      credentials: { userName: ' other ', password: PASSWORD },
    });
    await op.result;
    const patch = lastWriteTo(h, '/syncMembers/replica', from);
    assert.equal(patch.method, 'PATCH');
    assert.deepEqual(patch.body, { properties: { syncDirection: 'OneWayHubToMember', userName: 'other', password: PASSWORD } });
    const seedKeys = writableKeys(SEED_UPDATE_MEMBER);
    for (const k of Object.keys((patch.body as { properties: object }).properties).filter((k) => k !== 'password'))
      assert.ok(seedKeys.includes(k), `${k} is a property the walkthrough's update sends`);
    assert.equal((await readMember(h.ctx, memberId)).syncDirection, 'OneWayHubToMember');
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Update member replica');

    const keep = h.requests.length;
    await (
      await updateMember(h.ctx, memberId, { syncDirection: 'Bidirectional' })
    ).result;
    assert.deepEqual(lastWriteTo(h, '/syncMembers/replica', keep).body, { properties: { syncDirection: 'Bidirectional' } });

    const bad = h.requests.length;
    await rejects(updateMember(h.ctx, memberId, { syncDirection: 'Up', credentials: { userName: '', password: '' } }), {
      syncDirection: /Choose a sync direction/,
      userName: /user name is required/,
      password: /password is required/,
    });
    assert.equal(h.requests.length, bad, 'nothing sent');
  });

  it('deletes a member with a DELETE, tracked', async () => {
    const from = h.requests.length;
    const op = await deleteMember(h.ctx, `${groupId}/syncMembers/store`);
    await op.result;
    const del = lastWriteTo(h, '/syncMembers/store', from);
    assert.equal(del.method, 'DELETE');
    assert.equal(del.body, undefined);
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Remove member store');
    assert.deepEqual(
      (await listMembers(h.ctx, groupId)).map((m) => m.name),
      ['replica'],
    );
  });
});
