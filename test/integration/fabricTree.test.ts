// The Fabric Mirroring tree in the real VS Code against the emulator's demo seed: workspaces →
// mirrored databases (status, source database) → tables (failed first, error in the tooltip), menus
// by status, and an error node whose Retry loads the level again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/ui/tree/treeNode';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';
import { itemMenu } from './support/menus';

const VIEW = 'sqlDataMovement.fabricMirroring';

describe('Fabric Mirroring tree (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;

  const children = async (node?: TreeNode) => api.fabricTree.getChildren(node) as Promise<TreeNode[]>;
  const text = (v: string | vscode.TreeItemLabel | undefined) => (typeof v === 'object' ? v.label : String(v));
  const label = (n: TreeNode) => text(n.treeItem().label);
  const byLabel = async (parent: TreeNode | undefined, name: string) => {
    const found = (await children(parent)).find((n) => label(n) === name);
    assert.ok(found, `"${name}" is listed under ${parent ? label(parent) : 'the root'}`);
    return found;
  };
  const tooltipText = (n: TreeNode) => {
    const t = n.tooltip?.() ?? n.treeItem().tooltip;
    // Markdown with its text escaped (appendText); read it back as text.
    return (typeof t === 'string' ? t : (t?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  };

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    await vscode.commands.executeCommand(`${VIEW}.focus`);
    api.fabricTree.refresh();
  });
  after(async () => {
    await control.clearFaults();
  });

  it('lists the workspaces, then their mirrored databases with status and source database', async () => {
    const workspaces = (await children()).map(label);
    for (const name of ['Finance Dev', 'HR Reporting', 'Sales Analytics'])
      assert.ok(workspaces.includes(name), `${name} in ${workspaces.join(', ')}`);
    const sales = await byLabel(undefined, 'Sales Analytics');
    const running = await byLabel(sales, 'RetailOps mirror');
    const item = running.treeItem();
    assert.match(String(item.description), /^Running · from fabrikam-bi-sea\/RetailOps/);
    assert.equal(item.contextValue, 'fabricMirroredDatabase:Running');
    assert.equal(item.id, running.id);
    assert.match(tooltipText(running), /Workspace: Sales Analytics/);
    const stopped = await byLabel(sales, 'Sales replica (east)');
    assert.match(String(stopped.treeItem().description), /^Stopped · from contoso-sales-eus\/SalesReplicaEast/);
    const finance = await byLabel(undefined, 'Finance Dev');
    assert.equal((await byLabel(finance, 'RetailOps sandbox')).treeItem().contextValue, 'fabricMirroredDatabase:Initialized');
  });

  it('lists the tables with the failed one first and its error in the tooltip', async () => {
    const running = await byLabel(await byLabel(undefined, 'Sales Analytics'), 'RetailOps mirror');
    const tables = await children(running);
    assert.ok(tables.length > 1);
    assert.equal(label(tables[0]), 'dbo.PriceListHistory');
    assert.match(String(tables[0].treeItem().description), /^Failed/);
    assert.match(tooltipText(tables[0]), /Error: \w+: .+/);
    const replicating = tables.find((t) => /^Replicating/.test(String(t.treeItem().description)));
    assert.ok(replicating, 'a replicating table');
    assert.match(String(replicating.treeItem().description), /rows/);
    assert.equal(new Set(tables.map((t) => t.id)).size, tables.length, 'table ids are unique');
  });

  it('offers Start only where the status allows it, Stop only where it allows it', () => {
    const commands = (status: string) => itemMenu(VIEW, `fabricMirroredDatabase:${status}`).map((m) => m.command);
    for (const status of ['Initialized', 'Stopped']) {
      assert.ok(commands(status).includes('sqlDataMovement.fabric.startMirroring'), status);
      assert.ok(!commands(status).includes('sqlDataMovement.fabric.stopMirroring'), status);
    }
    for (const status of ['Running', 'Starting', 'Paused']) {
      assert.ok(commands(status).includes('sqlDataMovement.fabric.stopMirroring'), status);
      assert.ok(!commands(status).includes('sqlDataMovement.fabric.startMirroring'), status);
    }
    assert.ok(!commands('Stopping').some((c) => /startMirroring|stopMirroring/.test(c)));
    for (const c of ['rename', 'editDescription', 'delete', 'copyItemId', 'openInPortal', 'copyAsRestRequest', 'refreshNode'])
      assert.ok(commands('Running').includes(`sqlDataMovement.fabric.${c}`), c);
  });

  it('shows an error node when a level cannot load, and Retry loads it again', async () => {
    const hr = await byLabel(undefined, 'HR Reporting');
    await control.addFaults('500*6@GET /workspaces/[^/]+/mirroredDatabases$'); // one try + 5 retries
    api.fabricTree.refresh(hr);
    const failed = await children(hr);
    await control.clearFaults();
    assert.equal(failed.length, 1);
    const errorItem = failed[0].treeItem();
    assert.match(text(errorItem.label), /^Could not load: InternalServerError/);
    assert.equal(errorItem.contextValue, 'fabricError');
    assert.equal(errorItem.command?.command, 'sqlDataMovement.tree.retry');
    assert.ok(itemMenu(VIEW, 'fabricError').some((m) => m.command === 'sqlDataMovement.tree.retry'));
    await vscode.commands.executeCommand('sqlDataMovement.tree.retry', failed[0]);
    const again = await waitFor('the level to load again', async () => {
      const now = await children(hr);
      return now.some((n) => label(n) === 'HR core') ? now : undefined;
    });
    assert.equal(again.filter((n) => n.treeItem().contextValue === 'fabricError').length, 0);
    assert.equal((await byLabel(hr, 'HR core')).treeItem().contextValue, 'fabricMirroredDatabase:Paused');
  });
});
