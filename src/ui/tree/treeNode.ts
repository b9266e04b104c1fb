// A node of a service tree: a plain object that renders itself, loads its children and re-reads its
// own resource. CachingTreeProvider caches and cancels the loads and turns failures into error nodes.
import type * as vscode from 'vscode';

export interface TreeNode {
  /** Stable, unique tree id (prefixed by kind; ARM ids lower-cased). */
  readonly id: string;
  readonly parent?: TreeNode;
  /** The resource this node stands for, for commands (copy id, portal, reveal). */
  readonly resourceId?: string;
  treeItem(): vscode.TreeItem;
  /** For a node that groups resources without being one (a SQL instance): whether this resource is below it (reveal). */
  leadsTo?(resourceId: string): boolean;
  /** Loads the children; undefined for a leaf. */
  loadChildren?(signal: AbortSignal): Promise<TreeNode[]>;
  /** Re-reads the node's own resource so that its label, description and icon are current. */
  reload?(signal: AbortSignal): Promise<void>;
  /** True while the resource is in a state that changes by itself (a sync running, mirroring starting). */
  isTransient?(): boolean;
  /** A tooltip built when the user hovers, for text that would go stale in the item (relative times). */
  tooltip?(): vscode.MarkdownString | string;
}

export function treeIdFor(kind: string, resourceId: string): string {
  return `${kind}:${resourceId.toLowerCase()}`;
}
