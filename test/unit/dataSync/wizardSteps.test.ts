// The setup wizard's steps against the emulator, with a recording stand-in for the panel: the page gets
// field errors under its own field ids, members added from the wizard carry serverName (the server's
// FQDN) and databaseName like every other member, and the schema step reports what the workflow refuses.
import * as assert from 'node:assert/strict';
import type { GroupForm, MemberForm, ToWizard } from '../../../src/dataSync/webviews/protocol/dataSyncWizard';
import {
  addMemberStep,
  createGroupStep,
  loadSchemaStep,
  refreshSchemaStep,
  saveSchemaStep,
  type WizardHost,
} from '../../../src/dataSync/webviews/wizardSteps';
import { demoEstate, lastWriteTo, startWorkflowHarness, type WorkflowHarness } from './workflows/workflowHarness';

describe('setup wizard steps (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let ids: ReturnType<typeof demoEstate>;
  let host: WizardHost & { posted: ToWizard[]; created: string[] };

  const groupForm = (o: Partial<GroupForm> = {}): GroupForm => ({
    subscriptionId: ids.prod,
    serverId: ids.weu,
    hubDatabaseId: ids.salesArchive,
    name: 'wiz',
    syncDatabaseId: ids.syncMeta,
    interval: '300',
    manual: false,
    conflictResolutionPolicy: 'HubWin',
    enableConflictLogging: false,
    conflictLoggingRetentionInDays: '30',
    usePrivateLinkConnection: false,
    hubDatabaseUserName: 'hubadmin',
    hubDatabasePassword: 'Hub!Passw0rd',
    ...o,
  });
  const memberForm = (o: Partial<MemberForm> = {}): MemberForm => ({
    name: 'replica',
    kind: 'azure',
    subscriptionId: ids.prod,
    serverId: ids.eus,
    databaseId: ids.east,
    agentId: '',
    sqlServerDatabaseId: '',
    syncDirection: 'Bidirectional',
    userName: 'memberadmin',
    password: 'Member!Passw0rd',
    usePrivateLinkConnection: false,
    ...o,
  });
  const last = <K extends ToWizard['type']>(type: K) =>
    [...host.posted].reverse().find((m) => m.type === type) as Extract<ToWizard, { type: K }> | undefined;

  before(async () => {
    h = await startWorkflowHarness();
    ids = demoEstate(h);
    const posted: ToWizard[] = [];
    const created: string[] = [];
    host = {
      ctx: h.ctx,
      state: { members: [], hub: [], step: 'group' },
      post: (m) => posted.push(m),
      groupCreated: (id) => created.push(id),
      posted,
      created,
    };
  });
  after(async () => {
    await h.stop();
  });

  it('refuses a member before the group exists, on the member-name field', async () => {
    await addMemberStep(host, memberForm());
    assert.deepEqual(last('fieldErrors')?.errors, { 'member-name': 'Create the sync group first (step 1).' });
  });

  it('creates the group, then refuses the same name on group-name (checked by the workflow)', async () => {
    await createGroupStep(host, groupForm());
    const created = last('groupCreated');
    assert.equal(created?.group.name, 'wiz');
    assert.deepEqual(host.created, [`${ids.salesArchive}/syncGroups/wiz`]);
    assert.equal(last('goto')?.step, 'members');
    const count = host.posted.length;
    const second = { ...host, state: { members: [], hub: [], step: 'group' as const } };
    await createGroupStep(second, groupForm());
    assert.deepEqual(
      host.posted.slice(count).map((m) => m.type),
      ['fieldErrors', 'busy', 'fieldErrors'],
    );
    assert.match(last('fieldErrors')?.errors['group-name'] ?? '', /already has a sync group named "wiz"/);
  });

  it('shows broken rules under the page field ids without a request', async () => {
    const from = h.requests.length;
    await createGroupStep(host, groupForm({ name: '', interval: '3', subscriptionId: '', hubDatabasePassword: '' }));
    assert.deepEqual(Object.keys(last('fieldErrors')?.errors ?? {}).sort(), ['group-name', 'hub-password', 'interval', 'subscription']);
    assert.equal(h.requests.length, from);
  });

  it('adds an Azure SQL member with serverName (FQDN) and databaseName', async () => {
    const from = h.requests.length;
    await addMemberStep(host, memberForm());
    assert.equal(last('members')?.added, 'replica');
    const body = lastWriteTo(h, '/syncMembers/replica', from).body as { properties: Record<string, unknown> };
    assert.equal(body.properties.serverName, 'contoso-sales-eus.database.windows.net');
    assert.equal(body.properties.databaseName, 'SalesReplicaEast');
    assert.equal(body.properties.syncMemberAzureDatabaseResourceId, ids.east);
    assert.deepEqual(
      host.state.members.map((m) => m.name),
      ['replica'],
    );
    await addMemberStep(host, memberForm({ name: 'hub', databaseId: ids.salesArchive }));
    assert.match(last('fieldErrors')?.errors['member-database'] ?? '', /hub database cannot also be a member/);
  });

  it('refreshes the hub schema, loads the tables and saves them; a master that is no member is reported in the summary', async () => {
    await refreshSchemaStep(host);
    assert.equal(last('schemaRefreshed')?.text, 'Hub schema refreshed.');
    await loadSchemaStep(host);
    assert.ok(last('schema')?.view.tables.some((t) => t.quotedName === '[dbo].[Customers]'));
    await saveSchemaStep(host, { tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Name]'] }], masterSyncMemberName: 'nobody' });
    assert.match(last('summary')?.summary.errors.join(' ') ?? '', /"nobody" is not a member/);
    await saveSchemaStep(host, { tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Name]'] }], masterSyncMemberName: 'replica' });
    assert.match(last('schemaSaved')?.text ?? '', /1 table/);
    assert.equal(host.state.currentSchema?.masterSyncMemberName, 'replica');
  });
});
