// A vault's Policies folder and its SQL backup policies, each with its schedule in words.
import * as vscode from 'vscode';
import type { ProtectionPolicy } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { listPolicies } from '../workflows/browseWorkflows';
import { policyScheduleText } from '../workflows/policySchedule';

export class PoliciesFolderNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: BackupContext,
    readonly parent: TreeNode & { resourceId: string; ref: VaultRef },
  ) {
    this.resourceId = `${parent.resourceId}/backupPolicies`;
    this.id = treeIdFor('backupPolicies', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, 'Policies', vscode.TreeItemCollapsibleState.Collapsed, 'backupPoliciesFolder');
    item.iconPath = new vscode.ThemeIcon('calendar');
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const policies = (await listPolicies(this.ctx, this.parent.ref, signal)).filter((p) => p.id);
    if (!policies.length) return [new InfoNode(this, 'No SQL backup policies')];
    return policies.map((p) => new PolicyNode(this, p));
  }
}

export class PolicyNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    readonly parent: TreeNode,
    readonly policy: ProtectionPolicy,
  ) {
    this.resourceId = policy.id as string;
    this.id = treeIdFor('backupPolicy', this.resourceId);
  }

  get schedule(): string {
    return policyScheduleText(this.policy.properties);
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, this.policy.name ?? 'Policy', vscode.TreeItemCollapsibleState.None, 'backupPolicy');
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    item.description = this.schedule;
    const p = this.policy.properties;
    const settings = p?.settings as { timeZone?: unknown; issqlcompression?: unknown } | undefined;
    item.tooltip = linesTooltip([
      `Backup policy ${this.policy.name ?? ''}`,
      ...this.schedule.split(' · '),
      typeof settings?.timeZone === 'string' && `Time zone: ${settings.timeZone}`,
      typeof settings?.issqlcompression === 'boolean' && `Compression: ${settings.issqlcompression ? 'on' : 'off'}`,
      typeof p?.protectedItemsCount === 'number' && `Protected databases: ${p.protectedItemsCount}`,
    ]);
    return item;
  }
}
