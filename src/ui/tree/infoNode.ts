// A leaf that says something instead of showing resources: an empty list, or a call to action.
import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

export class InfoNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode | undefined,
    readonly label: string,
    readonly command?: vscode.Command,
    readonly icon = 'info',
  ) {
    this.id = `info:${parent?.id ?? 'root'}:${label}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.command = this.command;
    item.contextValue = 'treeInfo';
    return item;
  }
}
