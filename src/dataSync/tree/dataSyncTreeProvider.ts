// The SQL Data Sync tree: lazy (a node's children load when it is expanded), cancellable (a refresh
// aborts the loads it supersedes), failures shown in place as error nodes with a retry action, and
// refreshable per node or as a whole.
import * as vscode from 'vscode';
import type { DataSyncContext } from '../dataSyncContext';
import type { DataSyncNode } from './dataSyncNode';
import { ErrorNode, InfoNode } from './messageNode';
import { SubscriptionNode } from './resourceNodes';
import type { SubscriptionFilter } from './subscriptionFilter';

const ROOT = 'root';

export class DataSyncTreeProvider implements vscode.TreeDataProvider<DataSyncNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DataSyncNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly children = new Map<string, Promise<DataSyncNode[]>>();
  private readonly loads = new Map<string, AbortController>();
  private readonly known = new Map<string, DataSyncNode>();

  constructor(
    private readonly ctx: DataSyncContext,
    private readonly signedIn: () => boolean,
    private readonly filter: SubscriptionFilter,
  ) {}

  getTreeItem(node: DataSyncNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: DataSyncNode): DataSyncNode | undefined {
    return node.parent;
  }

  getChildren(node?: DataSyncNode): Promise<DataSyncNode[]> | DataSyncNode[] {
    if (!node && !this.signedIn()) return []; // the view's welcome content takes over
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

  private async load(node: DataSyncNode | undefined, signal: AbortSignal): Promise<DataSyncNode[]> {
    try {
      const nodes = node ? ((await node.loadChildren?.(signal)) ?? []) : await this.loadRoot(signal);
      for (const n of nodes) this.known.set(n.id, n);
      return nodes;
    } catch (e) {
      if (signal.aborted) return [];
      this.children.delete(node?.id ?? ROOT); // let "retry" load again
      return [new ErrorNode(node, e)];
    }
  }

  private async loadRoot(signal: AbortSignal): Promise<DataSyncNode[]> {
    const all = await this.ctx.clients().subscriptions.list(signal).toArray();
    const chosen = this.filter.apply(all);
    if (!all.length) return [new InfoNode(undefined, 'No subscriptions for this account')];
    const nodes: DataSyncNode[] = chosen.map((s) => new SubscriptionNode(this.ctx, s));
    if (chosen.length < all.length)
      nodes.push(
        new InfoNode(
          undefined,
          `${all.length - chosen.length} more subscription(s) hidden — Select Subscriptions…`,
          { command: 'sqlDataMovement.dataSync.selectSubscriptions', title: 'Select Subscriptions' },
          'filter',
        ),
      );
    return nodes;
  }

  /** Reloads a node's children (the whole tree without a node), aborting loads it supersedes. */
  refresh(node?: DataSyncNode): void {
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
  findLoaded(resourceId: string): DataSyncNode | undefined {
    const id = resourceId.toLowerCase();
    let best: DataSyncNode | undefined;
    for (const n of this.known.values()) {
      const r = n.resourceId?.toLowerCase();
      if (r && (id === r || id.startsWith(`${r}/`)) && (!best || r.length > (best.resourceId?.length ?? 0))) best = n;
    }
    return best;
  }

  /** Loads the path from the root down to the resource and returns its node (for TreeView.reveal). */
  async findNode(resourceId: string): Promise<DataSyncNode | undefined> {
    const id = resourceId.toLowerCase();
    let level = await this.getChildren();
    for (;;) {
      const exact = level.find((n) => n.resourceId?.toLowerCase() === id);
      if (exact) return exact;
      const next =
        level.find((n) => n.resourceId && id.startsWith(`${n.resourceId.toLowerCase()}/`) && n.loadChildren !== undefined) ??
        level.find(
          (n) =>
            n.resourceId &&
            id.includes('/syncagents/') &&
            n.id.startsWith('syncAgents:') &&
            id.startsWith(n.parent?.resourceId?.toLowerCase() ?? '\0'),
        );
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
