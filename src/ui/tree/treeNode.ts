// A node of a service tree: a plain object that renders itself and loads its children.
// CachingTreeProvider caches and cancels the loads and turns failures into error nodes.
import type * as vscode from 'vscode';

export interface TreeNode {
  /** Stable, unique tree id (prefixed by kind; ARM ids lower-cased). */
  readonly id: string;
  readonly parent?: TreeNode;
  /** The resource this node stands for, for commands (copy id, portal, reveal). */
  readonly resourceId?: string;
  treeItem(): vscode.TreeItem;
  /** Loads the children; undefined for a leaf. */
  loadChildren?(signal: AbortSignal): Promise<TreeNode[]>;
}

export function treeIdFor(kind: string, resourceId: string): string {
  return `${kind}:${resourceId.toLowerCase()}`;
}
