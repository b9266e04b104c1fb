// The Backup view: its tree while signed in (the welcome content while signed out), reloaded when the
// environment changes; an operation on something in a vault that ends re-reads that thing's node.
import type * as vscode from 'vscode';
import type { EnvironmentController } from '../environment/environmentController';
import type { OperationRecord } from '../operations/operationRecord';
import type { Subscription } from '../operations/signal';
import { ExpansionMemory, type ExpansionStore } from '../ui/tree/expansionMemory';
import type { TreeNode } from '../ui/tree/treeNode';
import type { RefreshableView } from '../ui/welcomeView';
import type { BackupContext } from './backupContext';
import { BackupTreeProvider } from './tree/backupTreeProvider';

export const BACKUP_VIEW_ID = 'sqlDataMovement.backup';
const EXPANDED_KEY = 'sqlDataMovement.backup.expanded';
const IN_A_VAULT = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+/i;

export interface BackupView extends RefreshableView {
  provider: BackupTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** Re-reads the node of this ARM id (its nearest loaded ancestor when not loaded), or everything. */
  refreshResource(resourceId?: string): void;
}

export interface BackupViewDeps {
  ctx: BackupContext;
  environment: EnvironmentController;
  state: ExpansionStore;
  onDidEndOperation: (listener: (record: OperationRecord) => void) => Subscription;
}

export function createBackupView({ ctx, environment, state, onDidEndOperation }: BackupViewDeps): BackupView {
  const provider = new BackupTreeProvider(ctx, () => environment.snapshot().signedIn, new ExpansionMemory(state, EXPANDED_KEY));
  const view = provider.createTreeView(BACKUP_VIEW_ID, { showCollapseAll: true });
  const subscriptions = [
    environment.onDidChange(() => provider.refresh()),
    onDidEndOperation((r) => {
      const id = r.target.resourceId;
      if (id && IN_A_VAULT.test(id)) provider.refreshResource(id);
    }),
  ];
  return {
    provider,
    view,
    refresh: () => provider.refresh(),
    refreshResource: (id) => provider.refreshResource(id),
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      view.dispose();
      provider.dispose();
    },
  };
}
