// A request that hangs shows progress with Cancel after a second, where the user started it; Cancel
// aborts the HTTP call (the emulator sees the connection closed before it answered) and the command
// ends quietly: no error message, a "cancelled" note.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataSyncNode } from '../../src/dataSync/tree/dataSyncNode';
import type { JournalEntry } from '../../src/emulator/index';
import type { ExtensionApi } from '../../src/extensionApi';
import type { ShownProgress } from '../../src/ui/cancellableProgress';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';

describe('request progress and cancel (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;

  const children = async (node?: DataSyncNode) => api.dataSyncTree.getChildren(node) as Promise<DataSyncNode[]>;
  const label = (n: DataSyncNode): string => {
    const l = n.treeItem().label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const lastMatching = async (method: string, path: RegExp): Promise<JournalEntry | undefined> =>
    (await control.requests()).filter((r) => r.method === method && path.test(r.path)).at(-1);

  /** Runs a command whose request hangs, cancels it from its progress, and checks it ended quietly. */
  async function cancelHungCommand(
    command: string,
    arg: unknown,
    o: { action: string; title: RegExp; method: string; path: RegExp },
  ): Promise<ShownProgress> {
    const progressBefore = api.progress.length;
    const errorsBefore = api.errors.shown.length;
    const cancelledBefore = api.errors.cancelled.length;
    const started = Date.now();
    const running = vscode.commands.executeCommand(command, arg);
    const shown = await waitFor('the progress of the hung request', () =>
      api.progress.slice(progressBefore).find((p) => o.title.test(p.title)),
    );
    assert.ok(Date.now() - started >= 990, 'no progress before the request has run for a second');
    const hung = await lastMatching(o.method, o.path);
    assert.equal(hung?.fault, 'hang', 'the request reached the emulator, which holds it');
    assert.equal(hung?.outcome, 'pending');

    shown.cancel();
    assert.equal(await running, undefined, 'the command ends without a result');
    assert.ok(Date.now() - started < 30_000, 'ended long before the 30 s request timeout');
    await shown.done;
    assert.deepEqual(
      api.errors.shown.slice(errorsBefore).map((e) => e.text),
      [],
      'no error message for a cancel',
    );
    assert.deepEqual(api.errors.cancelled.slice(cancelledBefore), [o.action], 'the command reports it was cancelled');
    await waitFor('the emulator to see the request aborted by the client', async () =>
      (await lastMatching(o.method, o.path))?.outcome === 'aborted' ? true : undefined,
    );
    return shown;
  }

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
  });
  afterEach(async () => {
    await control.clearFaults();
  });

  it('Sync now from the tree: progress in the view and a notification with Cancel; Cancel aborts the POST', async () => {
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    const sub = (await children()).find((s) => label(s) === 'Contoso Production');
    assert.ok(sub, 'the demo subscription');
    const server = (await children(sub)).find((s) => /\/servers\/contoso-sales-weu$/i.test(s.resourceId ?? ''));
    assert.ok(server, 'the demo server');
    const group = (await children(server)).find((g) => /\/syncGroups\/sales-sync$/i.test(g.resourceId ?? ''));
    assert.ok(group, 'the demo group');

    await control.addFaults('hang*1@POST /syncGroups/sales-sync/triggerSync$');
    const shown = await cancelHungCommand('sqlDataMovement.dataSync.triggerSync', group, {
      action: 'Sync now',
      title: /^Starting a sync of sales-sync/,
      method: 'POST',
      path: /\/syncGroups\/sales-sync\/triggerSync$/,
    });
    assert.deepEqual(shown.where, { viewId: 'sqlDataMovement.dataSync' }, 'started in the tree: its view shows the progress too');
  });

  it('Start Mirroring from the palette (a plain target): a notification with Cancel; Cancel aborts the status read', async () => {
    const fabric = api.fabric.clients();
    const ws = (await fabric.workspaces.list().toArray()).find((w) => w.displayName === 'Sales Analytics');
    assert.ok(ws?.id);
    const db = (await fabric.mirroredDatabases.list(ws.id).toArray()).find((d) => d.displayName === 'Sales replica (east)');
    assert.ok(db?.id);
    // Unlimited: a status read by a view in the background must not use up the fault before the command's.
    await control.addFaults(`hang@POST /mirroredDatabases/${db.id}/getMirroringStatus$`);
    const shown = await cancelHungCommand(
      'sqlDataMovement.fabric.startMirroring',
      { workspaceId: ws.id, itemId: db.id, displayName: 'Sales replica (east)' },
      {
        action: 'Start mirroring',
        title: /^Starting mirroring of Sales replica \(east\)/,
        method: 'POST',
        path: new RegExp(`/mirroredDatabases/${db.id}/getMirroringStatus$`),
      },
    );
    assert.equal(shown.where, 'notification');
  });
});
