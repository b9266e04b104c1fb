// The base of every service tree: lazy (a node's children load when it is expanded), cached,
// cancellable (a refresh aborts the loads it supersedes), failures shown in place as error nodes with
// a retry, refreshable per node (the node itself and its children) or as a whole, and able to find a
// resource's node for reveal. Nodes in a transient state are re-read with backoff while the view is
// visible (TransientFollower), until they settle.
// A service supplies its root loader and node classes; nothing here knows about any service.
import * as vscode from 'vscode';
import { ErrorNode } from './errorNode';
import type { ExpansionMemory } from './expansionMemory';
import { TransientFollower, type TransientFollowerOptions } from './transientFollower';
import type { TreeNode } from './treeNode';

const ROOT = 'root';

export interface CachingTreeOptions {
  /** Loads the top level. */
  loadRoot(signal: AbortSignal): Promise<TreeNode[]>;
  /** False while the tree has nothing to show (signed out): the view's welcome content takes over. */
  ready?(): boolean;
  /** Context value of this tree's error nodes, e.g. `dataSyncError` (menus match `…Error`). */
  errorContextValue: string;
  /** Backoff for following transient nodes (2 s doubling to 30 s by default). */
  follow?: TransientFollowerOptions;
  /** Remembers expanded nodes across reloads (the view's expand/collapse events feed it). */
  expansion?: ExpansionMemory;
}

export class CachingTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly children = new Map<string, Promise<TreeNode[]>>();
  private readonly loads = new Map<string, AbortController>();
  private readonly known = new Map<string, TreeNode>();
  /** Nodes re-reading their own resource; their tree item waits for it. */
  private readonly reloads = new Map<string, { ctrl: AbortController; done: Promise<void> }>();

  /** Re-reads transient nodes while a view of this tree is visible. */
  readonly follower: TransientFollower;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly options: CachingTreeOptions) {
    this.follower = new TransientFollower((ids) => this.rereadTransient(ids), options.follow);
  }

  /** Creates the view for this tree; transient nodes are followed only while it is visible. */
  createTreeView(viewId: string, options: Omit<vscode.TreeViewOptions<TreeNode>, 'treeDataProvider'> = {}): vscode.TreeView<TreeNode> {
    const view = vscode.window.createTreeView(viewId, { ...options, treeDataProvider: this });
    this.follower.setVisible(view.visible);
    this.disposables.push(view.onDidChangeVisibility((e) => this.follower.setVisible(e.visible)));
    const memory = this.options.expansion;
    if (memory)
      this.disposables.push(
        view.onDidExpandElement((e) => void memory.set(e.element.id, true)),
        view.onDidCollapseElement((e) => void memory.set(e.element.id, false)),
      );
    return view;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    const reload = this.reloads.get(node.id);
    return reload ? reload.done.then(() => this.itemOf(node)) : this.itemOf(node);
  }

  private itemOf(node: TreeNode): vscode.TreeItem {
    const item = node.treeItem();
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed && this.options.expansion?.isExpanded(node.id))
      item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    return item;
  }

  /** VS Code asks on hover for a tooltip the item left undefined; relative times are current then. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.tooltip) item.tooltip = node.tooltip();
    return item;
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
      if (signal.aborted) return nodes;
      this.forgetChildrenOf(node, new Set(nodes.map((n) => n.id)));
      for (const n of nodes) {
        this.known.set(n.id, n);
        this.follower.update(n.id, n.isTransient?.() ?? false);
      }
      return nodes;
    } catch (e) {
      if (signal.aborted) return [];
      this.children.delete(node?.id ?? ROOT); // let "retry" load again
      return [new ErrorNode(node, e, this.options.errorContextValue, () => this.refresh(node))];
    }
  }

  /** Drops the children a level no longer has (a deleted resource is no longer followed). */
  private forgetChildrenOf(node: TreeNode | undefined, keep: Set<string>): void {
    for (const [id, n] of this.known)
      if (!keep.has(id) && (n.parent?.id ?? ROOT) === (node?.id ?? ROOT)) {
        this.known.delete(id);
        this.follower.forget(id);
      }
  }

  /**
   * Re-reads a node's own resource and reloads its children (the whole tree without a node),
   * aborting the loads it supersedes.
   */
  refresh(node?: TreeNode): void {
    const prefix = node?.id;
    const superseded = (key: string) => !prefix || key === prefix || this.isBelow(key, prefix);
    for (const [key, ctrl] of this.loads) if (superseded(key)) ctrl.abort();
    for (const [key, reload] of this.reloads) if (superseded(key)) reload.ctrl.abort();
    if (!prefix) {
      this.children.clear();
      this.known.clear();
      this.follower.clear();
    } else for (const key of [...this.children.keys()]) if (superseded(key)) this.children.delete(key);
    if (node?.reload) this.reloadItself(node, node.reload.bind(node));
    this.changed.fire(node);
  }

  /** Resolves once the node's own re-read (if any) has finished. */
  async whenReloaded(node: TreeNode): Promise<void> {
    await this.reloads.get(node.id)?.done;
  }

  private reloadItself(node: TreeNode, reload: (signal: AbortSignal) => Promise<void>): void {
    const ctrl = new AbortController();
    const done = reload(ctrl.signal).then(
      () => {
        if (!ctrl.signal.aborted) this.follower.update(node.id, node.isTransient?.() ?? false);
      },
      () => {
        // Gone (deleted elsewhere) or unreadable: the parent lists again, showing the truth or an error node.
        if (ctrl.signal.aborted) return;
        this.known.delete(node.id);
        this.follower.forget(node.id);
        this.refresh(node.parent);
      },
    );
    this.reloads.set(node.id, { ctrl, done });
    void done.finally(() => {
      if (this.reloads.get(node.id)?.ctrl === ctrl) this.reloads.delete(node.id);
    });
  }

  /** One round of following: refreshes each transient node (once, through its topmost followed ancestor). */
  private async rereadTransient(ids: string[]): Promise<void> {
    const followed = new Set(ids);
    const nodes: TreeNode[] = [];
    for (const id of ids) {
      const node = this.known.get(id);
      if (!node) this.follower.forget(id);
      else if (!this.hasAncestorIn(node, followed)) nodes.push(node);
    }
    for (const node of nodes) this.refresh(node.reload ? node : node.parent);
    await Promise.all(nodes.map((n) => this.whenReloaded(n)));
  }

  private hasAncestorIn(node: TreeNode, ids: Set<string>): boolean {
    for (let p = node.parent; p; p = p.parent) if (ids.has(p.id)) return true;
    return false;
  }

  /**
   * Refreshes after a change to `resourceId`: its node (re-read itself when it can, else through its
   * parent), or the deepest loaded ancestor when the resource is new.
   */
  refreshResource(resourceId?: string): void {
    if (!resourceId) return this.refresh();
    const target = this.findLoaded(resourceId);
    const exact = target?.resourceId?.toLowerCase() === resourceId.toLowerCase();
    this.refresh(exact && !target.reload ? target.parent : target);
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
      // A grouping node without a resource of its own (the resource's id does not pass through it).
      next ??= level.find((n) => n.loadChildren && n.leadsTo?.(resourceId));
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
    for (const reload of this.reloads.values()) reload.ctrl.abort();
    this.follower.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
