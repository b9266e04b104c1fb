// Registers the Backup tree's commands (reveal included) and Back up now.
import type * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import { registerBackupNowCommand } from './backupNowCommand';
import { registerRevealItemCommand } from './revealItemCommand';
import { registerBackupTreeCommands } from './treeCommands';

export function registerBackupTreeAndBackupNow(deps: {
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
  provider: BackupTreeProvider;
  view: vscode.TreeView<TreeNode>;
}): vscode.Disposable[] {
  return [...registerBackupTreeCommands(deps), registerBackupNowCommand(deps), registerRevealItemCommand(deps)];
}
