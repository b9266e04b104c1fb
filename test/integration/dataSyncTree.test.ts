// The SQL Data Sync tree as a user sees it change: a node's own Refresh, transient states followed
// while the view is visible, error nodes' actions, and descriptions that do not go stale.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { serverRefFromId, syncGroupRefFromId } from '../../src/dataSync/dataSyncRefs';
import type { DataSyncNode } from '../../src/dataSync/tree/dataSyncNode';
import type { ExtensionApi } from '../../src/extensionApi';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';
import { itemMenu } from './support/menus';
import { arrangeSyncableGroup, type ArrangedGroup } from './support/syncGroups';

describe('SQL Data Sync tree (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  let arranged: ArrangedGroup;

  const children = async (node?: DataSyncNode) => api.dataSyncTree.getChildren(node) as Promise<DataSyncNode[]>;
  const item = async (node: DataSyncNode) => api.dataSyncTree.getTreeItem(node);
  const description = async (node: DataSyncNode) => String((await item(node)).description);
  const groupState = async () => (await api.dataSync.clients().groups.get(syncGroupRefFromId(arranged.groupId))).properties?.syncState;
  /** The group's node as the tree holds it now (loading the path to it if needed). */
  const groupNode = async () => {
    const node = await api.dataSyncTree.findNode(arranged.groupId);
    assert.ok(node, 'the group is in the tree');
    return node;
  };
  const memberNode = async (group: DataSyncNode) => {
    const member = (await children(group)).find((n) => n.resourceId === arranged.memberId);
    assert.ok(member, 'the member is under its group');
    return member;
  };

  before(async () => {
    api = await activateExtension();
    let arm;
    ({ arm, control } = await useEmulator(api));
    arranged = await arrangeSyncableGroup(arm, api.dataSync.clients(), 'it-tree');
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    api.dataSyncTree.refresh();
  });
  after(async () => {
    await control.clearFaults();
    const ref = syncGroupRefFromId(arranged.groupId);
    await api.dataSync
      .clients()
      .groups.cancelSync(ref)
      .catch(() => undefined);
    await waitFor('the sync to stop', async () => (await groupState()) !== 'Progressing', 30_000);
    await (await api.dataSync.clients().groups.beginDelete(ref)).pollUntilDone({ minDelayMs: 100 });
  });

  it('remembers expanded nodes, so the tree opens as it was after a reload', async () => {
    const [subscription] = await children();
    assert.ok(subscription, 'a subscription in the tree');
    await api.dataSyncTreeView.reveal(subscription, { expand: true });
    // A reloaded window builds its tree anew: the same node, rendered again, asks to be expanded.
    await waitFor('the expansion to be remembered', async () => {
      api.dataSyncTree.refresh();
      const again = (await children()).find((n) => n.id === subscription.id);
      return again && (await item(again)).collapsibleState === vscode.TreeItemCollapsibleState.Expanded;
    });
  });

  it("a node's Refresh re-reads the node itself, not only its children (after Cancel Sync)", async () => {
    const group = await groupNode();
    const before = await description(group);
    assert.doesNotMatch(before, /Progressing/);
    // The sync starts and is cancelled behind the tree's back: only Refresh can tell it.
    const ref = syncGroupRefFromId(arranged.groupId);
    await api.dataSync.clients().groups.triggerSync(ref);
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.refreshNode', group);
    assert.match(await description(group), /Progressing/, 'the group shows the running sync');
    assert.match(String((await item(group)).contextValue), /^syncGroup;state-progressing$/);
    assert.match(await description(await memberNode(group)), /SyncInProgress/);

    await api.dataSync.clients().groups.cancelSync(ref);
    const settled = await waitFor('the cancelled sync to end', async () => {
      const s = await groupState();
      return s !== 'Progressing' ? s : undefined;
    });
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.refreshNode', group);
    const after = await description(group);
    assert.ok(after.includes(settled), `the group shows its state after the cancel (${settled}): ${after}`);
    assert.doesNotMatch(after, /Progressing/);
    assert.match(await description(await memberNode(group)), /SyncCancelled/);
  });

  it('follows a running sync while the view is visible, and stops once it settles or nobody looks', async () => {
    const tree = api.dataSyncTree;
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    await waitFor('the view to be visible', () => tree.follower.isVisible);
    const group = await groupNode();
    await memberNode(group);
    // Sync now refreshes the group once; from then on nobody refreshes but the tree itself.
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.triggerSync', arranged.groupId);
    await waitFor('the tree to show the sync', async () => /Progressing/.test(await description(group)));
    assert.ok(tree.follower.ids.includes(group.id), 'the running group is followed');
    await waitFor('the tree to show the end of the sync by itself', async () => !/Progressing/.test(await description(group)), 40_000);
    assert.match(await description(await memberNode(group)), /SyncSucceeded/);
    assert.ok(!tree.follower.ids.includes(group.id), 'a settled group is no longer followed');

    // Nobody looks: the tree re-reads nothing, even while the group runs.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the view to be hidden', () => !tree.follower.isVisible);
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.triggerSync', arranged.groupId);
    await waitFor('the tree to show the new sync', async () => /Progressing/.test(await description(group)));
    assert.ok(tree.follower.ids.includes(group.id));
    assert.equal(tree.follower.active, false, 'no re-read scheduled while the view is hidden');
    await waitFor('the sync to end', async () => (await groupState()) !== 'Progressing', 40_000);
    assert.match(await description(group), /Progressing/, 'the hidden tree was not re-read');

    // Looking again catches up.
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    await waitFor('the tree to catch up', async () => !/Progressing/.test(await description(group)), 20_000);
  });

  it("an error node's menu gives Retry, Copy Details (code, message, request id) and Show Request Log", async () => {
    const group = await groupNode();
    await control.addFaults('500*6@GET /syncGroups/it-tree/syncMembers$'); // one try + 5 retries
    api.dataSyncTree.refresh(group);
    const [error] = await children(group);
    const label = (await item(error)).label;
    assert.match(typeof label === 'string' ? label : (label?.label ?? ''), /^Could not load: /);
    const contextValue = String((await item(error)).contextValue);
    const menu = itemMenu('sqlDataMovement.dataSync', contextValue);
    const entries = (command: string) => menu.filter((m) => m.command === command);
    assert.ok(
      entries('sqlDataMovement.tree.retry').some((m) => m.group === 'inline@1'),
      'Retry inline',
    );
    for (const command of ['sqlDataMovement.tree.retry', 'sqlDataMovement.tree.copyErrorDetails', 'sqlDataMovement.showRequestLog'])
      assert.ok(
        entries(command).some((m) => !m.group?.startsWith('inline')),
        `${command} in the context menu of ${contextValue} (menu: ${menu.map((m) => m.command).join(', ')})`,
      );
    assert.deepEqual(
      itemMenu('sqlDataMovement.dataSync', 'syncGroup;state-good').filter((m) => m.command.startsWith('sqlDataMovement.tree.')),
      [],
    );

    await vscode.env.clipboard.writeText('before');
    const details = await vscode.commands.executeCommand<string>('sqlDataMovement.tree.copyErrorDetails', error);
    assert.equal(await vscode.env.clipboard.readText(), details);
    assert.match(details, /^Code: InternalServerError$/m);
    assert.match(details, /^Message: .+/m);
    assert.match(details, /^Request id: \S+/m);
    assert.ok(!/Bearer [A-Za-z0-9]/.test(details), 'no token in the details');
    await vscode.commands.executeCommand('sqlDataMovement.showRequestLog');

    await control.clearFaults();
    await vscode.commands.executeCommand('sqlDataMovement.tree.retry', error);
    assert.ok(
      (await children(group)).some((n) => n.resourceId === arranged.memberId),
      'Retry loads the members',
    );
  });

  it("a database whose sync groups cannot be listed shows as one error node; the server's other groups still show", async () => {
    const server = await api.dataSyncTree.findNode(arranged.serverId);
    assert.ok(server, 'the server is in the tree');
    const databases = await api.dataSync.clients().servers.listDatabases(serverRefFromId(arranged.serverId)).toArray();
    const hubDatabase = syncGroupRefFromId(arranged.groupId).database;
    const failing = databases.find((d) => d.name !== 'master' && d.name?.toLowerCase() !== hubDatabase.toLowerCase())?.name;
    assert.ok(failing, 'a second user database on the server');
    // A dedicated SQL pool (or a database deleted meanwhile) answers an error for its sync groups, retries included.
    await control.addFaults(`500*6@GET /databases/${failing}/syncGroups$`);
    try {
      api.dataSyncTree.refresh(server);
      const nodes = await children(server);
      assert.ok(
        nodes.some((n) => n.resourceId === arranged.groupId),
        'the group of the other database still shows',
      );
      const labels = await Promise.all(
        nodes.map(async (n) => {
          const label = (await item(n)).label;
          return typeof label === 'string' ? label : (label?.label ?? '');
        }),
      );
      const errors = labels.filter((l) => l.startsWith('Could not load'));
      assert.equal(errors.length, 1, `one error node: ${labels.join(' | ')}`);
      assert.ok(errors[0]?.includes(failing), `the error node names ${failing}: ${errors[0]}`);
      assert.match(String((await item(nodes[labels.indexOf(errors[0])])).contextValue), /Error$/);
    } finally {
      await control.clearFaults();
    }
  });

  it('writes times that do not go stale: absolute in descriptions, the age in the tooltip; agents without expiry say so', async () => {
    const ref = syncGroupRefFromId(arranged.groupId);
    if ((await groupState()) !== 'Progressing') await api.dataSync.clients().groups.triggerSync(ref);
    await waitFor('the sync to end', async () => (await groupState()) !== 'Progressing', 40_000);
    const group = await groupNode();
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.refreshNode', group);
    const groupItem = await item(group);
    const text = String(groupItem.description);
    assert.match(text, /synced \S/, 'the last sync is shown');
    assert.doesNotMatch(text, /ago|just now/, `no relative time in the description: ${text}`);
    const tip = api.dataSyncTree.resolveTreeItem(groupItem, group).tooltip;
    // The tooltip is Markdown with its text escaped (appendText); read it back as text.
    const tipText = (typeof tip === 'string' ? tip : (tip?.value ?? '')).replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tipText, /Last sync: .+\((just now|\d+ min ago)\)/, tipText);

    const agents = await api.dataSync.clients().agents.list(serverRefFromId(arranged.serverId)).toArray();
    const forever = agents.find((a) => a.properties?.expiryTime?.startsWith('9999'));
    const expiring = agents.find((a) => a.properties?.expiryTime && !a.properties.expiryTime.startsWith('9999'));
    assert.ok(forever?.id && expiring?.id, 'the demo server has an agent without expiry and one with');
    const foreverNode = await api.dataSyncTree.findNode(forever.id);
    assert.ok(foreverNode, 'the agent is in the tree');
    const foreverText = await description(foreverNode);
    assert.match(foreverText, /does not expire/);
    assert.doesNotMatch(foreverText, /9999/);
    const expiringNode = await api.dataSyncTree.findNode(expiring.id);
    assert.ok(expiringNode);
    assert.match(await description(expiringNode), /expires \S|expired/);
  });
});
