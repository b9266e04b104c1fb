// The mirroring definition editor in the real VS Code against the emulator's demo seed: open, JSON
// diagnostics from the contributed schema, a valid save, refused saves that keep the editor dirty
// (schema, source rule, service error), and the conflict prompt. Prompts are scripted; results are
// checked through the REST clients.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { jsonPart } from '../../src/azure/fabric/fabricModels';
import type { ExtensionApi } from '../../src/extensionApi';
import { AUTO_SAVE_REFUSAL } from '../../src/fabric/definition/explicitSaveGate';
import type { FabricItemTarget } from '../../src/fabric/fabricTarget';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';
import { autoSaveOff, editedJson, openedBy, replaceText, revert } from './support/documents';

type Doc = {
  properties: {
    source: { typeProperties: { connection?: string; database?: string } };
    target: { typeProperties: { retentionInDays?: number } };
    mountedTables?: { source: { typeProperties: { schemaName: string; tableName: string } } }[];
  };
};

describe('Fabric mirroring definition editor (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();
  let running: FabricItemTarget;
  let stopped: FabricItemTarget;
  const originals = new Map<string, Doc>();
  let restoreAutoSave: (() => Promise<void>) | undefined;

  const ref = (t: FabricItemTarget) => ({ workspaceId: t.workspaceId, mirroredDatabaseId: t.itemId });
  const serverDoc = async (t: FabricItemTarget): Promise<Doc> => {
    const result = await (await api.fabric.clients().mirroredDatabases.beginGetDefinition(ref(t))).pollUntilDone({ minDelayMs: 100 });
    const part = result.definition.parts.find((p) => p.path === 'mirroring.json')!;
    return JSON.parse(Buffer.from(part.payload, 'base64').toString('utf8')) as Doc;
  };
  const putServerDoc = async (t: FabricItemTarget, doc: Doc) =>
    (
      await api.fabric.clients().mirroredDatabases.beginUpdateDefinition(ref(t), { parts: [jsonPart('mirroring.json', doc)] })
    ).pollUntilDone({ minDelayMs: 100 });
  const open = (t: FabricItemTarget) => openedBy('sqlDataMovement.fabric.openDefinition', t);
  const edited = (doc: vscode.TextDocument, change: (d: Doc) => void) => editedJson<Doc>(doc, change);
  const lastRefusal = () => api.fabricDefinitions.refusals.at(-1)?.message ?? '';

  before(async () => {
    api = await activateExtension();
    // VS Code for the web saves after a delay by default; these tests decide when a save happens.
    restoreAutoSave = await autoSaveOff();
    ({ control } = await useEmulator(api));
    api.userInput.use(script);
    const workspaces = await api.fabric.clients().workspaces.list().toArray();
    const sales = workspaces.find((w) => w.displayName === 'Sales Analytics')!;
    const dbs = await api.fabric.clients().mirroredDatabases.list(sales.id!).toArray();
    const byName = (n: string) => ({ workspaceId: sales.id!, itemId: dbs.find((d) => d.displayName === n)!.id!, displayName: n });
    running = byName('RetailOps mirror');
    stopped = byName('Sales replica (east)');
    assert.equal((await api.fabric.clients().mirroredDatabases.getMirroringStatus(ref(running))).status, 'Running');
    for (const t of [running, stopped]) originals.set(t.itemId, await serverDoc(t));
  });
  after(async () => {
    api.userInput.use(undefined);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'sqldm-fabric' && d.isDirty)) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreAutoSave?.();
    // Leave the seed as it was for the suites that follow.
    for (const t of [running, stopped]) await putServerDoc(t, originals.get(t.itemId)!);
  });
  afterEach(async () => {
    await control.clearFaults();
    assert.equal(script.remaining, 0, `every scripted answer was used (asked: ${script.asked.join(' | ')})`);
  });

  it('opens the decoded definition from a tree target and from the palette; the title names the item', async () => {
    const doc = await open(running);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
    assert.equal(doc.languageId, 'json');
    assert.match(doc.uri.path.split('/').pop()!, /^RetailOps mirror · mirroring\.json$/);
    assert.deepEqual(JSON.parse(doc.getText()), originals.get(running.itemId), 'the decoded mirroring.json');
    assert.doesNotMatch(doc.getText(), /payload|InlineBase64/, 'no base64 envelope');
    const platformUri = doc.uri.with({ path: doc.uri.path.replace(/mirroring\.json$/, '.platform') });
    const platform = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(platformUri)).toString('utf8')) as {
      metadata: { displayName: string };
    };
    assert.equal(platform.metadata.displayName, 'RetailOps mirror', '.platform is readable');
    assert.equal((await vscode.workspace.fs.stat(platformUri)).permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(platformUri, Buffer.from('{}'))), /read-only/);
    script.script(
      { title: /Choose a Fabric workspace/, answer: 'Sales Analytics' },
      { title: /mirrored database in Sales Analytics/, answer: 'Sales replica (east)' },
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sqlDataMovement.fabric.openDefinition');
    assert.ok(uri.path.includes(`/${stopped.itemId}/`), 'the picked item opened');
    await screenshot('fabric-definition-editor');
  });

  it('shows schema diagnostics in the editor and refuses to save a schema-invalid definition, keeping the text', async () => {
    const doc = await open(running);
    const text = edited(doc, (d) => (d.properties.target.typeProperties.retentionInDays = 99));
    await replaceText(doc, text);
    const diagnostics = await waitFor(
      'a diagnostic on retentionInDays from the JSON language server',
      () => {
        const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => /30/.test(d.message));
        return found.length ? found : undefined;
      },
      45_000,
    );
    assert.equal(doc.getText(diagnostics[0].range), '99', 'the diagnostic marks the bad value');
    assert.equal(await doc.save(), false, 'the save is refused');
    assert.ok(doc.isDirty, 'the editor stays dirty');
    assert.equal(doc.getText(), text, "with the user's text");
    assert.match(lastRefusal(), /properties\.target\.typeProperties\.retentionInDays/);
    assert.equal((await serverDoc(running)).properties.target.typeProperties.retentionInDays, 7, 'nothing reached the service');
    await revert(doc);
  });

  it('saves a valid change with updateDefinition: removing a mounted table', async () => {
    const doc = await open(running);
    const before = originals.get(running.itemId)!.properties.mountedTables!;
    await replaceText(
      doc,
      edited(doc, (d) => (d.properties.mountedTables = d.properties.mountedTables!.slice(0, -1))),
    );
    assert.equal(await doc.save(), true, `saved (${lastRefusal()})`);
    assert.equal(doc.isDirty, false);
    const after = (await serverDoc(running)).properties.mountedTables!;
    assert.equal(after.length, before.length - 1);
    assert.deepEqual(after, before.slice(0, -1));
    const op = api.operations.tracker.list().history.find((o) => o.title === 'Save the definition of RetailOps mirror');
    assert.equal(op?.status, 'succeeded', 'the save went through the operations center');
  });

  it('refuses to change the source database while Running, naming the status (stop declined)', async () => {
    const doc = await open(running);
    const text = edited(doc, (d) => (d.properties.source.typeProperties.database = 'SomewhereElse'));
    await replaceText(doc, text);
    script.script({ title: /RetailOps mirror is Running: database cannot change now/, answer: false });
    assert.equal(await doc.save(), false);
    assert.ok(doc.isDirty);
    assert.equal(doc.getText(), text);
    assert.match(lastRefusal(), /database can change only while mirroring is Initialized or Stopped; it is Running/);
    assert.notEqual((await serverDoc(running)).properties.source.typeProperties.database, 'SomewhereElse');
    await revert(doc);
  });

  it('keeps the editor dirty when the service refuses the save, showing its code, message and request id', async () => {
    const doc = await open(stopped);
    const text = edited(doc, (d) => (d.properties.target.typeProperties.retentionInDays = 12));
    await replaceText(doc, text);
    // More failures than the client's retries, so the save itself fails.
    await control.addFaults('500*6@POST /updateDefinition$');
    const shown = api.errors.shown.length;
    assert.equal(await doc.save(), false);
    assert.ok(doc.isDirty);
    assert.equal(doc.getText(), text);
    const error = api.errors.shown.at(shown);
    assert.ok(error, 'an error was shown');
    assert.match(error.text, /Save the definition of Sales replica \(east\) failed: .+\(InternalServerError, request id [\w-]+\)/);
    assert.match(lastRefusal(), /InternalServerError/);
    await revert(doc);
  });

  it('asks Overwrite / Compare / Cancel when the definition changed on the server since it was opened', async () => {
    const doc = await open(stopped);
    const mine = edited(doc, (d) => (d.properties.target.typeProperties.retentionInDays = 3));
    await replaceText(doc, mine);
    // Someone else removes a table behind the editor's back.
    const theirs = structuredClone(originals.get(stopped.itemId)!);
    theirs.properties.mountedTables = theirs.properties.mountedTables!.slice(1);
    await putServerDoc(stopped, theirs);
    assert.deepEqual(await serverDoc(stopped), theirs, 'the server has their version');

    script.script({ title: /Sales replica \(east\) changed on the server since you opened it/, answer: 'Compare' });
    assert.equal(await doc.save(), false, 'Compare saves nothing');
    assert.ok(doc.isDirty);
    const diff = await waitFor('a diff of the server version and the user’s', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => t.input)
        .find((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff && i.modified.toString() === doc.uri.toString()),
    );
    assert.equal(diff.original.query, 'server');
    const server = await vscode.workspace.openTextDocument(diff.original);
    assert.deepEqual(JSON.parse(server.getText()), theirs, 'the left side is the server’s version');

    script.script({ title: /changed on the server/, answer: 'Cancel' });
    assert.equal(await doc.save(), false);
    assert.equal((await serverDoc(stopped)).properties.target.typeProperties.retentionInDays, 7);

    script.script({ title: /changed on the server/, answer: 'Overwrite' });
    assert.equal(await doc.save(), true, `saved (${lastRefusal()})`);
    assert.deepEqual(await serverDoc(stopped), JSON.parse(mine), 'the user’s version replaced the server’s');
  });

  it('never sends an auto save: the editor stays dirty with a note until an explicit save sends it', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const delay = files.inspect<number>('autoSaveDelay')?.globalValue;
    await files.update('autoSaveDelay', 200, vscode.ConfigurationTarget.Global);
    await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    try {
      const doc = await open(stopped);
      const serverBefore = await serverDoc(stopped);
      const saves = () =>
        api.operations.tracker.list().history.filter((o) => o.title === 'Save the definition of Sales replica (east)').length;
      const savesBefore = saves();
      const refusals = api.fabricDefinitions.refusals.length;
      const text = edited(doc, (d) => (d.properties.target.typeProperties.retentionInDays = 12));
      await replaceText(doc, text);
      const refusal = await waitFor('VS Code to auto-save the definition', () =>
        api.fabricDefinitions.refusals.slice(refusals).find((r) => r.uri === doc.uri.toString()),
      );
      assert.equal(refusal.message, AUTO_SAVE_REFUSAL);
      assert.ok(doc.isDirty, 'the editor stays dirty');
      assert.equal(doc.getText(), text);
      assert.ok(api.fabricDefinitions.explicitSaves.noteShown, 'the status bar says Ctrl+S sends it');
      assert.deepEqual(await serverDoc(stopped), serverBefore, 'nothing reached the service');
      assert.equal(saves(), savesBefore, 'no save operation started');

      assert.equal(await doc.save(), true, `an explicit save sends it (${lastRefusal()})`);
      assert.equal(doc.isDirty, false);
      assert.equal((await serverDoc(stopped)).properties.target.typeProperties.retentionInDays, 12);
      assert.equal(saves(), savesBefore + 1);
      assert.equal(api.fabricDefinitions.explicitSaves.noteShown, false, 'the note goes once the definition is sent');
    } finally {
      await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
      await files.update('autoSaveDelay', delay, vscode.ConfigurationTarget.Global);
    }
  });
});
