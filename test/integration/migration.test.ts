// Data Sync → Fabric migration assistant in the real VS Code against the emulator: the plan opens as a
// document, the user confirms, picks workspace, connection and name, the readiness checks run, and the
// mirrored database is created and started beside the sync group; the checklist ends the flow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { MigrationRun } from '../../src/migration/commands/migrateToFabricCommand';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator } from './support/emulator';
import { activateExtension } from './support/extension';

describe('Data Sync → Fabric migration assistant (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  const script = new ScriptedUserInput();
  let groupId = '';

  const run = async (...args: unknown[]): Promise<MigrationRun | undefined> => {
    const before = api.errors.shown.length;
    const result = await vscode.commands.executeCommand<MigrationRun | undefined>('sqlDataMovement.dataSync.migrateToFabric', ...args);
    assert.deepEqual(
      api.errors.shown.slice(before).map((e) => e.text),
      [],
    );
    assert.equal(script.remaining, 0, `every scripted answer was used (asked: ${script.asked.join(' | ')})`);
    return result;
  };
  const openText = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText() ?? '';

  before(async () => {
    api = await activateExtension();
    await useEmulator(api);
    api.userInput.use(script);
    const { subscriptions, servers, groups } = api.dataSync.clients();
    for (const s of await subscriptions.list().toArray())
      for (const server of await servers.listServers(s.subscriptionId ?? '').toArray()) {
        const ref = { subscriptionId: s.subscriptionId ?? '', resourceGroup: (server.id ?? '').split('/')[4], server: server.name ?? '' };
        for (const db of await servers.listDatabases(ref).toArray())
          for (const g of await groups.list({ ...ref, database: db.name ?? '' }).toArray())
            if (g.name === 'sales-sync') groupId = g.id ?? '';
      }
    assert.ok(groupId, 'the demo estate has sales-sync');
  });
  after(() => api.userInput.use(undefined));

  it('shows the plan and creates nothing when the user does not continue', async () => {
    script.script({ title: /Create a mirrored database of/, answer: false });
    const result = await run({ resourceId: groupId });
    assert.ok(result);
    assert.equal(result.created, undefined);
    const text = openText(result.planDocument);
    assert.match(text, /# Move sync group sales-sync to Fabric mirroring/);
    assert.match(text, /replica-east.*✗ no equivalent/);
    assert.match(text, /store-backoffice.*only through the hub/);
    assert.match(text, /"mountedTables"/);
  });

  it('refuses a typed connection id that is not a GUID, naming what is wrong', async () => {
    script.script(
      { title: /Create a mirrored database of/, answer: true },
      { title: /workspace/i, answer: 'Sales Analytics' },
      { title: /Source connection/, answer: 'Enter a connection id' },
      { title: /Fabric connection id/, answer: 'not-a-guid' },
    );
    const before = api.errors.shown.length;
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.migrateToFabric', { resourceId: groupId });
    const shown = api.errors.shown.slice(before).map((e) => e.text);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /connection id is a GUID/);
  });

  it('creates and starts the mirrored database of the synced tables, then shows the checklist', async () => {
    script.script(
      { title: /Create a mirrored database of/, answer: true },
      { title: /workspace/i, answer: 'Sales Analytics' },
      { title: /Source connection/, accept: true },
      { title: /Name of the mirrored database/, answer: 'Sales hub mirror' },
    );
    const { workspaces, mirroredDatabases } = api.fabric.clients();
    const ws = (await workspaces.list().toArray()).find((w) => w.displayName === 'Sales Analytics');
    assert.ok(ws?.id);
    const readinessFails = { title: /readiness checks failed/, answer: true };
    // The demo hub's server has no managed identity: the checks fail and the user creates anyway.
    script.script(readinessFails);
    const result = await run({ resourceId: groupId });
    assert.ok(result?.created && result.readiness && result.checklist);
    assert.equal(result.readiness.ready, false);
    assert.ok(result.readiness.checks.some((c) => c.id === 'serverIdentity' && c.status === 'fail'));
    assert.equal(result.created.status, 'Running');
    const created = (await mirroredDatabases.list(ws.id).toArray()).find((d) => d.displayName === 'Sales hub mirror');
    assert.equal(created?.id, result.created.itemId);
    const status = await mirroredDatabases.getMirroringStatus({ workspaceId: ws.id, mirroredDatabaseId: result.created.itemId });
    assert.equal(status.status, 'Running');
    assert.match(openText(result.planDocument), /Mirroring readiness/);
    const checklist = openText(result.checklist);
    assert.match(checklist, /Switch readers from sales-sync to Sales hub mirror/);
    assert.match(checklist, /is Running/);
    // The sync group still exists: the assistant never touches Data Sync.
    const group = await api.dataSync.clients().groups.get(groupRef(groupId));
    assert.equal(group.name, 'sales-sync');
  });
});

function groupRef(id: string) {
  const p = id.split('/');
  return { subscriptionId: p[2], resourceGroup: p[4], server: p[8], database: p[10], syncGroup: p[12] };
}
