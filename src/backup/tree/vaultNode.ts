// A Recovery Services vault: its registered SQL Server VMs, then a Policies folder and a Jobs node. The
// vault's protected databases are read once here (every page) and handed to the VMs, so opening a vault
// of hundreds of databases costs a few list pages instead of one request per VM.
import * as vscode from 'vscode';
import type { ProtectedItem, Vault } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { vaultRefOf } from '../backupTarget';
import { byContainer, listContainers, listProtectedDatabases } from '../workflows/browseWorkflows';
import { ContainerNode } from './containerNode';
import { JobsNode } from './jobsNode';
import { PoliciesFolderNode } from './policyNodes';

export class VaultNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  readonly ref: VaultRef;
  constructor(
    private readonly ctx: BackupContext,
    readonly parent: TreeNode,
    readonly vault: Vault,
  ) {
    this.resourceId = vault.id as string;
    this.id = treeIdFor('backupVault', this.resourceId);
    const ref = vaultRefOf(this.resourceId);
    if (!ref) throw new Error(`Not a Recovery Services vault id: ${this.resourceId}`);
    this.ref = ref;
  }

  get name(): string {
    return this.vault.name ?? this.ref.vault;
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, this.name, vscode.TreeItemCollapsibleState.Collapsed, 'backupVault');
    item.iconPath = new vscode.ThemeIcon('archive');
    item.description = [this.vault.location, this.ref.resourceGroup].filter(Boolean).join(' · ');
    item.tooltip = linesTooltip([
      `Recovery Services vault ${this.name}`,
      `Resource group: ${this.ref.resourceGroup}`,
      this.vault.location && `Location: ${this.vault.location}`,
      this.vault.sku?.name && `SKU: ${this.vault.sku.name}`,
      this.vault.properties?.provisioningState && `Provisioning: ${this.vault.properties.provisioningState}`,
    ]);
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const [containers, items] = await Promise.all([
      listContainers(this.ctx, this.ref, signal),
      listProtectedDatabases(this.ctx, this.ref, { signal }),
    ]);
    const grouped = byContainer(items);
    const vms: TreeNode[] = containers
      .filter((c) => c.id && c.name)
      .sort((a, b) => (a.properties?.friendlyName ?? a.name ?? '').localeCompare(b.properties?.friendlyName ?? b.name ?? ''))
      .map((c) => new ContainerNode(this.ctx, this, c, grouped.get((c.name as string).toLowerCase()) ?? ([] as ProtectedItem[])));
    return [
      ...(vms.length ? vms : [new InfoNode(this, 'No SQL Server VMs registered')]),
      new PoliciesFolderNode(this.ctx, this),
      new JobsNode(this),
    ];
  }
}
