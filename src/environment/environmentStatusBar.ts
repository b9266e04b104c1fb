// Always-visible status-bar entry saying where requests go (Azure, a sovereign cloud or the local
// emulator) and whether the user is signed in; a click offers to switch environment.
import * as vscode from 'vscode';
import type { EnvironmentController, EnvironmentSnapshot } from './environmentController';

export class EnvironmentStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(environment: EnvironmentController) {
    this.item = vscode.window.createStatusBarItem('sqlDataMovement.environment', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Azure SQL Data Movement: Environment';
    this.item.command = 'sqlDataMovement.chooseEnvironment';
    this.render(environment.snapshot());
    this.subscription = environment.onDidChange((snap) => this.render(snap));
    this.item.show();
  }

  private render(snap: EnvironmentSnapshot): void {
    const icon = snap.kind === 'LocalEmulator' ? '$(vm)' : '$(azure)';
    this.item.text = `${icon} ${snap.label}${snap.signedIn ? '' : ' (signed out)'}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Azure SQL Data Movement**\n\nEnvironment: ${snap.label}\n\n`);
    md.appendMarkdown(snap.signedIn ? `Signed in${snap.account ? ` as ${escapeMarkdown(snap.account)}` : ''}\n\n` : 'Not signed in\n\n');
    if (snap.emulator) md.appendMarkdown(`Emulator ARM endpoint: \`${snap.emulator.arm}\`\n\n`);
    md.appendMarkdown('Click to choose another environment.');
    this.item.tooltip = md;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
