// A load that failed, shown in place of the children it could not load: the error, a retry on click,
// and (context menu) Retry, Copy Details, Show Request Log.
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { TreeNode } from './treeNode';
import { appendInertText } from '../inertText';

export const RETRY_COMMAND = 'sqlDataMovement.tree.retry';
export const COPY_ERROR_DETAILS_COMMAND = 'sqlDataMovement.tree.copyErrorDetails';

export class ErrorNode implements TreeNode {
  readonly id: string;
  /** What support asks for: code, message, request ids and the failing request (nothing secret), as of the failure. */
  readonly details: string;
  constructor(
    readonly parent: TreeNode | undefined,
    readonly error: unknown,
    /** e.g. `dataSyncError`; menus match any `…Error`. */
    private readonly contextValue: string,
    /** Loads the failed level again. */
    readonly retry: () => void,
    /** What could not be loaded, when one level can show several errors (e.g. `the sync groups of db1`). */
    readonly subject?: string,
  ) {
    this.id = `error:${parent?.id ?? 'root'}${subject ? `:${subject}` : ''}`;
    this.details = isAzureRequestError(error) ? error.toDetailsText() : this.message;
  }

  get message(): string {
    if (isAzureRequestError(this.error)) return `${this.error.code}: ${this.error.message}`;
    return this.error instanceof Error ? this.error.message : String(this.error);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      `Could not load${this.subject ? ` ${this.subject}` : ''}: ${this.message}`,
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = this.contextValue;
    const tip = new vscode.MarkdownString(undefined, true);
    appendInertText(tip, this.details);
    tip.appendMarkdown('\n\nClick to retry.');
    item.tooltip = tip;
    item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this] };
    return item;
  }
}

export function isErrorNode(value: unknown): value is ErrorNode {
  return value instanceof ErrorNode;
}
