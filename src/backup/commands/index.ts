// Registers the Backup tree's commands and Back up now.
import type * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import { registerBackupNowCommand } from './backupNowCommand';
import { registerBackupTreeCommands } from './treeCommands';

export function registerBackupTreeAndBackupNow(deps: {
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
  provider: BackupTreeProvider;
}): vscode.Disposable[] {
  return [...registerBackupTreeCommands(deps), registerBackupNowCommand(deps)];
}
