// Leaf nodes that say something instead of showing resources: a load that failed (with the error and
// a retry action), an empty list, or a call to action.
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { DataSyncNode } from './dataSyncNode';

export class ErrorNode implements DataSyncNode {
  readonly id: string;
  constructor(
    readonly parent: DataSyncNode | undefined,
    readonly error: unknown,
  ) {
    this.id = `error:${parent?.id ?? 'root'}`;
  }

  get message(): string {
    if (isAzureRequestError(this.error)) return `${this.error.code}: ${this.error.message}`;
    return this.error instanceof Error ? this.error.message : String(this.error);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Could not load: ${this.message}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = 'dataSyncError';
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendText(isAzureRequestError(this.error) ? this.error.toDetailsText() : this.message);
    tip.appendMarkdown('\n\nClick to retry.');
    item.tooltip = tip;
    item.command = { command: 'sqlDataMovement.dataSync.retryNode', title: 'Retry', arguments: [this] };
    return item;
  }
}

export class InfoNode implements DataSyncNode {
  readonly id: string;
  constructor(
    readonly parent: DataSyncNode | undefined,
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
    item.contextValue = 'dataSyncInfo';
    return item;
  }
}
