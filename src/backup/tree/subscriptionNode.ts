// A subscription: its Recovery Services vaults, by name. A subscription whose vaults cannot be read shows
// its own error node; the others still load.
import * as vscode from 'vscode';
import type { Subscription } from '../../azure/resources/subscriptionsClient';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { listVaults } from '../workflows/browseWorkflows';
import { VaultNode } from './vaultNode';

export class SubscriptionNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  readonly parent = undefined;
  constructor(
    private readonly ctx: BackupContext,
    readonly subscription: Subscription,
  ) {
    this.resourceId = `/subscriptions/${subscription.subscriptionId as string}`;
    this.id = treeIdFor('backupSubscription', this.resourceId);
  }

  get name(): string {
    return this.subscription.displayName ?? (this.subscription.subscriptionId as string);
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, this.name, vscode.TreeItemCollapsibleState.Collapsed, 'backupSubscription');
    item.iconPath = new vscode.ThemeIcon('key');
    item.tooltip = linesTooltip([`Subscription ${this.name}`, `Subscription id: ${this.subscription.subscriptionId}`]);
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const vaults = (await listVaults(this.ctx, this.subscription.subscriptionId as string, signal)).filter((v) => v.id);
    if (!vaults.length) return [new InfoNode(this, 'No Recovery Services vaults')];
    return vaults.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')).map((v) => new VaultNode(this.ctx, this, v));
  }
}
