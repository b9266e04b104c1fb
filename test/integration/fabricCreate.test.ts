// The Create Mirrored Database wizard and the readiness checks in the real VS Code against the emulator:
// the wizard driven end to end through its message protocol (the handler the page's messages reach), a
// refused create keeping every field, and "Check Mirroring Readiness" with a failing identity check
// fixed from the report's list of fixes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { ReadinessRun } from '../../src/fabric/commands/readinessCommands';
import type { CreateWizardPanel } from '../../src/fabric/webviews/createWizardPanel';
import type { CreateForm, ToCreateWizard } from '../../src/fabric/webviews/protocol/createWizard';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';

type Posted<K extends ToCreateWizard['type']> = Extract<ToCreateWizard, { type: K }>;

/** The last message of `type` posted from index `from` (the panel may also post its own notices). */
function lastPosted<K extends ToCreateWizard['type']>(posted: ReadonlyArray<{ type: string }>, type: K, from = 0): Posted<K> | undefined {
  for (let i = posted.length - 1; i >= from; i--) if (posted[i].type === type) return posted[i] as Posted<K>;
  return undefined;
}

describe('Fabric create wizard and readiness (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();
  let sales: string;
  let retailOpsConnection: string;
  let archiveConnection: string;
  let weuServerId: string;
  const createdItems: Array<{ workspaceId: string; id: string }> = [];

  const setServerIdentity = async (type: 'None' | 'SystemAssigned') => {
    await control.call('POST', '/serverIdentity', { serverId: weuServerId, type });
  };

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    api.userInput.use(script);
    const fabric = api.fabric.clients();
    sales = (await fabric.workspaces.list().toArray()).find((w) => w.displayName === 'Sales Analytics')!.id!;
    for (const s of await fabric.subscriptions.list().toArray())
      for (const server of await fabric.servers.listServers(s.subscriptionId!).toArray())
        if (server.name === 'contoso-sales-weu') weuServerId = server.id!;
    assert.ok(weuServerId, 'contoso-sales-weu exists');
    // The server starts without an identity in the demo seed; make sure of it whatever ran before.
    await setServerIdentity('None');
  });
  after(async () => {
    api.userInput.use(undefined);
    for (const p of [...api.fabricCreateWizards.open]) p.dispose();
    const fabric = api.fabric.clients();
    for (const item of createdItems)
      await fabric.mirroredDatabases.delete({ workspaceId: item.workspaceId, mirroredDatabaseId: item.id }).catch(() => undefined);
    // Leave the estate as seeded: no identity on contoso-sales-weu, no role for it in Sales Analytics.
    const principal = (await fabric.servers.listServers(weuServerId.split('/')[2]).toArray()).find((s) => s.id === weuServerId)?.identity
      ?.principalId as string | undefined;
    if (principal) {
      const list = (await fabric.fabric.json<{ value: Array<{ id: string; principal: { id: string } }> }>({
        operationName: 'cleanup',
        method: 'GET',
        url: `/workspaces/${sales}/roleAssignments`,
      })) ?? { value: [] };
      for (const r of list.value.filter((a) => a.principal.id === principal))
        await fabric.fabric.send({ operationName: 'cleanup', method: 'DELETE', url: `/workspaces/${sales}/roleAssignments/${r.id}` });
    }
    await setServerIdentity('None');
  });

  async function openWizard(arg?: unknown): Promise<CreateWizardPanel> {
    const panel = await vscode.commands.executeCommand<CreateWizardPanel>('sqlDataMovement.fabric.createMirroredDatabase', arg);
    await waitFor('the wizard page to load', () => lastPosted(panel.posted, 'init'), 30_000);
    return panel;
  }

  async function nextPosted<K extends ToCreateWizard['type']>(
    panel: CreateWizardPanel,
    type: K,
    action: () => Promise<void>,
  ): Promise<Posted<K>> {
    const from = panel.posted.length;
    await action();
    return waitFor(`the wizard to post "${type}"`, () => lastPosted(panel.posted, type, from), 30_000);
  }

  const form = (o: Partial<CreateForm> = {}): CreateForm => ({
    workspaceId: sales,
    displayName: 'IT RetailOps orders',
    description: 'Created by the wizard',
    connectionId: retailOpsConnection,
    mode: 'tables',
    tables: [
      { schema: 'dbo', table: 'Orders' },
      { schema: 'dbo', table: 'Customers' },
    ],
    defaultSchema: 'dbo',
    retentionInDays: '7',
    ...o,
  });

  it('opens on a workspace node, lists SQL connections with server and database, and marks unmirrorable tables', async () => {
    const panel = await openWizard({ workspaceId: sales, workspaceName: 'Sales Analytics' });
    const init = lastPosted(panel.posted, 'init')!;
    assert.equal(init.workspaceId, sales, 'the workspace comes from the node');
    assert.ok(init.workspaces.some((w) => w.label === 'Sales Analytics' && w.value === sales));
    const connections = await nextPosted(panel, 'connections', () => panel.simulate({ type: 'loadConnections' }));
    const retail = connections.items.find((c) => c.server === 'fabrikam-bi-sea' && c.database === 'RetailOps');
    const archive = connections.items.find((c) => c.server === 'contoso-sales-weu' && c.database === 'SalesArchive');
    assert.ok(retail && archive, JSON.stringify(connections.items.slice(0, 5)));
    retailOpsConnection = retail.id;
    archiveConnection = archive.id;
    const firstOther = connections.items.findIndex((c) => !c.database);
    assert.ok(firstOther === -1 || connections.items.slice(firstOther).every((c) => !c.database), 'SQL connections first');

    const tables = await nextPosted(panel, 'tables', () => panel.simulate({ type: 'loadTables', connectionId: retailOpsConnection }));
    const by = new Map(tables.tables.map((t) => [`${t.schema}.${t.name}`, t]));
    assert.equal(by.get('dbo.Orders')?.status, 'mirrorable');
    assert.equal(by.get('dbo.SessionCache')?.status, 'notMirrorable');
    assert.match(by.get('dbo.SessionCache')?.reason ?? '', /Memory-optimized/);
    assert.equal(by.get('dbo.PriceListHistory')?.status, 'notMirrorable');
    assert.equal(by.get('sales.Shipments')?.status, 'checkKey');
    assert.deepEqual(panel.cspViolations, []);
    assert.ok(!JSON.stringify(panel.posted).includes('InlineBase64'), 'no request body or payload goes to the page');
    await screenshot('fabric-create-wizard-open');
    panel.dispose();
  });

  it('keeps every field when a create is refused, and shows each error next to its field', async () => {
    const panel = await openWizard();
    await nextPosted(panel, 'connections', () => panel.simulate({ type: 'loadConnections' }));
    await nextPosted(panel, 'tables', () => panel.simulate({ type: 'loadTables', connectionId: retailOpsConnection }));
    const before = (await api.fabric.clients().mirroredDatabases.list(sales).toArray()).length;

    const bad = form({ displayName: ' ', retentionInDays: '45', defaultSchema: '' });
    const errors = await nextPosted(panel, 'fieldErrors', () => panel.simulate({ type: 'create', form: bad }));
    assert.match(errors.errors.displayName ?? '', /Enter a name/);
    assert.match(errors.errors.retentionInDays ?? '', /between 1 and 30/);
    assert.match(errors.errors.defaultSchema ?? '', /default schema/);
    assert.deepEqual(panel.draft, bad, 'the submitted form is kept as typed');

    const taken = await nextPosted(panel, 'fieldErrors', () =>
      panel.simulate({ type: 'create', form: form({ displayName: 'RetailOps mirror' }) }),
    );
    assert.match(taken.errors.displayName ?? '', /already has a mirrored database named "RetailOps mirror"/);

    const unmirrorable = form({ tables: [{ schema: 'dbo', table: 'SessionCache' }] });
    const tableError = await nextPosted(panel, 'fieldErrors', () => panel.simulate({ type: 'create', form: unmirrorable }));
    assert.match(tableError.errors.tables ?? '', /dbo\.SessionCache \(Memory-optimized/);
    assert.equal(lastPosted(panel.posted, 'created'), undefined);

    // A page that reloads comes back with what was typed.
    const init = await nextPosted(panel, 'init', () => panel.simulate({ type: 'ready' }));
    assert.deepEqual(init.draft, unmirrorable);
    assert.equal((await api.fabric.clients().mirroredDatabases.list(sales).toArray()).length, before, 'nothing created');
    panel.dispose();
  });

  it('walks the wizard end to end: readiness, create with the chosen tables, then offers to start', async () => {
    const panel = await openWizard({ workspaceId: sales });
    await nextPosted(panel, 'connections', () => panel.simulate({ type: 'loadConnections' }));
    await nextPosted(panel, 'tables', () => panel.simulate({ type: 'loadTables', connectionId: retailOpsConnection }));
    const readiness = await nextPosted(panel, 'readiness', () => panel.simulate({ type: 'runReadiness', form: form() }));
    const status = Object.fromEntries(readiness.checks.map((c) => [c.id, c.status]));
    assert.deepEqual(
      { serverIdentity: status.serverIdentity, workspaceRole: status.workspaceRole, tier: status.tier, tables: status.tables },
      { serverIdentity: 'pass', workspaceRole: 'pass', tier: 'pass', tables: 'pass' },
    );
    assert.equal(status.sqlPermissions, 'manual', 'what no API shows is never claimed as passed');
    assert.equal(readiness.ready, true);

    const created = await nextPosted(panel, 'created', () => panel.simulate({ type: 'create', form: form() }));
    createdItems.push({ workspaceId: sales, id: created.item.id });
    assert.equal(created.item.displayName, 'IT RetailOps orders');
    const item = await api.fabric.clients().mirroredDatabases.get({ workspaceId: sales, mirroredDatabaseId: created.item.id });
    assert.equal(item.description, 'Created by the wizard');
    const def = await (
      await api.fabric.clients().mirroredDatabases.beginGetDefinition({ workspaceId: sales, mirroredDatabaseId: created.item.id })
    ).pollUntilDone({ minDelayMs: 50, maxDelayMs: 500 });
    const doc = JSON.parse(
      Buffer.from(def.definition.parts.find((p) => p.path === 'mirroring.json')!.payload, 'base64').toString('utf8'),
    ) as {
      properties: { mountedTables: unknown[]; target: { typeProperties: Record<string, unknown> } };
    };
    assert.deepEqual(doc.properties.mountedTables, [
      { source: { typeProperties: { schemaName: 'dbo', tableName: 'Orders' } } },
      { source: { typeProperties: { schemaName: 'dbo', tableName: 'Customers' } } },
    ]);
    assert.equal(doc.properties.target.typeProperties.retentionInDays, 7);
    const op = api.operations.tracker.list().history.find((r) => r.title === 'Create mirrored database IT RetailOps orders');
    assert.equal(op?.status, 'succeeded', 'the create went through the operations center');

    const registered = (await vscode.commands.getCommands(true)).includes('sqlDataMovement.fabric.startMirroring');
    assert.equal(created.startAvailable, registered);
    if (!registered) {
      const howTo = await nextPosted(panel, 'startResult', () => panel.simulate({ type: 'startMirroring' }));
      assert.match(howTo.text, /startMirroring/, 'says how to start it');
      // With a start command registered, the wizard runs it on the new item once it is no longer Initializing.
      const calls: unknown[] = [];
      const stand = vscode.commands.registerCommand('sqlDataMovement.fabric.startMirroring', (arg: unknown) => {
        calls.push(arg);
      });
      try {
        const started = await nextPosted(panel, 'startResult', () => panel.simulate({ type: 'startMirroring' }));
        assert.match(started.text, /Asked to start mirroring IT RetailOps orders/);
        assert.deepEqual(calls, [{ workspaceId: sales, itemId: created.item.id, displayName: 'IT RetailOps orders' }]);
        const status = await api.fabric
          .clients()
          .mirroredDatabases.getMirroringStatus({ workspaceId: sales, mirroredDatabaseId: created.item.id });
        assert.notEqual(status.status, 'Initializing', 'started only after initializing');
      } finally {
        stand.dispose();
      }
    }
    await screenshot('fabric-create-wizard-created');
    panel.dispose();
  });

  it('Check Mirroring Readiness shows a failing identity check and applies its fix from the list', async () => {
    // A mirrored database of SalesArchive (contoso-sales-weu, no identity), created through the wizard.
    const panel = await openWizard({ workspaceId: sales });
    await nextPosted(panel, 'connections', () => panel.simulate({ type: 'loadConnections' }));
    const created = await nextPosted(panel, 'created', () =>
      panel.simulate({
        type: 'create',
        form: form({ displayName: 'IT archive', connectionId: archiveConnection, mode: 'database', tables: [] }),
      }),
    );
    createdItems.push({ workspaceId: sales, id: created.item.id });
    panel.dispose();

    script.script({ title: /fix\(es\) available/, answer: 'Turn on the managed identity of contoso-sales-weu' });
    const run = await vscode.commands.executeCommand<ReadinessRun | undefined>('sqlDataMovement.fabric.checkReadiness', {
      workspaceId: sales,
      itemId: created.item.id,
      displayName: 'IT archive',
    });
    assert.equal(script.remaining, 0, `asked: ${script.asked.join(' | ')}`);
    assert.ok(run, `the command ran: ${api.errors.shown.map((e) => e.text).join('; ')}`);
    const identity = run.result.checks.find((c) => c.id === 'serverIdentity')!;
    assert.equal(identity.status, 'fail');
    assert.ok(identity.fix);
    assert.equal(run.result.ready, false);
    assert.equal(run.applied?.kind, 'enableServerIdentity');
    const op = api.operations.tracker.list().history.find((r) => r.title === 'Enable the managed identity of contoso-sales-weu');
    assert.equal(op?.status, 'succeeded', 'the PATCH was tracked by the operations center');
    assert.equal(run.after?.checks.find((c) => c.id === 'serverIdentity')?.status, 'pass');
    const role = run.after?.checks.find((c) => c.id === 'workspaceRole');
    assert.equal(role?.status, 'fail');
    assert.equal(role?.fix?.action.kind, 'grantWorkspaceRole', 'the next fix is offered');
    // The read-only report shows the checks as they are after the fix.
    // VS Code re-reads a changed virtual document asynchronously.
    const report = await waitFor('the report to show the checks after the fix', async () => {
      const text = (await vscode.workspace.openTextDocument(run.document)).getText();
      return /## ✓ Managed identity of server contoso-sales-weu/.test(text) ? text : undefined;
    });
    assert.match(report, /## ✗ Workspace role of contoso-sales-weu's identity/);
    assert.match(report, /## ☐ check yourself SQL permissions/);
    assert.match(report, /ALTER ANY EXTERNAL MIRROR/);
    await screenshot('fabric-readiness-report');
  });

  it('Check Mirroring Readiness from the palette asks for the workspace and the mirrored database', async () => {
    script.script(
      { title: /Choose a Fabric workspace/, answer: 'Sales Analytics' },
      { title: /Choose a mirrored database in Sales Analytics/, answer: 'RetailOps mirror' },
    );
    const run = await vscode.commands.executeCommand<ReadinessRun | undefined>('sqlDataMovement.fabric.checkReadiness');
    assert.equal(script.remaining, 0, `asked: ${script.asked.join(' | ')}`);
    assert.ok(run, api.errors.shown.map((e) => e.text).join('; '));
    assert.equal(run.input.server, 'fabrikam-bi-sea');
    assert.equal(run.input.tables?.length, 8, "the item's mounted tables");
    const tables = run.result.checks.find((c) => c.id === 'tables');
    assert.equal(tables?.status, 'fail');
    assert.ok(tables?.tables?.some((t) => t.name === 'PriceListHistory' && t.status === 'notMirrorable'));
    assert.equal(run.applied, undefined, 'no fix offered, none applied');
  });

  it('applies the role fix from the wizard and the check passes', async () => {
    const panel = await openWizard({ workspaceId: sales });
    await nextPosted(panel, 'connections', () => panel.simulate({ type: 'loadConnections' }));
    const f = form({ displayName: 'IT archive 2', connectionId: archiveConnection, mode: 'database', tables: [] });
    const before = await nextPosted(panel, 'readiness', () => panel.simulate({ type: 'runReadiness', form: f }));
    const role = before.checks.find((c) => c.id === 'workspaceRole')!;
    assert.equal(role.status, 'fail');
    assert.ok(role.fix);
    const fixId = role.fix.fixId;
    const from = panel.posted.length;
    await panel.simulate({ type: 'applyFix', fixId, form: f });
    await waitFor('the fix to be applied', () => lastPosted(panel.posted, 'fixApplied', from));
    const after = await waitFor('the checks to run again', () => lastPosted(panel.posted, 'readiness', from));
    assert.equal(after.checks.find((c) => c.id === 'workspaceRole')?.status, 'pass');
    assert.equal(lastPosted(panel.posted, 'error', from), undefined);
    panel.dispose();
  });
});
