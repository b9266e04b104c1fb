// Registers the Create Mirrored Database wizard (palette, or a workspace node: the wizard starts in that
// workspace) and the readiness commands. Each run of the command opens a new wizard.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { PanelLog } from '../../ui/webview/webviewPanel';
import type { UserInput } from '../../ui/userInput';
import { registerReadinessCommands } from '../commands/readinessCommands';
import type { FabricContext } from '../fabricContext';
import { fabricWorkspaceOf } from '../fabricTarget';
import { CreateWizardPanel } from './createWizardPanel';

export interface FabricCreateWizards {
  /** Open wizards (tests drive them through their message protocol). */
  open: Set<CreateWizardPanel>;
}

export function registerFabricCreateAndReadiness(deps: {
  context: vscode.ExtensionContext;
  log: PanelLog;
  ctx: FabricContext;
  input: UserInput;
  errors: ErrorReporter;
}): { disposables: vscode.Disposable[]; wizards: FabricCreateWizards } {
  const wizards: FabricCreateWizards = { open: new Set() };
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('sqlDataMovement.fabric.createMirroredDatabase', (arg?: unknown) => {
      const panel: CreateWizardPanel = new CreateWizardPanel(
        { extensionUri: deps.context.extensionUri, log: deps.log },
        deps.ctx,
        fabricWorkspaceOf(arg)?.workspaceId,
        () => wizards.open.delete(panel),
      );
      wizards.open.add(panel);
      return panel;
    }),
    ...registerReadinessCommands(deps),
    { dispose: () => [...wizards.open].forEach((p) => p.dispose()) },
  ];
  return { disposables, wizards };
}
