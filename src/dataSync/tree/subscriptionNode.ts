// A subscription: its SQL servers, sorted by name.
import * as vscode from 'vscode';
import type { Subscription } from '../../azure/resources/subscriptionsClient';
import type { DataSyncContext } from '../dataSyncContext';
import { InfoNode } from '../../ui/tree/infoNode';
import { childrenByName } from '../../ui/tree/sortedChildren';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type DataSyncNode } from './dataSyncNode';
import { SqlServerNode } from './sqlServerNode';

const collapsed = vscode.TreeItemCollapsibleState.Collapsed;

export class SubscriptionNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly subscription: Subscription,
  ) {
    this.resourceId = subscription.id ?? `/subscriptions/${subscription.subscriptionId}`;
    this.id = treeIdFor('subscription', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const s = this.subscription;
    const i = nodeItem(this, s.displayName ?? s.subscriptionId ?? 'Subscription', collapsed, 'subscription');
    i.iconPath = new vscode.ThemeIcon('key');
    if (s.state && s.state !== 'Enabled') i.description = s.state;
    i.tooltip = linesTooltip([s.displayName, `Subscription ${s.subscriptionId}`, s.state && `State: ${s.state}`]);
    return i;
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const servers = await this.ctx
      .clients()
      .servers.listServers(this.subscription.subscriptionId as string, { signal })
      .toArray();
    return childrenByName(
      servers,
      (s) => new SqlServerNode(this.ctx, this, s),
      () => new InfoNode(this, 'No SQL servers in this subscription'),
    );
  }
}
