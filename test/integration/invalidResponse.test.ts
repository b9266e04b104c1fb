// A broken answer (200 with JSON cut off) shows in the tree as an error node with the code and Retry,
// never as an empty list with an "add one" hint.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { DataSyncNode } from '../../src/dataSync/tree/dataSyncNode';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension } from './support/extension';

describe('invalid response bodies in the tree (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;

  const children = async (node?: DataSyncNode) => api.dataSyncTree.getChildren(node) as Promise<DataSyncNode[]>;
  const label = (n: DataSyncNode): string => {
    const l = n.treeItem().label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
  });
  afterEach(async () => {
    await control.clearFaults();
  });

  it('a member list cut off mid-JSON shows an error node with InvalidResponseBody; retry lists the members', async () => {
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    const sub = (await children()).find((s) => label(s) === 'Contoso Production');
    assert.ok(sub, 'the demo subscription');
    const server = (await children(sub)).find((s) => /\/servers\/contoso-sales-weu$/i.test(s.resourceId ?? ''));
    assert.ok(server, 'the demo server');
    const group = (await children(server)).find((g) => /\/syncGroups\/sales-sync$/i.test(g.resourceId ?? ''));
    assert.ok(group, 'the demo group with members');
    assert.ok(
      (await children(group)).some((m) => m.id.startsWith('syncMember:')),
      'members listed when the answer is whole',
    );

    await control.addFaults('malformed*1@GET /syncGroups/sales-sync/syncMembers$');
    api.dataSyncTree.refresh(group);
    const failed = await children(group);
    assert.equal(failed.length, 1, `one node instead of members: ${failed.map(label).join(' | ')}`);
    assert.match(label(failed[0]), /^Could not load: InvalidResponseBody: /);
    assert.equal(failed[0].treeItem().contextValue, 'dataSyncError');
    assert.equal(failed[0].treeItem().command?.command, 'sqlDataMovement.tree.retry');

    await vscode.commands.executeCommand('sqlDataMovement.tree.retry', failed[0]);
    assert.ok(
      (await children(group)).some((m) => m.id.startsWith('syncMember:')),
      'retry lists the members again',
    );
  });
});
