// The replication monitor in the real VS Code against the emulator: one panel per mirrored database,
// every table with the failed one's error, totals, CSV export, a strict CSP, and no reads while hidden.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { FabricItemTarget } from '../../src/fabric/fabricTarget';
import type { MonitorPanel } from '../../src/fabric/webviews/monitorPanel';
import type { MonitorSnapshot } from '../../src/fabric/webviews/protocol/monitor';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';

describe('Fabric replication monitor (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let running: FabricItemTarget;
  let control: EmulatorControlClient;

  const snapshots = (panel: MonitorPanel): MonitorSnapshot[] => panel.posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    const ws = (await api.fabric.clients().workspaces.list().toArray()).find((w) => w.displayName === 'Sales Analytics');
    assert.ok(ws?.id);
    const db = (await api.fabric.clients().mirroredDatabases.list(ws.id).toArray()).find((d) => d.displayName === 'RetailOps mirror');
    assert.ok(db?.id);
    running = { workspaceId: ws.id, itemId: db.id, displayName: 'RetailOps mirror', workspaceName: 'Sales Analytics' };
  });
  after(async () => {
    await control.clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows every table, the failed one with its error, totals, and exports CSV', async () => {
    const panel = await vscode.commands.executeCommand<MonitorPanel>('sqlDataMovement.fabric.openMonitor', running);
    assert.ok(panel);
    await panel.ready;
    const snap = await waitFor('a snapshot', () => snapshots(panel)[0]);
    const all = await api.fabric
      .clients()
      .mirroredDatabases.listTablesMirroringStatus({ workspaceId: running.workspaceId, mirroredDatabaseId: running.itemId })
      .toArray();
    assert.equal(snap.tables.length, all.length);
    assert.equal(snap.totals.tables, all.length);
    assert.equal(snap.status, 'Running');
    const failed = snap.tables.find((t) => t.name === 'dbo.PriceListHistory');
    assert.equal(failed?.status, 'Failed');
    assert.match(failed?.error ?? '', /^\w+: .+/);
    assert.equal(snap.totals.failed, snap.tables.filter((t) => t.status === 'Failed').length);
    assert.equal(snap.nextRefreshMs, 10_000);
    // The snapshot is posted before the read schedules the next one: wait for that, it must come while visible.
    await waitFor('the next read to be scheduled while visible', () => (panel.scheduled ? true : undefined));

    const again = await vscode.commands.executeCommand<MonitorPanel>('sqlDataMovement.fabric.openMonitor', running);
    assert.equal(again, panel, 'one monitor per mirrored database');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-monitor-'));
    panel.exportTarget = () => Promise.resolve(vscode.Uri.file(path.join(dir, 'tables.csv')));
    await panel.simulate({ type: 'export' });
    const csv = fs.readFileSync(path.join(dir, 'tables.csv'), 'utf8').split('\r\n');
    assert.match(csv[0], /^table,status,processedRows/);
    assert.equal(csv.filter(Boolean).length, all.length + 1);
    assert.deepEqual(panel.cspViolations, []);
  });

  it('rates rows between two reads and stops reading while hidden', async () => {
    const panel = await vscode.commands.executeCommand<MonitorPanel>('sqlDataMovement.fabric.openMonitor', running);
    await panel.simulate({ type: 'refresh' });
    const latest = snapshots(panel).at(-1);
    assert.ok(
      latest?.tables.some((t) => t.rowsPerSecond !== undefined),
      'rows per second after a second read',
    );

    // Another editor in the same column hides the monitor: no timer, no reads.
    const doc = await vscode.workspace.openTextDocument({ content: 'hide the monitor' });
    await vscode.window.showTextDocument(doc, { viewColumn: panel.panel.viewColumn, preview: false });
    await waitFor('the monitor to be hidden', () => (!panel.panel.visible ? true : undefined));
    await waitFor('the timer to stop', () => (!panel.scheduled ? true : undefined));
    const reads = panel.reads;
    assert.equal(panel.scheduled, false);
    panel.reveal();
    await waitFor('a read on showing again', () => (panel.reads > reads ? true : undefined));
    assert.ok(panel.scheduled);
  });

  it('waits at least a minute after throttling (429) and shows the error as text', async () => {
    const panel = await vscode.commands.executeCommand<MonitorPanel>('sqlDataMovement.fabric.openMonitor', running);
    await control.addFaults('429*6@POST /getMirroringStatus$'); // one try + 5 retries
    const before = panel.posted.length;
    await panel.simulate({ type: 'refresh' });
    await control.clearFaults();
    const error = panel.posted.slice(before).find((m) => m.type === 'error');
    assert.ok(error && error.type === 'error', 'an error was posted');
    assert.ok(error.nextRefreshMs >= 60_000, `next read in ${error.nextRefreshMs} ms`);
    assert.ok(panel.nextDelayMs !== undefined && panel.nextDelayMs >= 60_000);
    await panel.simulate({ type: 'refresh' });
    assert.equal(panel.posted.at(-1)?.type, 'snapshot', 'the next read works again');
    assert.equal(panel.nextDelayMs, 10_000);
  });
});
