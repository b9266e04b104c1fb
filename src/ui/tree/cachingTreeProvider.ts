// The base of every service tree: lazy (a node's children load when it is expanded), cached,
// cancellable (a refresh aborts the loads it supersedes), failures shown in place as error nodes with
// a retry, refreshable per node or as a whole, and able to find a resource's node for reveal.
// A service supplies its root loader and node classes; nothing here knows about any service.
import * as vscode from 'vscode';
import { ErrorNode } from './errorNode';
import type { TreeNode } from './treeNode';

const ROOT = 'root';

export interface CachingTreeOptions {
  /** Loads the top level. */
  loadRoot(signal: AbortSignal): Promise<TreeNode[]>;
  /** False while the tree has nothing to show (signed out): the view's welcome content takes over. */
  ready?(): boolean;
  /** Context value of this tree's error nodes, e.g. `dataSyncError` (menus match `…Error`). */
  errorContextValue: string;
}

export class CachingTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly children = new Map<string, Promise<TreeNode[]>>();
  private readonly loads = new Map<string, AbortController>();
  private readonly known = new Map<string, TreeNode>();

  constructor(private readonly options: CachingTreeOptions) {}

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    if (!node && this.options.ready?.() === false) return [];
    const key = node?.id ?? ROOT;
    let pending = this.children.get(key);
    if (!pending) {
      const ctrl = new AbortController();
      this.loads.set(key, ctrl);
      pending = this.load(node, ctrl.signal).finally(() => {
        if (this.loads.get(key) === ctrl) this.loads.delete(key);
      });
      this.children.set(key, pending);
    }
    return pending;
  }

  private async load(node: TreeNode | undefined, signal: AbortSignal): Promise<TreeNode[]> {
    try {
      const nodes = node ? ((await node.loadChildren?.(signal)) ?? []) : await this.options.loadRoot(signal);
      for (const n of nodes) this.known.set(n.id, n);
      return nodes;
    } catch (e) {
      if (signal.aborted) return [];
      this.children.delete(node?.id ?? ROOT); // let "retry" load again
      return [new ErrorNode(node, e, this.options.errorContextValue, () => this.refresh(node))];
    }
  }

  /** Reloads a node's children (the whole tree without a node), aborting loads it supersedes. */
  refresh(node?: TreeNode): void {
    const prefix = node?.id;
    for (const [key, ctrl] of this.loads) {
      if (!prefix || key === prefix || this.isBelow(key, prefix)) ctrl.abort();
    }
    if (!prefix) {
      this.children.clear();
      this.known.clear();
    } else for (const key of [...this.children.keys()]) if (key === prefix || this.isBelow(key, prefix)) this.children.delete(key);
    this.changed.fire(node);
  }

  /**
   * Refreshes after a change to `resourceId`: the parent of its node (so the node itself re-renders),
   * or the deepest loaded ancestor when the resource is new.
   */
  refreshResource(resourceId?: string): void {
    if (!resourceId) return this.refresh();
    const target = this.findLoaded(resourceId);
    this.refresh(target?.resourceId?.toLowerCase() === resourceId.toLowerCase() ? target.parent : target);
  }

  /** The loaded node for the resource, or its deepest loaded ancestor. */
  findLoaded(resourceId: string): TreeNode | undefined {
    const id = resourceId.toLowerCase();
    let best: TreeNode | undefined;
    for (const n of this.known.values()) {
      const r = n.resourceId?.toLowerCase();
      if (r && (id === r || id.startsWith(`${r}/`)) && (!best || r.length > (best.resourceId?.length ?? 0))) best = n;
    }
    return best;
  }

  /** Loads the path from the root down to the resource and returns its node (for TreeView.reveal). */
  async findNode(resourceId: string): Promise<TreeNode | undefined> {
    const id = resourceId.toLowerCase();
    let level = await this.getChildren();
    for (;;) {
      const exact = level.find((n) => n.resourceId?.toLowerCase() === id);
      if (exact) return exact;
      // The deepest node whose resource contains the target (a folder's id extends its parent's).
      let next: TreeNode | undefined;
      for (const n of level) {
        const r = n.resourceId?.toLowerCase();
        if (n.loadChildren && r && id.startsWith(`${r}/`) && r.length > (next?.resourceId?.length ?? -1)) next = n;
      }
      if (!next) return undefined;
      level = await this.getChildren(next);
    }
  }

  private isBelow(key: string, ancestorId: string): boolean {
    let n = this.known.get(key)?.parent;
    while (n) {
      if (n.id === ancestorId) return true;
      n = n.parent;
    }
    return false;
  }

  dispose(): void {
    for (const ctrl of this.loads.values()) ctrl.abort();
    this.changed.dispose();
  }
}
