// The Fabric mirroring commands in the real VS Code against the emulator: start / stop followed by the
// operations center to Running / Stopped, refusals where the status does not allow the action, rename
// and description, delete with its confirmation, copy / portal / REST. Prompts are scripted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { FabricItemTarget } from '../../src/fabric/fabricTarget';
import type { MirroringTransition } from '../../src/fabric/workflows/mirroringWorkflows';
import { ScriptedUserInput, ValidationFailed } from '../../src/ui/userInput';
import type { TreeNode } from '../../src/ui/tree/treeNode';
import { useEmulator } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';
import { commandRuns } from './support/commandRuns';

describe('Fabric mirroring commands (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  const script = new ScriptedUserInput();
  let sales: { id: string; name: string };
  let stopped: FabricItemTarget;
  let running: FabricItemTarget;

  const { run, refused } = commandRuns(() => api, script);
  const clients = () => api.fabric.clients();
  const status = async (t: FabricItemTarget) =>
    (await clients().mirroredDatabases.getMirroringStatus({ workspaceId: t.workspaceId, mirroredDatabaseId: t.itemId })).status;
  const target = async (workspaceId: string, workspaceName: string, name: string): Promise<FabricItemTarget> => {
    const db = (await clients().mirroredDatabases.list(workspaceId).toArray()).find((d) => d.displayName === name);
    assert.ok(db?.id, `${name} exists`);
    return { workspaceId, itemId: db.id, displayName: name, workspaceName };
  };

  before(async () => {
    api = await activateExtension();
    await useEmulator(api);
    api.userInput.use(script);
    const ws = (await clients().workspaces.list().toArray()).find((w) => w.displayName === 'Sales Analytics');
    assert.ok(ws?.id);
    sales = { id: ws.id, name: 'Sales Analytics' };
    stopped = await target(sales.id, sales.name, 'Sales replica (east)');
    running = await target(sales.id, sales.name, 'RetailOps mirror');
  });
  after(() => {
    api.userInput.use(undefined);
  });

  it('starts mirroring from the palette (workspace → database picks); the operations center follows it to Running', async () => {
    assert.equal(await status(stopped), 'Stopped');
    script.script(
      { title: /Fabric workspace/, answer: 'Sales Analytics' },
      { title: /mirrored database in Sales Analytics/, answer: 'Sales replica (east)' },
    );
    const started = await run<MirroringTransition>('sqlDataMovement.fabric.startMirroring');
    assert.equal(started.from, 'Stopped');
    const record = () => {
      const { running: now, history } = api.operations.tracker.list();
      return [...now, ...history].find((r) => r.id === started.operation.id);
    };
    assert.match(record()?.title ?? '', /^Start mirroring Sales replica \(east\)/);
    assert.equal(await started.operation.result, 'Running');
    assert.equal(record()?.status, 'succeeded');
    assert.equal(await status(stopped), 'Running');
  });

  it('refuses to start a running database, naming its status', async () => {
    const text = await refused('sqlDataMovement.fabric.startMirroring', running);
    assert.match(text, /can't be started: it is Running/);
  });

  it('stops mirroring after the confirmation and follows it to Stopped', async () => {
    script.script({ title: /Stop mirroring "Sales replica \(east\)"/, answer: true });
    const result = await run<MirroringTransition>('sqlDataMovement.fabric.stopMirroring', stopped);
    assert.equal(result.from, 'Running');
    assert.equal(await result.operation.result, 'Stopped');
    assert.equal(await status(stopped), 'Stopped');
    assert.match(await refused('sqlDataMovement.fabric.stopMirroring', stopped), /can't be stopped: it is Stopped/);
  });

  it('the tree node of a stopped database turns Running after Start, through Starting', async () => {
    const ws = (await api.fabricTree.getChildren()).find((n) => n.resourceId === `/workspaces/${sales.id.toLowerCase()}`);
    assert.ok(ws);
    const node = (await api.fabricTree.getChildren(ws)).find((n) => (n as TreeNode & { itemId?: string }).itemId === stopped.itemId);
    assert.ok(node);
    assert.equal(node.treeItem().contextValue, 'fabricMirroredDatabase:Stopped');
    const started = await run<MirroringTransition>('sqlDataMovement.fabric.startMirroring', node);
    await started.operation.result;
    await waitFor('the node to show Running', async () => {
      const now = (await api.fabricTree.getChildren(ws)).find((n) => n.id === node.id);
      return now && (await api.fabricTree.getTreeItem(now)).contextValue === 'fabricMirroredDatabase:Running' ? true : undefined;
    });
    script.script({ title: /Stop mirroring/, answer: true });
    await (
      await run<MirroringTransition>('sqlDataMovement.fabric.stopMirroring', stopped)
    ).operation.result;
  });

  it('renames and edits the description, refusing a description over 256 characters', async () => {
    script.script({ title: /Rename mirrored database/, answer: 'Sales replica (renamed)' });
    await run('sqlDataMovement.fabric.rename', stopped);
    const get = () => clients().mirroredDatabases.get({ workspaceId: stopped.workspaceId, mirroredDatabaseId: stopped.itemId });
    assert.equal((await get()).displayName, 'Sales replica (renamed)');
    script.script({ title: /Rename mirrored database/, answer: 'Sales replica (east)' });
    await run('sqlDataMovement.fabric.rename', { ...stopped, displayName: 'Sales replica (renamed)' });
    assert.equal((await get()).displayName, 'Sales replica (east)');

    script.script({ title: /Description of/, answer: 'x'.repeat(257) });
    const before = api.errors.shown.length;
    await vscode.commands.executeCommand('sqlDataMovement.fabric.editDescription', stopped);
    const error = api.errors.shown[before]?.error;
    assert.ok(error instanceof ValidationFailed, 'the input box rejected it');
    assert.match(error.validationMessage, /at most 256/);
    script.script({ title: /Description of/, answer: 'East coast replica' });
    await run('sqlDataMovement.fabric.editDescription', stopped);
    assert.equal((await get()).description, 'East coast replica');
  });

  it('deletes after a confirmation naming the database and workspace; "Delete permanently" sends hardDelete', async () => {
    const reading = await clients().mirroredDatabases.beginGetDefinition({
      workspaceId: stopped.workspaceId,
      mirroredDatabaseId: stopped.itemId,
    });
    const { definition } = await reading.pollUntilDone({ minDelayMs: 50 });
    const make = async (name: string): Promise<FabricItemTarget> => {
      const created = await (
        await clients().mirroredDatabases.beginCreate(sales.id, { displayName: name, definition })
      ).pollUntilDone({ minDelayMs: 50 });
      return { workspaceId: sales.id, itemId: created.id as string, displayName: name, workspaceName: sales.name };
    };
    const soft = await make('it-delete-soft');
    const hard = await make('it-delete-hard');
    const exists = async (t: FabricItemTarget) =>
      (await clients().mirroredDatabases.list(sales.id).toArray()).some((d) => d.id === t.itemId);

    script.script({ title: /Delete mirrored database "it-delete-soft" from workspace "Sales Analytics"\?/, answer: 'Cancel' });
    await run('sqlDataMovement.fabric.delete', soft);
    assert.ok(await exists(soft), 'Cancel keeps it');

    script.script({ title: /"it-delete-soft"/, answer: 'Delete' });
    assert.deepEqual(await run('sqlDataMovement.fabric.delete', soft), { hardDelete: false });
    assert.ok(!(await exists(soft)));
    script.script({ title: /"it-delete-hard"/, answer: 'Delete permanently' });
    assert.deepEqual(await run('sqlDataMovement.fabric.delete', hard), { hardDelete: true });
    assert.ok(!(await exists(hard)));
  });

  it('copies the item id and the REST request, and names the Fabric portal URL (none for the emulator)', async () => {
    assert.equal(await run('sqlDataMovement.fabric.copyItemId', running), running.itemId);
    assert.equal(await vscode.env.clipboard.readText(), running.itemId);
    const rest = await run<string>('sqlDataMovement.fabric.copyAsRestRequest', running);
    assert.match(rest, new RegExp(`^GET https://\\S+/v1/workspaces/${running.workspaceId}/mirroredDatabases/${running.itemId}\\n`));
    assert.match(rest, /Authorization: Bearer \{\{token\}\}/);
    assert.equal(await run('sqlDataMovement.fabric.openInPortal', running), undefined, 'the emulator has no Fabric portal');
  });

  it('refreshes a node and the whole tree', async () => {
    await run('sqlDataMovement.fabric.refresh');
    const roots = await waitFor('the tree to load', async () => {
      const r = await api.fabricTree.getChildren();
      return r.length ? r : undefined;
    });
    await run('sqlDataMovement.fabric.refreshNode', roots[0]);
    assert.ok((await api.fabricTree.getChildren(roots[0])).length >= 1);
  });
});
