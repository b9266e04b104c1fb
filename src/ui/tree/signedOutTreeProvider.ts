// A service view's provider until its tree is built: it shows nothing, so VS Code renders the view's
// welcome content (sign in, choose the environment, start the local emulator).
import * as vscode from 'vscode';

export class SignedOutTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  refresh(): void {
    this.changed.fire();
  }
}
