// A node of the SQL Data Sync tree. Nodes are plain objects that know how to render themselves and
// load their children; the provider caches, cancels and turns failures into error nodes.
import type * as vscode from 'vscode';

export interface DataSyncNode {
  /** Stable, unique tree id (prefixed by kind; ARM ids lower-cased). */
  readonly id: string;
  readonly parent?: DataSyncNode;
  /** The ARM resource this node stands for, for commands (copy id, portal, reveal). */
  readonly resourceId?: string;
  treeItem(): vscode.TreeItem;
  /** Loads the children; undefined for a leaf. */
  loadChildren?(signal: AbortSignal): Promise<DataSyncNode[]>;
}

export function treeIdFor(kind: string, resourceId: string): string {
  return `${kind}:${resourceId.toLowerCase()}`;
}
