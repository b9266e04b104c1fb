// Small builders the node classes of every tree share.
import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';
import { appendInertText } from '../inertText';

/** A tree item carrying the node's stable id and its menu context value. */
export function nodeItem(node: TreeNode, label: string, state: vscode.TreeItemCollapsibleState, contextValue: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.id = node.id;
  item.contextValue = contextValue;
  return item;
}

/** A plain-text tooltip, one line per defined entry (service text stays text: no markup, no links). */
export function linesTooltip(lines: (string | false | undefined)[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  return appendInertText(md, lines.filter((l): l is string => !!l).join('\n'));
}
