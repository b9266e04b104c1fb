// "Refresh" in the view titles: every view reloads what it shows.
import * as vscode from 'vscode';

export function registerRefreshCommand(views: ReadonlyArray<{ refresh(): void }>): vscode.Disposable {
  return vscode.commands.registerCommand('sqlDataMovement.refresh', () => {
    for (const view of views) view.refresh();
  });
}
