// The Data Sync webviews in the real VS Code against the emulator: the setup wizard driven through its
// message protocol (the same handler the page's messages reach), validation, a failed long-running
// operation, passwords never going back to the page or into the log, the schema picker and the log view.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DataSyncClients } from '../../src/dataSync/dataSyncContext';
import type { ExtensionApi } from '../../src/extensionApi';
import type { OperationRecord } from '../../src/operations/operationRecord';
import type { GroupForm, MemberForm, ToWizard } from '../../src/dataSync/webviews/protocol/dataSyncWizard';
import { SchemaPickerPanel } from '../../src/dataSync/webviews/schemaPickerPanel';
import { SetupWizardPanel } from '../../src/dataSync/webviews/setupWizardPanel';
import { SyncLogsPanel } from '../../src/dataSync/webviews/syncLogsPanel';
import type { PanelNotice, PanelRequest } from '../../src/ui/webview/panelProtocol';
import type { FromSyncLogs } from '../../src/dataSync/webviews/protocol/dataSyncLogs';
import { syncGroupRefFromId } from '../../src/dataSync/dataSyncRefs';
import { deleteGroup } from '../../src/dataSync/workflows/syncGroupWorkflows';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';

const HUB_PASSWORD = 'Hub-P@ssw0rd-never-echoed-7731';
const MEMBER_PASSWORD = 'Member-P@ss-never-echoed-4419';

type Posted<T extends { type: string }, K extends T['type']> = Extract<T, { type: K }>;

function lastPosted<T extends { type: string }, K extends T['type']>(posted: T[], type: K, from = 0): Posted<T, K> | undefined {
  for (let i = posted.length - 1; i >= from; i--) if (posted[i].type === type) return posted[i] as Posted<T, K>;
  return undefined;
}

/** Finds the extension's output channel log files (code-server keeps them under its state folder). */
function outputLogs(): string[] {
  // The harness keeps code-server's state beside the results file it names (test-results/).
  const results = process.env.SQLDM_RESULTS_FILE;
  const roots = [...(results ? [path.dirname(results)] : []), os.tmpdir()];
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 9) return;
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.name.endsWith('.log') && e.name.includes('Azure SQL Data Movement')) found.push(p);
    }
  };
  for (const r of roots) for (const d of fs.existsSync(r) ? fs.readdirSync(r).filter((n) => /state/.test(n)) : []) walk(path.join(r, d), 0);
  return found;
}

describe('Data Sync webviews (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  let clients: DataSyncClients;
  let subscriptionId: string;
  let hub: { serverId: string; databaseId: string };
  let syncDatabaseId: string;
  let memberDatabaseId: string;
  let salesSyncId: string;
  const created: string[] = [];

  async function databaseIdByName(name: string): Promise<string> {
    for (const s of await clients.subscriptions.list().toArray()) {
      for (const server of await clients.servers.listServers(s.subscriptionId!).toArray()) {
        const ref = { subscriptionId: s.subscriptionId!, resourceGroup: server.id!.split('/')[4], server: server.name! };
        const db = (await clients.servers.listDatabases(ref).toArray()).find((d) => d.name === name);
        if (db?.id) return db.id;
      }
    }
    throw new Error(`no database ${name}`);
  }

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    clients = api.dataSync.clients();
    // SalesArchive: a sales hub with four tables and no sync group yet; SyncMetadata keeps the metadata.
    hub = { databaseId: await databaseIdByName('SalesArchive'), serverId: '' };
    hub.serverId = hub.databaseId.replace(/\/databases\/.*$/, '');
    subscriptionId = hub.databaseId.split('/')[2];
    syncDatabaseId = await databaseIdByName('SyncMetadata');
    memberDatabaseId = await databaseIdByName('DevSalesCopy');
    salesSyncId = `${await databaseIdByName('SalesHub')}/syncGroups/sales-sync`;
    await api.operations.tracker.clearFinished();
  });
  afterEach(async () => {
    await control.clearFaults();
  });
  after(async () => {
    for (const p of [
      ...api.dataSyncWebviews.wizards.values(),
      ...api.dataSyncWebviews.schemaPickers.values(),
      ...api.dataSyncWebviews.syncLogs.values(),
    ])
      p.dispose();
    for (const id of created) {
      const poller = await clients.groups.beginDelete(syncGroupRefFromId(id)).catch(() => undefined);
      await poller?.pollUntilDone({ minDelayMs: 50, maxDelayMs: 500 }).catch(() => undefined);
    }
  });

  const groupForm = (name: string, extra: Partial<GroupForm> = {}): GroupForm => ({
    subscriptionId,
    serverId: hub.serverId,
    hubDatabaseId: hub.databaseId,
    name,
    syncDatabaseId,
    interval: '300',
    manual: false,
    conflictResolutionPolicy: 'HubWin',
    enableConflictLogging: true,
    conflictLoggingRetentionInDays: '14',
    usePrivateLinkConnection: false,
    hubDatabaseUserName: 'hubadmin',
    hubDatabasePassword: HUB_PASSWORD,
    ...extra,
  });
  const memberForm = (name: string, extra: Partial<MemberForm> = {}): MemberForm => ({
    name,
    kind: 'azure',
    subscriptionId: memberDatabaseId.split('/')[2],
    serverId: memberDatabaseId.replace(/\/databases\/.*$/, ''),
    databaseId: memberDatabaseId,
    agentId: '',
    sqlServerDatabaseId: '',
    syncDirection: 'Bidirectional',
    userName: 'memberadmin',
    password: MEMBER_PASSWORD,
    usePrivateLinkConnection: false,
    ...extra,
  });
  const history = (title: string): OperationRecord | undefined => api.operations.tracker.list().history.find((r) => r.title === title);

  async function openWizard(arg?: unknown, step?: string): Promise<SetupWizardPanel> {
    const panel = await vscode.commands.executeCommand<SetupWizardPanel>('sqlDataMovement.dataSync.openSetupWizard', arg, step);
    await waitFor('the wizard page to load', () => panel.posted.some((m) => m.type === 'init'), 30_000);
    return panel;
  }

  async function nextPosted<K extends ToWizard['type']>(
    panel: SetupWizardPanel,
    type: K,
    action: () => Promise<void>,
    ms = 30_000,
  ): Promise<Posted<ToWizard, K>> {
    const from = panel.posted.length;
    await action();
    return waitFor(`the wizard to post "${type}"`, () => lastPosted(panel.posted, type, from), ms);
  }

  it('opens the wizard from the palette command with subscriptions to choose, and the page loads under the CSP', async () => {
    const panel = await openWizard();
    const init = lastPosted(panel.posted, 'init')!;
    assert.equal(init.step, 'group');
    assert.ok(
      init.subscriptions.some((s) => s.label === 'Contoso Production'),
      JSON.stringify(init.subscriptions),
    );
    const servers = await nextPosted(panel, 'options', () =>
      panel.simulate({ type: 'loadOptions', kind: 'servers', parent: subscriptionId }),
    );
    assert.ok(servers.items.some((s) => s.label === 'contoso-sales-weu'));
    const dbs = await nextPosted(panel, 'options', () => panel.simulate({ type: 'loadOptions', kind: 'databases', parent: hub.serverId }));
    assert.ok(dbs.items.some((d) => d.label === 'SalesArchive'));
    assert.ok(!dbs.items.some((d) => d.label === 'master'), 'master is never offered');
    const syncDbs = await nextPosted(panel, 'options', () =>
      panel.simulate({ type: 'loadOptions', kind: 'syncDatabases', parent: hub.serverId }),
    );
    assert.ok(
      syncDbs.items.some((d) => d.value === syncDatabaseId),
      'the sync metadata database in use is offered',
    );
    assert.deepEqual(panel.cspViolations, []);
    await screenshot('datasync-wizard-open');
    panel.dispose();
  });

  it('shows each validation message next to its field and sends nothing to Azure', async () => {
    const panel = await openWizard(hub.databaseId);
    assert.equal(lastPosted(panel.posted, 'init')!.preset?.hubDatabaseId, hub.databaseId, 'the hub database is preset from the argument');
    const running = api.operations.tracker.list().running.length + api.operations.tracker.list().history.length;
    const cases: Array<[Partial<GroupForm>, string, RegExp]> = [
      [{ name: '' }, 'group-name', /Sync group name is required/],
      [{ name: 'a/b' }, 'group-name', /cannot contain "\/"/],
      [{ name: 'has space' }, 'group-name', /only letters, digits/],
      [{ name: 'x'.repeat(151) }, 'group-name', /at most 150/],
      [{ interval: '3' }, 'interval', /at least 5 seconds/],
      [{ interval: 'soon' }, 'interval', /whole number/],
      [{ conflictLoggingRetentionInDays: '45' }, 'retention', /1 to 30/],
      [{ syncDatabaseId: '' }, 'sync-database', /Sync metadata database is required/],
      [{ hubDatabaseUserName: '' }, 'hub-user', /user name is required/],
      [{ hubDatabasePassword: '' }, 'hub-password', /password is required/],
      [{ hubDatabaseId: '' }, 'hub', /Hub database is required/],
    ];
    for (const [override, fieldName, message] of cases) {
      const errors = await nextPosted(panel, 'fieldErrors', () =>
        panel.simulate({ type: 'submitGroup', form: groupForm('it-valid', override) }),
      );
      assert.match(errors.errors[fieldName] ?? '', message, `${fieldName}: ${JSON.stringify(errors.errors)}`);
    }
    // Manual sync (-1) needs no interval; a name already used on the hub is refused before any request.
    const salesHub = salesSyncId.replace(/\/syncGroups\/.*$/, '');
    const dup = await nextPosted(panel, 'fieldErrors', () =>
      panel.simulate({
        type: 'submitGroup',
        form: groupForm('sales-sync', {
          hubDatabaseId: salesHub,
          serverId: salesHub.replace(/\/databases\/.*$/, ''),
          manual: true,
          interval: '',
        }),
      }),
    );
    assert.match(dup.errors['group-name'] ?? '', /already has a sync group named "sales-sync"/);
    // A field's message clears as soon as the field is fixed, without submitting again; a name too long
    // is said to be too long (the field does not cut it short).
    const empty = await nextPosted(panel, 'fieldErrors', () => panel.simulate({ type: 'submitGroup', form: groupForm('') }));
    assert.match(empty.errors['group-name'] ?? '', /required/);
    const fixed = await nextPosted(panel, 'fieldError', () =>
      panel.simulate({ type: 'validateField', form: 'group', field: 'group-name', value: 'it-valid' }),
    );
    assert.deepEqual([fixed.field, fixed.message], ['group-name', undefined]);
    const long = await nextPosted(panel, 'fieldError', () =>
      panel.simulate({ type: 'validateField', form: 'group', field: 'group-name', value: 'x'.repeat(200) }),
    );
    assert.match(long.message ?? '', /too long \(200 characters, at most 150\)/);
    assert.doesNotMatch(panel.panel.webview.html, /maxlength/i, 'no field cuts what is typed');
    const password = await nextPosted(panel, 'fieldError', () =>
      panel.simulate({ type: 'validateField', form: 'group', field: 'hub-password', value: '' }),
    );
    assert.match(password.message ?? '', /password is required/);
    // Member form: validated the same way (the group must exist first).
    const noGroup = await nextPosted(panel, 'fieldErrors', () => panel.simulate({ type: 'submitMember', form: memberForm('m1') }));
    assert.match(noGroup.errors['member-name'] ?? '', /Create the sync group first/);
    assert.equal(
      api.operations.tracker.list().running.length + api.operations.tracker.list().history.length,
      running,
      'no operation started',
    );
    await screenshot('datasync-wizard-validation');
    panel.dispose();
  });

  it('shows a failed create with code, message and request id, and keeps what the user typed', async () => {
    const panel = await openWizard();
    await control.addFaults('lro-fail*1');
    const failed = await nextPosted(
      panel,
      'error',
      () => panel.simulate({ type: 'submitGroup', form: groupForm('it-wizard-fail') }),
      60_000,
    );
    assert.equal(failed.step, 'group');
    assert.ok(failed.error.code, 'code shown');
    assert.ok(failed.error.message, 'message shown');
    assert.ok(failed.error.requestId, `request id shown: ${JSON.stringify(failed.error)}`);
    assert.match(failed.error.details, /Request id:/);
    const op = await waitFor('the failed operation in history', () => history('Create sync group it-wizard-fail'));
    assert.equal(op.status, 'failed');
    // Nothing that would reset the form came after the error, and the wizard stays on step 1.
    const after = panel.posted.slice(panel.posted.indexOf(failed));
    assert.ok(
      !after.some((m) => m.type === 'init' || m.type === 'groupCreated' || m.type === 'goto'),
      JSON.stringify(after.map((m) => m.type)),
    );
    assert.equal(panel.groupId, undefined);
    // Retrying the same form now works: the values were kept.
    const ok = await nextPosted(
      panel,
      'groupCreated',
      () => panel.simulate({ type: 'submitGroup', form: groupForm('it-wizard-fail') }),
      60_000,
    );
    created.push(ok.group.id);
    panel.dispose();
  });

  it('runs the documented order end to end: group, member, hub schema, tables, first sync', async () => {
    const panel = await openWizard(hub.serverId);
    assert.equal(lastPosted(panel.posted, 'init')!.preset?.serverId, hub.serverId);
    const name = 'it-wizard';

    const createdMsg = await nextPosted(
      panel,
      'groupCreated',
      () => panel.simulate({ type: 'submitGroup', form: groupForm(name) }),
      60_000,
    );
    created.push(createdMsg.group.id);
    assert.equal(createdMsg.group.name, name);
    assert.equal(history(`Create sync group ${name}`)?.status, 'succeeded', 'the create went through the operation tracker');
    const group = await clients.groups.get(syncGroupRefFromId(createdMsg.group.id));
    assert.equal(group.properties?.interval, 300);
    assert.equal(group.properties?.conflictLoggingRetentionInDays, 14);
    assert.equal(group.properties?.schema?.tables?.length ?? 0, 0, 'created without a schema');
    assert.equal(lastPosted(panel.posted, 'goto')?.step, 'members');

    const members = await nextPosted(panel, 'members', () => panel.simulate({ type: 'submitMember', form: memberForm('replica') }), 60_000);
    assert.equal(members.added, 'replica');
    assert.equal(members.members[0].syncDirection, 'Bidirectional');
    assert.equal(history('Add sync member replica')?.status, 'succeeded');
    // An on-premises member: a SQL Server database linked to a sync agent of the hub's server.
    const agents = await nextPosted(panel, 'options', () => panel.simulate({ type: 'loadOptions', kind: 'agents', parent: hub.serverId }));
    const agent = agents.items.find((a) => a.label === 'onprem-agent-01');
    assert.ok(agent, JSON.stringify(agents.items));
    const linked = await nextPosted(panel, 'options', () =>
      panel.simulate({ type: 'loadOptions', kind: 'linkedDatabases', parent: agent.value }),
    );
    assert.equal(linked.items[0]?.label, 'SQLPROD01/SalesOnPrem');
    const withStore = await nextPosted(
      panel,
      'members',
      () =>
        panel.simulate({
          type: 'submitMember',
          form: memberForm('store', {
            kind: 'onPremises',
            databaseId: '',
            agentId: agent.value,
            sqlServerDatabaseId: linked.items[0].value,
            syncDirection: 'OneWayMemberToHub',
          }),
        }),
      60_000,
    );
    assert.deepEqual(withStore.members.map((m) => [m.name, m.databaseType, m.syncDirection]).sort(), [
      ['replica', 'AzureSqlDatabase', 'Bidirectional'],
      ['store', 'SqlServerDatabase', 'OneWayMemberToHub'],
    ]);
    const dupMember = await nextPosted(panel, 'fieldErrors', () => panel.simulate({ type: 'submitMember', form: memberForm('replica') }));
    assert.match(dupMember.errors['member-name'] ?? '', /already has a member named "replica"/);

    const fromRefresh = panel.posted.length;
    await nextPosted(panel, 'schemaRefreshed', () => panel.simulate({ type: 'refreshHubSchema' }), 60_000);
    assert.equal(history(`Refresh hub schema of ${name}`)?.status, 'succeeded');
    // The page moves to the Tables step by itself and asks for the schema; so does this simulated one.
    await panel.simulate({ type: 'stepShown', step: 'tables' });
    const schema = await waitFor('the schema', () => lastPosted(panel.posted, 'schema', fromRefresh));
    const customers = schema.view.tables.find((t) => t.quotedName === '[dbo].[Customers]');
    assert.ok(customers && !customers.disabledReason, 'Customers is syncable');
    assert.deepEqual([...schema.view.members].sort(), ['replica', 'store']);

    const selection = {
      tables: [
        { quotedName: '[dbo].[Customers]', columns: ['[Name]', '[Email]'] },
        { quotedName: '[dbo].[Orders]', columns: ['[OrderDate]'] },
      ],
      masterSyncMemberName: 'replica',
    };
    const summary = await nextPosted(panel, 'summary', () => panel.simulate({ type: 'selectionChanged', selection }));
    assert.deepEqual(summary.summary.addedTables, ['[dbo].[Customers]', '[dbo].[Orders]']);
    assert.deepEqual(summary.summary.errors, []);
    // Leaving the Tables step and coming back keeps the unsaved choice: the page keeps its schema…
    const beforeReturn = panel.posted.length;
    await panel.simulate({ type: 'stepShown', step: 'members' });
    await panel.simulate({ type: 'stepShown', step: 'tables' });
    assert.equal(lastPosted(panel.posted, 'schema', beforeReturn), undefined, 'the schema is not read again over the choice');
    // …and a schema read again from the service carries the unsaved choice, not the saved one.
    const reread = await nextPosted(panel, 'schema', () => panel.simulate({ type: 'loadSchema' }));
    assert.deepEqual(
      reread.view.tables.filter((t) => t.selected).map((t) => [t.quotedName, t.columns.filter((c) => c.selected).map((c) => c.quotedName)]),
      [
        ['[dbo].[Customers]', ['[CustomerId]', '[Name]', '[Email]']],
        ['[dbo].[Orders]', ['[OrderId]', '[OrderDate]']],
      ],
    );
    assert.equal(reread.view.masterSyncMemberName, 'replica');
    await nextPosted(panel, 'schemaSaved', () => panel.simulate({ type: 'saveSchema', selection }), 60_000);
    assert.equal(history(`Update schema of sync group ${name}`)?.status, 'succeeded');
    const saved = await clients.groups.get(syncGroupRefFromId(createdMsg.group.id));
    assert.equal(saved.properties?.schema?.masterSyncMemberName, 'replica');
    assert.deepEqual(
      saved.properties?.schema?.tables?.map((t) => [t.quotedName, t.columns?.map((c) => c.quotedName)]),
      [
        ['[dbo].[Customers]', ['[CustomerId]', '[Name]', '[Email]']],
        ['[dbo].[Orders]', ['[OrderId]', '[OrderDate]']],
      ],
      'primary keys are always included',
    );

    await panel.simulate({ type: 'stepShown', step: 'sync' });
    // The group syncs every 300 s: the schedule starts a sync as soon as the schema is saved, and the step says so.
    const notice = await waitFor('the scheduled sync notice', () => lastPosted(panel.posted, 'syncNotice'));
    assert.match(notice.text, /A scheduled sync of it-wizard started/);
    assert.ok(api.notices.shown.includes(notice.text), 'and as a notification');
    await panel.simulate({ type: 'triggerSync' });
    await waitFor(
      'the sync state to move to Progressing',
      () => panel.posted.some((m) => m.type === 'syncStatus' && m.group.syncState === 'Progressing'),
      20_000,
    );
    await screenshot('datasync-wizard-sync');
    await waitFor(
      'the sync to finish',
      () => {
        const s = lastPosted(panel.posted, 'syncStatus');
        return s && s.group.syncState !== 'Progressing' && s.group.syncState !== 'NotReady' ? s : undefined;
      },
      60_000,
    );
    const statuses = panel.posted.filter((m) => m.type === 'syncStatus');
    assert.ok(statuses.length >= 2, 'polled while on the step');
    await panel.simulate({ type: 'stepShown', step: 'members' });
    const count = panel.posted.filter((m) => m.type === 'syncStatus').length;
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(panel.posted.filter((m) => m.type === 'syncStatus').length, count, 'polling stops when leaving the step');

    // Reopening on the group reveals the same panel; opening at a step moves it there.
    const before = panel.posted.length;
    const again = await vscode.commands.executeCommand<SetupWizardPanel>(
      'sqlDataMovement.dataSync.openSetupWizard',
      { resourceId: createdMsg.group.id },
      'tables',
    );
    assert.equal(again, panel, 'the wizard that created the group is revealed');
    assert.equal(lastPosted(panel.posted, 'goto', before)?.step, 'tables');
    assert.deepEqual(panel.cspViolations, []);
    panel.dispose();
  });

  it('a failed add shows its error on the Members step at once, with the members list as it is now', async () => {
    const groupId = created.find((id) => id.endsWith('/it-wizard'))!;
    const panel = await openWizard(groupId, 'members');
    // A member added elsewhere meanwhile: the list the page gets after the failure must show it.
    await (
      await clients.members.beginCreateOrUpdate(
        { ...syncGroupRefFromId(groupId), syncMember: 'side' },
        {
          properties: {
            databaseType: 'AzureSqlDatabase',
            syncMemberAzureDatabaseResourceId: memberDatabaseId,
            serverName: `${memberDatabaseId.split('/')[8]}.database.windows.net`,
            databaseName: memberDatabaseId.split('/').at(-1),
            userName: 'sideadmin',
            password: MEMBER_PASSWORD,
            syncDirection: 'Bidirectional',
          },
        },
      )
    ).pollUntilDone({ minDelayMs: 50 });
    // A try and 5 retries, all refused (Retry-After 0 keeps it quick).
    await control.addFaults(JSON.stringify([{ kind: '503', count: 6, method: 'PUT', path: '/syncMembers/broken$', retryAfterSeconds: 0 }]));
    const from = panel.posted.length;
    await panel.simulate({ type: 'submitMember', form: memberForm('broken') });
    const failed = await waitFor('the error', () => lastPosted(panel.posted, 'error', from));
    assert.equal(failed.step, 'members');
    assert.match(failed.error.message, /./);
    const members = await waitFor('the members as they are now', () => lastPosted(panel.posted, 'members', panel.posted.indexOf(failed)));
    assert.deepEqual(members.members.map((m) => m.name).sort(), ['replica', 'side', 'store']);
    assert.equal(members.added, undefined, 'nothing was added');
    panel.dispose();
  });

  it('opens the wizard on an existing group at the right step', async () => {
    const panel = await openWizard(salesSyncId);
    const init = lastPosted(panel.posted, 'init')!;
    assert.equal(init.group?.name, 'sales-sync');
    assert.equal(init.step, 'sync', 'a group with members and a schema opens on the sync step');
    assert.ok(init.members.length >= 2);
    panel.dispose();
    const newGroup = `${salesSyncId.replace(/sales-sync$/, 'sales-new')}`;
    const fresh = await openWizard(newGroup);
    assert.equal(lastPosted(fresh.posted, 'init')!.step, 'members', 'a group without members opens on the members step');
    fresh.dispose();
  });

  it('the first-sync step stops reading while the wizard is hidden, reads again when shown, and stops when closed', async () => {
    const panel = await openWizard(salesSyncId);
    await waitFor('the sync step to watch the group', () => panel.watchingSync);
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await waitFor('the hidden wizard to stop reading', () => !panel.panel.visible && !panel.watchingSync);
    panel.reveal();
    await waitFor('reading again once shown', () => panel.panel.visible && panel.watchingSync);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the wizard to close', () => panel.isDisposed);
    assert.equal(panel.watchingSync, false, 'a closed wizard reads nothing');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('never posts a password to the page, never records it, and never logs it', async () => {
    const all = [...api.dataSyncWebviews.wizards.values()];
    const text = JSON.stringify(all.map((p) => [p.posted, p.received]));
    for (const secret of [HUB_PASSWORD, MEMBER_PASSWORD]) assert.ok(!text.includes(secret), 'no password in messages of open panels');
    // Panels opened above are disposed; check a fresh end-to-end recording too.
    const panel = await openWizard();
    const failed = await nextPosted(panel, 'fieldErrors', () => panel.simulate({ type: 'submitGroup', form: groupForm('bad name') }));
    assert.ok(failed);
    assert.ok(!JSON.stringify(panel.posted).includes(HUB_PASSWORD), 'posted messages carry no password');
    assert.ok(!JSON.stringify(panel.received).includes(HUB_PASSWORD), 'recorded messages are redacted');
    assert.match(JSON.stringify(panel.received), /<redacted>/);
    panel.dispose();
    const logs = outputLogs();
    for (const file of logs) {
      const content = fs.readFileSync(file, 'utf8');
      for (const secret of [HUB_PASSWORD, MEMBER_PASSWORD]) assert.ok(!content.includes(secret), `${file} has no password`);
    }
    console.log(`[sqldm] checked ${logs.length} output log file(s) for passwords`);
  });

  it('schema picker: tables with the reasons Data Sync cannot sync them, member drift, summary, save and refresh', async () => {
    const picker = await vscode.commands.executeCommand<SchemaPickerPanel>('sqlDataMovement.dataSync.chooseSchema', salesSyncId);
    const view = (await waitFor('the schema', () => lastPosted(picker.posted, 'schema'), 30_000)).view;
    const table = (n: string) => view.tables.find((t) => t.quotedName === n)!;
    assert.match(table('[dbo].[PriceHistory]').disabledReason ?? '', /no primary key/);
    assert.match(table('[dbo].[AuditLog]').disabledReason ?? '', /no primary key/);
    const orgNode = table('[dbo].[Employees]').columns.find((c) => c.name === 'OrgNode')!;
    assert.match(orgNode.disabledReason ?? '', /hierarchyid/);
    assert.equal(orgNode.typeLabel, 'hierarchyid', 'the type is shown without its storage size (892)');
    assert.match(table('[dbo].[Inventory]').columns.find((c) => c.name === 'RowVer')!.disabledReason ?? '', /rowversion/);
    assert.equal(table('[dbo].[Customers]').selected, true, 'the current schema is preselected');
    assert.deepEqual(view.members.sort(), ['replica-east', 'store-backoffice']);
    assert.equal(view.masterSyncMemberName, 'replica-east');
    const summary = await waitFor('a summary', async () => {
      const from = picker.posted.length;
      await picker.simulate({
        type: 'selectionChanged',
        selection: {
          tables: [
            { quotedName: '[dbo].[Customers]', columns: ['[Name]'] },
            { quotedName: '[dbo].[PriceHistory]', columns: [] },
          ],
        },
      });
      return lastPosted(picker.posted, 'summary', from);
    });
    assert.ok(summary.summary.removedTables.includes('[dbo].[Orders]'));
    assert.ok(summary.summary.removedColumns.includes('[dbo].[Customers].[Email]'));
    assert.match(summary.summary.errors.join(' '), /PriceHistory.*no primary key/);
    const again = await vscode.commands.executeCommand<SchemaPickerPanel>('sqlDataMovement.dataSync.chooseSchema', {
      resourceId: salesSyncId,
    });
    assert.equal(again, picker, 'reopening reveals the same panel');
    // Member schemas: refreshed on demand (tracked operations), then compared with the hub's.
    const fromMembers = picker.posted.length;
    await picker.simulate({ type: 'refreshMemberSchemas' });
    const compared = (
      await waitFor('the schema compared with refreshed members', () => lastPosted(picker.posted, 'schema', fromMembers), 60_000)
    ).view;
    assert.equal(history('Refresh schema of member replica-east')?.status, 'succeeded');
    assert.equal(compared.memberErrors['replica-east'], undefined, JSON.stringify(compared.memberErrors));
    await screenshot('datasync-schema-picker');
    assert.deepEqual(picker.cspViolations, []);
    picker.dispose();

    // Save and refresh on the group this suite created.
    const mine = created.find((id) => id.endsWith('/it-wizard'))!;
    const own = await vscode.commands.executeCommand<SchemaPickerPanel>('sqlDataMovement.dataSync.chooseSchema', mine);
    await waitFor('its schema', () => lastPosted(own.posted, 'schema'), 30_000);
    const from = own.posted.length;
    await own.simulate({
      type: 'save',
      selection: { tables: [{ quotedName: '[dbo].[Products]', columns: ['[Name]'] }], masterSyncMemberName: 'replica' },
    });
    await waitFor('saved', () => lastPosted(own.posted, 'saved', from), 60_000);
    const g = await clients.groups.get(syncGroupRefFromId(mine));
    assert.deepEqual(
      g.properties?.schema?.tables?.map((t) => t.quotedName),
      ['[dbo].[Products]'],
    );
    const refreshFrom = own.posted.length;
    await own.simulate({ type: 'refreshHubSchema' });
    await waitFor('the schema read again after the refresh', () => lastPosted(own.posted, 'schema', refreshFrom), 60_000);
    assert.equal(api.operations.tracker.list().history.filter((r) => r.title === 'Refresh hub schema of it-wizard').length, 2);
    own.dispose();
  });

  it('sync logs: filter by type and range, load more pages, export CSV and JSON', async () => {
    // More entries push sales-sync (49 seeded) past one page (50): run two syncs to the end.
    const ref = syncGroupRefFromId(salesSyncId);
    for (let i = 0; i < 2; i++) {
      await clients.groups.triggerSync(ref);
      await waitFor(
        'sales-sync to finish its sync',
        async () => (await clients.groups.get(ref)).properties?.syncState !== 'Progressing',
        60_000,
      );
    }

    const panel = await vscode.commands.executeCommand<SyncLogsPanel>('sqlDataMovement.dataSync.viewLogs', salesSyncId);
    const first = await waitFor('the first page', () => lastPosted(panel.posted, 'entries'), 30_000);
    assert.equal(first.entries.length, 50, 'one page');
    assert.equal(first.hasMore, true);
    const fromMore = panel.posted.length;
    await panel.simulate({ type: 'loadMore' });
    const more = await waitFor('the next page', () => lastPosted(panel.posted, 'entries', fromMore));
    assert.equal(more.append, true);
    assert.ok(more.total > 50, `total ${more.total}`);
    assert.equal(more.hasMore, false);
    await screenshot('datasync-sync-logs');

    const fromErr = panel.posted.length;
    await panel.simulate({ type: 'query', range: { preset: 'last7Days' }, logType: 'Warning' });
    const warnings = await waitFor('warnings only', () => lastPosted(panel.posted, 'entries', fromErr));
    assert.ok(
      warnings.entries.length > 0 && warnings.entries.every((e) => e.type === 'Warning'),
      JSON.stringify(warnings.entries.map((e) => e.type)),
    );

    const fromHour = panel.posted.length;
    await panel.simulate({ type: 'query', range: { preset: 'lastHour' }, logType: 'All' });
    const hour = await waitFor('the last hour', () => lastPosted(panel.posted, 'entries', fromHour));
    assert.ok(hour.entries.length < more.total);

    const fromBad = panel.posted.length;
    await panel.simulate({ type: 'query', range: { start: '2026-05-02T00:00Z', end: '2026-05-01T00:00Z' }, logType: 'All' });
    assert.match((await waitFor('a range error', () => lastPosted(panel.posted, 'rangeError', fromBad))).message, /after the start/);
    const fromEmpty = panel.posted.length;
    await panel.simulate({ type: 'query', range: { start: '', end: '2026-05-01T00:00Z' }, logType: 'All' });
    assert.equal(
      (await waitFor('a required error', () => lastPosted(panel.posted, 'rangeError', fromEmpty))).message,
      'Start time is required.',
    );

    await panel.simulate({ type: 'query', range: { preset: 'last7Days' }, logType: 'All' });
    await waitFor('all entries again', () => panel.entries.length === 50 || undefined);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-logs-'));
    panel.exportTarget = (_default, format) => Promise.resolve(vscode.Uri.file(path.join(dir, `logs.${format}`)));
    await panel.simulate({ type: 'export', format: 'csv' });
    await panel.simulate({ type: 'export', format: 'json' });
    const csv = fs.readFileSync(path.join(dir, 'logs.csv'), 'utf8');
    assert.ok(csv.startsWith('timestamp,type,source,details,operationStatus,tracingId\r\n'));
    assert.equal(csv.trimEnd().split('\r\n').length, 51);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'logs.json'), 'utf8')) as { count: number; type: string };
    assert.equal(json.count, 50);
    assert.equal(json.type, 'All');
    assert.ok(lastPosted(panel.posted, 'exported'));
    assert.deepEqual(panel.cspViolations, []);
    panel.dispose();
  });

  /** What the three panels share, as the deletion tests use it. */
  type AnyPanel = {
    posted: Array<PanelNotice | { type: 'other' }>;
    isGone: boolean;
    isDisposed: boolean;
    panel: vscode.WebviewPanel;
    simulate(m: PanelRequest): Promise<void>;
  };
  const anyPanel = (p: SetupWizardPanel | SchemaPickerPanel | SyncLogsPanel): AnyPanel => p as unknown as AnyPanel;

  it('reopens the log, schema and wizard tabs after a window reload from the state their pages kept, never a password', async () => {
    const pkg = vscode.extensions.getExtension('sql-data-movement.azure-sql-data-movement')!.packageJSON as { activationEvents: string[] };
    for (const viewType of [SyncLogsPanel.viewType, SchemaPickerPanel.viewType, SetupWizardPanel.viewType])
      assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${viewType}`), `activates to restore ${viewType}`);
    /** What VS Code does after a reload: a fresh tab of the view type, handed to its serializer with the kept state. */
    const reopen = (viewType: string, state: unknown) => {
      const tab = vscode.window.createWebviewPanel(viewType, 'restored', vscode.ViewColumn.Active, { enableScripts: true });
      const panel = api.dataSyncWebviews.restore(viewType, tab, state);
      assert.ok(panel, `${viewType} reopened`);
      assert.equal((panel as unknown as { panel: vscode.WebviewPanel }).panel, tab, 'in the tab VS Code restored');
      return panel;
    };
    const keptState = (panel: SetupWizardPanel | SchemaPickerPanel | SyncLogsPanel, what: (state: unknown) => boolean) =>
      waitFor('the state the page keeps', () => {
        const kept = lastPosted(anyPanel(panel).posted, 'keepState');
        return kept && what(kept.state) ? kept.state : undefined;
      });

    // Sync logs: the group and the filters in use.
    const logs = await vscode.commands.executeCommand<SyncLogsPanel>('sqlDataMovement.dataSync.viewLogs', salesSyncId);
    await waitFor('the logs', () => lastPosted(logs.posted, 'entries'), 30_000);
    await logs.simulate({ type: 'query', range: { preset: 'last24Hours' }, logType: 'Warning' });
    const logsState = await keptState(logs, (st) => JSON.stringify(st).includes('Warning'));
    assert.deepEqual(logsState, { groupId: salesSyncId, filters: { range: { preset: 'last24Hours' }, logType: 'Warning' } });
    logs.dispose();
    const restoredLogs = reopen(SyncLogsPanel.viewType, logsState) as SyncLogsPanel;
    assert.equal(api.dataSyncWebviews.syncLogs.get(salesSyncId.toLowerCase()), restoredLogs);
    const restoredInit = await waitFor('the restored page', () => lastPosted(restoredLogs.posted, 'init'), 30_000);
    assert.deepEqual(restoredInit.filters, { range: { preset: 'last24Hours' }, logType: 'Warning' });
    // The page puts the filters back and queries with them.
    const query = await waitFor('the query of the restored page', () => restoredLogs.received.find((m) => m.type === 'query'), 30_000);
    assert.deepEqual(query, { type: 'query', range: { preset: 'last24Hours' }, logType: 'Warning' });
    restoredLogs.dispose();

    // Schema picker: the group.
    const picker = await vscode.commands.executeCommand<SchemaPickerPanel>('sqlDataMovement.dataSync.chooseSchema', salesSyncId);
    const pickerState = await keptState(picker, () => true);
    assert.deepEqual(pickerState, { groupId: salesSyncId });
    picker.dispose();
    const restoredPicker = reopen(SchemaPickerPanel.viewType, pickerState) as SchemaPickerPanel;
    await waitFor('the restored schema', () => lastPosted(restoredPicker.posted, 'schema'), 30_000);
    restoredPicker.dispose();

    // Wizard: the group and the step; a form with a password never reaches the kept state.
    const wizard = await openWizard(salesSyncId, 'members');
    await wizard.simulate({ type: 'stepShown', step: 'refresh' });
    await wizard.simulate({ type: 'submitGroup', form: groupForm('bad name') });
    const wizardState = await keptState(wizard, (st) => JSON.stringify(st).includes('refresh'));
    assert.deepEqual(wizardState, { target: { kind: 'syncGroup', id: salesSyncId }, groupId: salesSyncId, step: 'refresh' });
    assert.ok(!JSON.stringify(wizard.posted).includes(HUB_PASSWORD));
    wizard.dispose();
    const restoredWizard = reopen(SetupWizardPanel.viewType, wizardState) as SetupWizardPanel;
    const init = await waitFor('the restored wizard', () => lastPosted(restoredWizard.posted, 'init'), 30_000);
    assert.equal(init.step, 'refresh');
    assert.equal(init.group?.name, 'sales-sync');
    restoredWizard.dispose();

    // A state that does not fit reopens nothing for a group view, and an empty wizard for the wizard.
    const junk = vscode.window.createWebviewPanel(SyncLogsPanel.viewType, 'junk', vscode.ViewColumn.Active, {});
    let closed = false;
    junk.onDidDispose(() => (closed = true));
    assert.equal(api.dataSyncWebviews.restore(SyncLogsPanel.viewType, junk, { groupId: '../../etc' }), undefined);
    assert.ok(closed, 'the unusable tab is closed');
    const empty = reopen(SetupWizardPanel.viewType, { step: 'nonsense', groupId: 42 }) as SetupWizardPanel;
    assert.equal((await waitFor('the empty wizard', () => lastPosted(empty.posted, 'init'), 30_000)).step, 'group');
    empty.dispose();
  });

  async function createGroup(name: string): Promise<string> {
    const ref = { ...syncGroupRefFromId(`${hub.databaseId}/syncGroups/${name}`) };
    const poller = await clients.groups.beginCreateOrUpdate(ref, {
      properties: {
        interval: 300,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId,
        hubDatabaseUserName: 'hubadmin',
        hubDatabasePassword: HUB_PASSWORD,
      },
    });
    await poller.pollUntilDone({ minDelayMs: 50, maxDelayMs: 500 });
    const id = `${hub.databaseId}/syncGroups/${name}`;
    created.push(id);
    return id;
  }

  it('says a group deleted by a tracked operation is gone in its open wizard, schema and log tabs, keeping them open', async () => {
    const id = await createGroup('it-gone');
    const wizard = await openWizard(id, 'members');
    // Each page loads while its tab is in front (a webview never shown never loads).
    const picker = await vscode.commands.executeCommand<SchemaPickerPanel>('sqlDataMovement.dataSync.chooseSchema', id);
    await waitFor('the schema', () => lastPosted(picker.posted, 'schema') ?? lastPosted(picker.posted, 'error'), 30_000);
    const logs = await vscode.commands.executeCommand<SyncLogsPanel>('sqlDataMovement.dataSync.viewLogs', id);
    await waitFor('the logs', () => lastPosted(logs.posted, 'entries'), 30_000);
    await (
      await deleteGroup(api.dataSync, id)
    ).result;
    for (const panel of [wizard, picker, logs].map(anyPanel)) {
      const gone = await waitFor('the panel to say the group is gone', () => lastPosted(panel.posted, 'resourceGone'));
      assert.match(gone.text, /Sync group it-gone was deleted \(Delete sync group it-gone\)/);
      assert.equal(panel.isGone, true);
      assert.equal(panel.isDisposed, false, 'the tab stays open: the user may have unsaved input');
      assert.match(panel.panel.title, /\(deleted\)$/);
    }
    await screenshot('datasync-group-gone');
    // Nothing more goes to Azure for it; a reloaded page hears again that the group is gone.
    const from = logs.posted.length;
    await logs.simulate({ type: 'query', range: { preset: 'lastHour' }, logType: 'All' });
    assert.deepEqual(logs.posted.slice(from), []);
    await logs.simulate({ type: 'ready' });
    assert.equal(lastPosted(logs.posted, 'resourceGone', from)?.type, 'resourceGone');
    // The banner's Close button closes the tab.
    for (const panel of [wizard, picker, logs].map(anyPanel)) {
      await panel.simulate({ type: 'closePanel' });
      assert.equal(panel.isDisposed, true);
    }
    assert.equal(api.dataSyncWebviews.syncLogs.size, 0);
  });

  it('says a group deleted elsewhere (a 404 from a call of the panel) is gone', async () => {
    const id = await createGroup('it-gone-404');
    const logs = await vscode.commands.executeCommand<SyncLogsPanel>('sqlDataMovement.dataSync.viewLogs', id);
    await waitFor('the logs', () => lastPosted(logs.posted, 'entries'), 30_000);
    // Deleted the way the portal would: no operation of this extension sees it.
    await (await clients.groups.beginDelete(syncGroupRefFromId(id))).pollUntilDone({ minDelayMs: 50, maxDelayMs: 500 });
    const from = logs.posted.length;
    await logs.simulate({ type: 'query', range: { preset: 'last7Days' }, logType: 'All' });
    assert.equal(lastPosted(logs.posted, 'error', from)?.error.status, 404);
    const gone = await waitFor('the panel to say the group is gone', () => lastPosted(logs.posted, 'resourceGone', from));
    assert.match(gone.text, /it-gone-404 no longer exists in Azure/);
    assert.equal(logs.isDisposed, false);
    logs.dispose();
  });

  it('refuses a malformed page message, and shows a failing handler in the page (a log query while signed out)', async () => {
    const panel = await vscode.commands.executeCommand<SyncLogsPanel>('sqlDataMovement.dataSync.viewLogs', salesSyncId);
    await waitFor('the first page', () => lastPosted(panel.posted, 'entries'), 30_000);
    const before = { posted: panel.posted.length, received: panel.received.length };
    await panel.simulate({ type: 'dropTables' } as unknown as FromSyncLogs);
    await panel.simulate({ type: 'query', range: { preset: 'lastHour' } } as unknown as FromSyncLogs);
    assert.equal(panel.refused.length, 2, JSON.stringify(panel.refused));
    assert.match(panel.refused[0], /unknown message type "dropTables"/);
    assert.match(panel.refused[1], /logType/);
    assert.equal(panel.received.length, before.received, 'a refused message reaches no handler');
    assert.equal(panel.posted.length, before.posted, 'nothing was done for it');
    assert.ok(panel.logged.some((l) => /refused a message from the page: unknown message type "dropTables"/.test(l)));

    await vscode.commands.executeCommand('sqlDataMovement.chooseEnvironment', 'AzureCloud');
    let signedOutAt = panel.posted.length;
    try {
      const from = panel.posted.length;
      // Resolves (no unhandled rejection), with the error in the page.
      await panel.simulate({ type: 'query', range: { preset: 'lastHour' }, logType: 'All' });
      const shown = await waitFor('the error in the page', () => lastPosted(panel.posted, 'panelError', from));
      assert.equal(shown.error.code, 'NotSignedInError');
      assert.match(shown.error.message, /Sign in, or start the local emulator/);
      assert.ok(
        panel.logged.some((l) => /NotSignedInError/.test(l)),
        JSON.stringify(panel.logged),
      );
    } finally {
      signedOutAt = panel.posted.length;
      await vscode.commands.executeCommand('sqlDataMovement.startEmulator');
    }
    // Signed in again, the failed read runs again by itself (as after a window reload, when a restored
    // tab loads before the sign-in is back), and the page hides the old error.
    const again = await waitFor('entries again', () => lastPosted(panel.posted, 'entries', signedOutAt), 30_000);
    assert.equal(Date.parse(again.endTime) - Date.parse(again.startTime), 3600_000, 'the last hour, as the failed query asked');
    assert.ok(lastPosted(panel.posted, 'clearPanelError', signedOutAt));
    const query = panel.received.filter((m) => m.type === 'query').at(-1);
    assert.deepEqual(
      query,
      { type: 'query', range: { preset: 'lastHour' }, logType: 'All' },
      'the same query, not a new one from the page',
    );
    panel.dispose();
  });
});
