// The operations center in the real VS Code against the emulator: status bar, Operations view,
// notifications, details, stop waiting, and resuming after a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AzureClient } from '../../src/azure/http/azureClient';
import { beginCreateSyncGroup, HUB_PASSWORD } from '../support/syncGroupPoller';
import type { ExtensionApi } from '../../src/extensionApi';
import type { OperationRecord } from '../../src/operations/operationRecord';
import { OperationItem } from '../../src/operations/operationsTreeProvider';
import { freeHubDatabases, useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';

describe('operations center (real VS Code, emulator)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let arm: AzureClient;
  let control: EmulatorControlClient;
  let hubs: string[];
  let n = 0;

  before(async () => {
    api = await activateExtension();
    ({ arm, control } = await useEmulator(api));
    hubs = await freeHubDatabases(arm);
    await api.operations.tracker.clearFinished();
  });
  afterEach(async () => {
    await control.clearFaults();
  });

  async function startCreateGroup(retry = false) {
    const name = `it-ops-${++n}`;
    const hub = hubs[n % hubs.length];
    const metadata = hubs.find((h) => h !== hub) as string;
    const poller = await beginCreateSyncGroup(arm, hub, name, metadata);
    const op = await api.operations.tracker.start(poller, {
      title: `Create sync group ${name}`,
      target: { label: `sync group ${name}`, resourceId: `${hub}/syncGroups/${name}` },
      environment: api.connections.environmentKey,
      retry: retry ? { command: 'sqlDataMovement.showGettingStarted', args: [] } : undefined,
    });
    return { ...op, name };
  }

  const historyEntry = (id: string): OperationRecord | undefined => api.operations.tracker.list().history.find((r) => r.id === id);
  const items = (): OperationItem[] => api.operations.tree.getChildren();

  it('shows a running operation in the status bar and the view, then records and announces its success', async () => {
    // Slow the final GET so the operation runs past the notification threshold (5 s).
    await control.addFaults('latency=5000*1@GET /syncGroups/it-ops-1$');
    await vscode.commands.executeCommand('sqlDataMovement.operations.focus');
    const op = await startCreateGroup();
    await waitFor(
      'the status bar to show the running operation',
      () => api.operations.statusBar.visible && /\$\(sync~spin\) Create sync group it-ops-1/.test(api.operations.statusBar.item.text),
    );
    const running = items().find((i) => i.record.id === op.id);
    assert.ok(running, 'the view lists it');
    assert.match(String(running.description), /Running/);
    assert.match(String(running.contextValue), /^operation;running/);
    await screenshot('operations-running');
    await op.result;
    const done = await waitFor('history entry', () => historyEntry(op.id));
    assert.equal(done.status, 'succeeded');
    const seenAt = Date.parse(done.lastPoll!.at);
    assert.ok(seenAt - done.startedAt >= 5000, `waited ${seenAt - done.startedAt} ms`);
    // The duration is the service's: the operation ended before the slowed final read answered.
    assert.ok(done.endedAt! <= seenAt - 4000, `ended ${seenAt - done.endedAt!} ms before the final read answered`);
    await waitFor('the success notification', () =>
      api.operations.notifications.shown.find((s) => s.severity === 'info' && s.text.includes('it-ops-1 succeeded')),
    );
    await waitFor('the status bar to hide when idle', () => !api.operations.statusBar.visible);
    const item = items().find((i) => i.record.id === op.id);
    assert.match(String(item?.description), /Succeeded/);
    const uri = await vscode.commands.executeCommand<string>('sqlDataMovement.operations.showDetails', item);
    const details = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText() ?? '';
    assert.match(details, /^ {2}Start: PUT \S+ → HTTP 202 · request id \S+/m, 'the request id of the PUT');
    assert.match(details, /^ {2}Final status check: GET \S+ → HTTP 200 · request id \S+/m, 'the request id of the final check');
  });

  it('shows a failed operation with its error, a warning status bar and details with request ids', async () => {
    await control.addFaults('lro-fail*1');
    const op = await startCreateGroup(true);
    await op.result.catch(() => undefined);
    const failed = await waitFor('failed history entry', () => historyEntry(op.id));
    assert.equal(failed.status, 'failed');
    assert.ok(failed.error?.code, 'error code kept');
    const shown = await waitFor('the error notification', () =>
      api.operations.notifications.shown.find((s) => s.severity === 'error' && s.text.includes(op.name)),
    );
    assert.ok(shown.text.includes(failed.error.message));
    assert.ok(api.operations.statusBar.visible, 'status bar stays visible after a failure');
    assert.match(api.operations.statusBar.item.text, /\$\(warning\) .* failed/);
    assert.ok(api.operations.statusBar.item.backgroundColor, 'warning background');
    const item = items().find((i) => i.record.id === op.id)!;
    assert.match(String(item.contextValue), /;retryable/);
    const uri = await vscode.commands.executeCommand<string>('sqlDataMovement.operations.showDetails', item);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(doc, 'details document opened');
    const text = doc.getText();
    assert.match(text, new RegExp(`Error code: ${failed.error.code}`));
    assert.match(text, /Message: /);
    assert.match(text, /(Request id|Client request id): \S+/);
    assert.match(text, /^Reported by the operation's status: Failed$/m);
    assert.doesNotMatch(text, /HTTP status/, 'the status check answered 200, which is not the error');
    assert.match(text, new RegExp(`^Request id: ${failed.lastPoll?.requestId}$`, 'm'), 'the id of the status check that reported it');
    const copied = await vscode.commands.executeCommand<string>('sqlDataMovement.operations.copyDetails', op.id);
    assert.equal(await vscode.env.clipboard.readText(), copied);
    await screenshot('operations-failed-details');
  });

  it('copies the requests an operation and the last action on a resource sent, with the password as a placeholder', async () => {
    const op = await startCreateGroup();
    await op.result;
    const record = await waitFor('history entry', () => historyEntry(op.id));
    assert.ok(!JSON.stringify(record).includes(HUB_PASSWORD), 'no password in the record');
    const item = items().find((i) => i.record.id === op.id)!;
    const copied = await vscode.commands.executeCommand<string>('sqlDataMovement.operations.copyAsRestRequest', item);
    assert.equal(await vscode.env.clipboard.readText(), copied);
    assert.ok(!copied.includes(HUB_PASSWORD), 'no password in the copied requests');
    assert.match(copied, new RegExp(`^PUT https://\\S+/syncGroups/${op.name}\\?api-version=\\S+$`, 'm'));
    assert.match(copied, /^Authorization: Bearer \{\{token\}\}$/m);
    assert.match(copied, /"hubDatabasePassword": "<hub-password>"/);
    assert.match(copied, /^### .*status check\nGET https:\/\/\S+$/m);

    const resourceId = record.target.resourceId!;
    const fromResource = await vscode.commands.executeCommand<string>('sqlDataMovement.copyAsRestRequest', resourceId);
    assert.match(fromResource, /^GET https:\/\/\S+\?api-version=/, 'the read first, as before');
    assert.match(fromResource, new RegExp(`^PUT https://\\S+/syncGroups/${op.name}\\?`, 'm'), 'then what the last action sent');
    assert.match(fromResource, /"hubDatabasePassword": "<hub-password>"/);
    assert.ok(!fromResource.includes(HUB_PASSWORD));
  });

  it('stops waiting on request', async () => {
    const op = await startCreateGroup();
    const item = await waitFor('the running item', () => items().find((i) => i.record.id === op.id));
    assert.equal(await vscode.commands.executeCommand('sqlDataMovement.operations.stopWaiting', item), true);
    const stopped = await waitFor('stopped entry', () => historyEntry(op.id));
    assert.equal(stopped.status, 'stopped');
    await op.result.catch(() => undefined);
  });

  it('resumes a running operation after a reload and finishes it', async () => {
    const op = await startCreateGroup();
    const center = await api.reloadOperationsCenter();
    assert.notEqual(center, undefined);
    const record = await waitFor('the resumed operation to finish', () => historyEntry(op.id), 30_000);
    assert.equal(record.status, 'succeeded');
    assert.equal(api.operations.tracker.list().running.length, 0);
  });

  it('clears finished operations', async () => {
    assert.ok(api.operations.tracker.list().history.length > 0);
    await vscode.commands.executeCommand('sqlDataMovement.operations.clearFinished');
    assert.equal(api.operations.tracker.list().history.length, 0);
    assert.equal(items().length, 0);
  });
});
