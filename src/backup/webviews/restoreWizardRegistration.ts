// Registers "Restore" (sqlDataMovement.backup.restore): on a protected database node, on a recovery point
// node (the wizard starts on that point), or from the palette (subscription → vault → protected database).
// Each run opens a new wizard.
import * as vscode from 'vscode';
import type { ProtectedItemRef } from '../../azure/backup/backupPaths';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { PanelLog } from '../../ui/webview/webviewPanel';
import type { BackupContext } from '../backupContext';
import { protectedItemRefOf, recoveryPointRefOf, vaultRefOf } from '../backupTarget';
import { listProtectedDatabaseChoices, listSubscriptionChoices, listVaultChoices } from '../workflows/restorePickLists';
import { RestoreWizardPanel } from './restoreWizardPanel';

export const RESTORE_COMMAND = 'sqlDataMovement.backup.restore';

export interface RestoreWizards {
  /** Open wizards (tests drive them through their message protocol). */
  open: Set<RestoreWizardPanel>;
}

type Picked<T> = vscode.QuickPickItem & { value: T };

async function pickProtectedDatabase(ctx: BackupContext, input: UserInput): Promise<ProtectedItemRef | undefined> {
  const subs = listSubscriptionChoices(ctx).then((all) =>
    all.map((s): Picked<string> => ({ label: s.displayName, description: s.subscriptionId, value: s.subscriptionId })),
  );
  const sub = await input.pick(subs, { title: 'Restore: choose a subscription', matchOnDescription: true });
  if (!sub) return undefined;
  const vaults = listVaultChoices(ctx, sub.value).then((all) =>
    all.map((v): Picked<string> => ({ label: v.name!, description: v.location, value: v.id! })),
  );
  const vault = await input.pick(vaults, { title: `Restore: choose a Recovery Services vault in ${sub.label}` });
  if (!vault) return undefined;
  const vaultRef = vaultRefOf(vault.value);
  if (!vaultRef) return undefined;
  const items = listProtectedDatabaseChoices(ctx, vaultRef).then((all) =>
    all.map((i): Picked<string> => ({
      label: i.properties?.friendlyName ?? i.name ?? '',
      description: [i.properties?.parentName, i.properties?.protectionState].filter(Boolean).join(' · '),
      detail: i.properties?.lastBackupTime ? `Last backup ${i.properties.lastBackupTime}` : undefined,
      value: i.id!,
    })),
  );
  const item = await input.pick(items, { title: `Restore: choose a protected database in ${vault.label}` });
  if (!item) return undefined;
  if (!(await items).length) throw new Error(`${vault.label} has no protected databases.`);
  return protectedItemRefOf(item.value);
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
    const ref = point ?? protectedItemRefOf(arg) ?? (await pickProtectedDatabase(deps.ctx, deps.input));
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
