// Builds the object graph and registers it with VS Code; no logic of its own.
import * as vscode from 'vscode';
import { registerEnvironmentCommands } from './commands/environmentCommands';
import { EnvironmentController } from './environment/environmentController';
import { EnvironmentStatusBar } from './environment/environmentStatusBar';
import type { ExtensionApi } from './extensionApi';
import { SignedOutTreeProvider } from './tree/signedOutTreeProvider';
import { GettingStartedPanel } from './webviews/gettingStartedPanel';

const viewIds = ['sqlDataMovement.dataSync', 'sqlDataMovement.fabricMirroring', 'sqlDataMovement.backup', 'sqlDataMovement.operations'] as const;

let environment: EnvironmentController | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const output = vscode.window.createOutputChannel('Azure SQL Data Movement', { log: true });
  environment = new EnvironmentController(context, output);
  const statusBar = new EnvironmentStatusBar(environment);
  const gettingStarted = new GettingStartedPanel(context.extensionUri, environment, output);
  const trees = viewIds.map((id) => ({ id, provider: new SignedOutTreeProvider() }));

  context.subscriptions.push(
    output,
    statusBar,
    gettingStarted,
    ...trees.map(({ id, provider }) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true })),
    ...registerEnvironmentCommands(environment),
    vscode.commands.registerCommand('sqlDataMovement.showGettingStarted', () => { gettingStarted.show(); }),
    vscode.commands.registerCommand('sqlDataMovement.showRequestLog', () => output.show(true)),
    vscode.commands.registerCommand('sqlDataMovement.refresh', () => trees.forEach((t) => t.provider.refresh())),
    environment.onDidChange(() => trees.forEach((t) => t.provider.refresh())),
  );
  void environment.restore().catch((e: unknown) => output.error(`Could not start the local emulator: ${e instanceof Error ? e.message : String(e)}`));
  return { environment, environmentStatusBar: statusBar.item, gettingStarted, viewIds };
}

export async function deactivate(): Promise<void> {
  // Stops the local emulator child process so no server outlives the window.
  await environment?.dispose();
  environment = undefined;
}
