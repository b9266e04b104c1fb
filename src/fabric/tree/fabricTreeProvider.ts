// The Fabric Mirroring tree: workspaces (every page) → mirrored databases → tables. Caching, cancelling,
// error nodes with Retry, per-node refresh and following of Starting / Stopping come from
// CachingTreeProvider.
import { CachingTreeProvider } from '../../ui/tree/cachingTreeProvider';
import { InfoNode } from '../../ui/tree/infoNode';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { FabricContext } from '../fabricContext';
import { listWorkspaces } from '../workflows/itemWorkflows';
import type { MirroredDatabaseNode } from './mirroredDatabaseNode';
import { WorkspaceNode } from './workspaceNode';

export class FabricTreeProvider extends CachingTreeProvider {
  /** item id → its Fabric path, for refreshes that name only the item. */
  private readonly paths: Map<string, string>;

  constructor(ctx: FabricContext, signedIn: () => boolean) {
    const paths = new Map<string, string>();
    super({
      loadRoot: (signal) => loadWorkspaces(ctx, paths, signal),
      ready: signedIn,
      errorContextValue: 'fabricError',
    });
    this.paths = paths;
  }

  /** Refreshes a mirrored database's node by its item id (everything when unknown or not given). */
  refreshItem(itemId?: string): void {
    const path = itemId && this.paths.get(itemId.toLowerCase());
    if (path) this.refreshResource(path);
    else this.refresh();
  }
}

async function loadWorkspaces(ctx: FabricContext, paths: Map<string, string>, signal: AbortSignal): Promise<TreeNode[]> {
  const workspaces = await listWorkspaces(ctx, signal);
  if (!workspaces.length) return [new InfoNode(undefined, 'No Fabric workspaces for this account')];
  const remember = (nodes: MirroredDatabaseNode[]) => {
    for (const n of nodes) paths.set(n.itemId.toLowerCase(), n.resourceId);
  };
  return workspaces
    .filter((w) => w.id)
    .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''))
    .map((w) => new WorkspaceNode(ctx, w, remember));
}
