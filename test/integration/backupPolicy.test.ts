// The backup policy editor in the real VS Code against the emulator's demo seed: view (read-only), edit
// and save (PUT through the operations center), a schema-invalid save refused with the editor kept dirty
// (and the contributed schema's diagnostic), a service refusal kept dirty with code and request id, and
// creating a policy from the template. Results are checked through the REST clients.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { VaultRef } from '../../src/azure/backup/backupPaths';
import type { ExtensionApi } from '../../src/extensionApi';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';
import { autoSaveOff, editedJson, openedBy, replaceText, revert } from './support/documents';

type Sub = { policyType: string; schedulePolicy: Record<string, unknown>; retentionPolicy: Record<string, Record<string, unknown>> };
type PolicyDoc = { properties: { subProtectionPolicy: Sub[]; [k: string]: unknown } };

describe('Backup policy editor (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();
  let vault: VaultRef;
  let vaultId: string;
  let restoreAutoSave: (() => Promise<void>) | undefined;
  const originals = new Map<string, PolicyDoc>();

  const policyId = (name: string) => `${vaultId}/backupPolicies/${name}`;
  const server = async (name: string) => (await api.backup.clients().vaults.getPolicy(vault, name)).properties as PolicyDoc['properties'];
  const open = (command: string, name: string) => openedBy(command, { resourceId: policyId(name) });
  const edited = (doc: vscode.TextDocument, change: (d: PolicyDoc) => void) => editedJson<PolicyDoc>(doc, change);
  const lastRefusal = () => api.backupPolicies.refusals.at(-1)?.message ?? '';

  before(async () => {
    api = await activateExtension();
    restoreAutoSave = await autoSaveOff();
    ({ control } = await useEmulator(api));
    api.userInput.use(script);
    const subs = await api.backup.clients().subscriptions.list().toArray();
    const prod = subs.find((s) => s.displayName === 'Contoso Production');
    assert.ok(prod?.subscriptionId);
    vault = { subscriptionId: prod.subscriptionId, resourceGroup: 'rg-backup', vault: 'contoso-backup-weu' };
    vaultId = `/subscriptions/${prod.subscriptionId}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/contoso-backup-weu`;
    for (const name of ['SqlDailyFull', 'SqlHourlyLog']) originals.set(name, { properties: await server(name) });
  });
  after(async () => {
    api.userInput.use(undefined);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'sqldm-backup-policy' && d.isDirty)) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreAutoSave?.();
    for (const [name, doc] of originals) {
      const { protectedItemsCount: _count, ...properties } = doc.properties;
      await (await api.backup.clients().vaults.beginCreateOrUpdatePolicy(vault, name, { properties })).pollUntilDone({ minDelayMs: 100 });
    }
  });
  afterEach(async () => {
    await control.clearFaults();
    assert.equal(script.remaining, 0, `every scripted answer was used (asked: ${script.asked.join(' | ')})`);
  });

  it('views a policy read-only: its PUT body without read-only fields', async () => {
    const doc = await open('sqlDataMovement.backup.viewPolicy', 'SqlHourlyLog');
    assert.equal(doc.languageId, 'json');
    const shown = JSON.parse(doc.getText()) as PolicyDoc;
    assert.deepEqual(Object.keys(shown), ['properties']);
    assert.equal(shown.properties.protectedItemsCount, undefined);
    assert.deepEqual(shown.properties.subProtectionPolicy, (await server('SqlHourlyLog')).subProtectionPolicy);
    assert.equal((await vscode.workspace.fs.stat(doc.uri)).permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, Buffer.from('{}'))), /viewing/);
  });

  it('saves an edited policy with PUT through the operations center', async () => {
    const doc = await open('sqlDataMovement.backup.editPolicy', 'SqlDailyFull');
    const text = edited(doc, (d) => {
      (d.properties.subProtectionPolicy[0].retentionPolicy.dailySchedule as { retentionDuration: unknown }).retentionDuration = {
        count: 40,
        durationType: 'Days',
      };
    });
    await replaceText(doc, text);
    assert.equal(await doc.save(), true, 'saved');
    assert.equal(doc.isDirty, false);
    const saved = await server('SqlDailyFull');
    assert.deepEqual((saved.subProtectionPolicy[0].retentionPolicy.dailySchedule as { retentionDuration: unknown }).retentionDuration, {
      count: 40,
      durationType: 'Days',
    });
    const op = api.operations.tracker.list().history.find((r) => r.title === 'Save backup policy SqlDailyFull');
    assert.equal(op?.status, 'succeeded');
  });

  it('refuses a schema-invalid save and keeps the text dirty; the editor marks the value', async () => {
    const doc = await open('sqlDataMovement.backup.editPolicy', 'SqlHourlyLog');
    const text = edited(doc, (d) => (d.properties.subProtectionPolicy[1].schedulePolicy.scheduleFrequencyInMins = 45));
    await replaceText(doc, text);
    const diagnostics = await waitFor(
      'a diagnostic on scheduleFrequencyInMins from the JSON language server',
      () => {
        const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => /1440|15/.test(d.message));
        return found.length ? found : undefined;
      },
      45_000,
    );
    assert.equal(doc.getText(diagnostics[0].range), '45');
    assert.equal(await doc.save(), false, 'the save is refused');
    assert.ok(doc.isDirty, 'the editor stays dirty');
    assert.equal(doc.getText(), text, "with the user's text");
    assert.match(lastRefusal(), /properties\.subProtectionPolicy\[1\]\.schedulePolicy\.scheduleFrequencyInMins/);
    assert.equal((await server('SqlHourlyLog')).subProtectionPolicy[1].schedulePolicy.scheduleFrequencyInMins, 60, 'nothing was sent');
    await revert(doc);
  });

  it('keeps the editor dirty when the service refuses the save, showing code and request id', async () => {
    const doc = await open('sqlDataMovement.backup.editPolicy', 'SqlHourlyLog');
    const text = edited(doc, (d) => (d.properties.subProtectionPolicy[1].schedulePolicy.scheduleFrequencyInMins = 120));
    await replaceText(doc, text);
    await control.addFaults(
      JSON.stringify({ kind: '503', count: 10, method: 'PUT', path: '/backupPolicies/SqlHourlyLog$', retryAfterSeconds: 0 }),
    );
    assert.equal(await doc.save(), false, 'the save failed');
    assert.ok(doc.isDirty);
    assert.equal(doc.getText(), text);
    assert.match(lastRefusal(), /The service refused the policy: .+ \(\w+, request id [\w-]+\)/);
    assert.ok(
      api.errors.shown.some((e) => e.action === 'Save the backup policy SqlHourlyLog'),
      'the error was shown',
    );
    assert.equal((await server('SqlHourlyLog')).subProtectionPolicy[1].schedulePolicy.scheduleFrequencyInMins, 60);
    await revert(doc);
  });

  it('creates a policy from the template after asking its name', async () => {
    script.script({ title: /Create backup policy in contoso-backup-weu: name/, answer: 'NightlyFullHourlyLog' });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sqlDataMovement.backup.createPolicy', { resourceId: vaultId });
    assert.ok(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc);
    const template = JSON.parse(doc.getText()) as PolicyDoc;
    assert.deepEqual(
      template.properties.subProtectionPolicy.map((s) => s.policyType),
      ['Full', 'Log'],
    );
    await replaceText(
      doc,
      edited(doc, (d) => (d.properties.settings = { timeZone: 'UTC', issqlcompression: true })),
    );
    assert.equal(await doc.save(), true);
    const created = await server('NightlyFullHourlyLog');
    assert.deepEqual(created.settings, { timeZone: 'UTC', issqlcompression: true });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await (await api.backup.clients().vaults.beginDeletePolicy(vault, 'NightlyFullHourlyLog')).pollUntilDone({ minDelayMs: 100 });
  });
});
