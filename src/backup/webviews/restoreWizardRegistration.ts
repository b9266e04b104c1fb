// Registers "Restore" (sqlDataMovement.backup.restore): on a protected database node, on a recovery point
// node (the wizard starts on that point), or from the palette (subscription → vault → protected database).
// Each run opens a new wizard.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { PanelLog } from '../../ui/webview/webviewPanel';
import type { BackupContext } from '../backupContext';
import { protectedItemRefOf, recoveryPointRefOf } from '../backupTarget';
import { pickVaultAndDatabase } from '../commands/backupPickers';
import { RestoreWizardPanel } from './restoreWizardPanel';

export const RESTORE_COMMAND = 'sqlDataMovement.backup.restore';

export interface RestoreWizards {
  /** Open wizards (tests drive them through their message protocol). */
  open: Set<RestoreWizardPanel>;
}

export function registerRestoreWizard(deps: {
  context: vscode.ExtensionContext;
  log: PanelLog;
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
}): { disposables: vscode.Disposable[]; wizards: RestoreWizards } {
  const wizards: RestoreWizards = { open: new Set() };
  const open = async (arg?: unknown): Promise<RestoreWizardPanel | undefined> => {
    const point = recoveryPointRefOf(arg);
    const ref = point ?? protectedItemRefOf(arg) ?? (await pickVaultAndDatabase(deps.ctx, deps.input, { purpose: 'Restore' }));
    if (!ref) return undefined;
    const panel: RestoreWizardPanel = new RestoreWizardPanel(
      { extensionUri: deps.context.extensionUri, log: deps.log },
      deps.ctx,
      { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, vault: ref.vault, container: ref.container, item: ref.item },
      point?.recoveryPoint,
      () => wizards.open.delete(panel),
    );
    wizards.open.add(panel);
    return panel;
  };
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand(RESTORE_COMMAND, deps.errors.guard('Restore', open)),
    { dispose: () => [...wizards.open].forEach((p) => p.dispose()) },
  ];
  return { disposables, wizards };
}
