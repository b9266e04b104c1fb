// Commands that choose where the extension works: environment, sign-in, and the local emulator.
import * as vscode from 'vscode';
import type { EnvironmentController } from './environmentController';
import { environmentKinds, environmentLabels, type EnvironmentKind } from './environmentKind';
import { plainNotificationText } from '../ui/notificationText';

const descriptions: Record<EnvironmentKind, string> = {
  AzureCloud: 'management.azure.com',
  AzureUSGovernment: 'management.usgovcloudapi.net',
  AzureChinaCloud: 'management.chinacloudapi.cn',
  LocalEmulator: 'offline, on this machine',
  Custom: 'endpoints from sqlDataMovement.customEnvironment',
};

export function registerEnvironmentCommands(environment: EnvironmentController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('sqlDataMovement.chooseEnvironment', async (kind?: EnvironmentKind) => {
      const current = environment.kind;
      const picked =
        kind ??
        (
          await vscode.window.showQuickPick(
            environmentKinds.map((k) => ({
              label: environmentLabels[k],
              description: descriptions[k],
              picked: k === current,
              detail: k === current ? 'Current environment' : undefined,
              environment: k,
            })),
            { title: 'Choose where Azure SQL Data Movement sends its requests', placeHolder: `Current: ${environmentLabels[current]}` },
          )
        )?.environment;
      if (!picked) return undefined;
      await environment.setKind(picked);
      if (picked === 'LocalEmulator') await startEmulator(environment);
      return picked;
    }),
    vscode.commands.registerCommand('sqlDataMovement.startEmulator', async () => {
      await environment.setKind('LocalEmulator');
      return startEmulator(environment);
    }),
    vscode.commands.registerCommand('sqlDataMovement.stopEmulator', async () => {
      await environment.stopEmulator();
      vscode.window.setStatusBarMessage('$(vm-outline) Local emulator stopped', 4000);
    }),
  ];
}

async function startEmulator(environment: EnvironmentController) {
  try {
    const endpoints = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Starting the local emulator…' },
      () => environment.startEmulator(),
    );
    vscode.window.setStatusBarMessage(`$(vm-running) Local emulator running at ${endpoints.arm}`, 5000);
    return endpoints;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window
      .showErrorMessage(plainNotificationText(`Could not start the local emulator: ${message}`), 'Show Log')
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('sqlDataMovement.showRequestLog');
      });
    return undefined;
  }
}
