import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wired up in the foundation commit.
}

export function deactivate(): void {
  // Nothing to release yet.
}
