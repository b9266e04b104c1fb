// Reveals a protected database in the Backup tree from its ARM id (the jobs view's "Reveal protected
// item"), loading subscription → vault → VM → SQL instance on the way. Not in the palette: it needs an id.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import { resourceIdOf } from '../../ui/targetResourceId';
import type { TreeNode } from '../../ui/tree/treeNode';
import { protectedItemRefOf } from '../backupTarget';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';

export const REVEAL_ITEM_COMMAND = 'sqlDataMovement.backup.revealItem';

export function registerRevealItemCommand(deps: {
  errors: ErrorReporter;
  provider: BackupTreeProvider;
  view: vscode.TreeView<TreeNode>;
}): vscode.Disposable {
  const { errors, provider, view } = deps;
  return vscode.commands.registerCommand(
    REVEAL_ITEM_COMMAND,
    errors.guard('Reveal protected database', async (arg?: unknown) => {
      const id = resourceIdOf(arg);
      if (!id || !protectedItemRefOf(id)) throw new Error('Reveal needs the ARM id of a protected database ({ resourceId }).');
      const node = await provider.findNode(id);
      if (!node) throw new Error(`The protected database ${id} is not in the Backup view (is its subscription listed?).`);
      await view.reveal(node, { select: true, focus: true, expand: false });
      return node.id;
    }),
  );
}
