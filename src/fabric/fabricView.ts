// The Fabric Mirroring view: its tree while signed in (the welcome content while signed out), reloaded
// when the environment changes; an operation that ends re-renders its mirrored database.
import type * as vscode from 'vscode';
import type { EnvironmentController } from '../environment/environmentController';
import type { OperationRecord } from '../operations/operationRecord';
import type { Subscription } from '../operations/signal';
import type { TreeNode } from '../ui/tree/treeNode';
import type { RefreshableView } from '../ui/welcomeView';
import type { FabricContext } from './fabricContext';
import { FabricTreeProvider } from './tree/fabricTreeProvider';

export const FABRIC_VIEW_ID = 'sqlDataMovement.fabricMirroring';

export interface FabricView extends RefreshableView {
  provider: FabricTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** Refreshes a mirrored database's node by its item id (everything without one). */
  refreshItem(itemId?: string): void;
}

export interface FabricViewDeps {
  ctx: FabricContext;
  environment: EnvironmentController;
  onDidEndOperation: (listener: (record: OperationRecord) => void) => Subscription;
}

export function createFabricView({ ctx, environment, onDidEndOperation }: FabricViewDeps): FabricView {
  const provider = new FabricTreeProvider(ctx, () => environment.snapshot().signedIn);
  const view = provider.createTreeView(FABRIC_VIEW_ID, { showCollapseAll: true });
  const subscriptions = [
    environment.onDidChange(() => provider.refresh()),
    onDidEndOperation((r) => {
      if (r.target.resourceId?.startsWith('/workspaces/')) provider.refreshResource(r.target.resourceId);
    }),
  ];
  return {
    provider,
    view,
    refresh: () => provider.refresh(),
    refreshItem: (itemId) => provider.refreshItem(itemId),
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      view.dispose();
      provider.dispose();
    },
  };
}
