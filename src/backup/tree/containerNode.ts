// A registered SQL Server VM (protection container): registration and health, and its SQL instances.
// The first load uses the databases the vault read; a refresh of the VM reads only its own.
import * as vscode from 'vscode';
import type { ProtectedItem, ProtectionContainer } from '../../azure/backup/backupModels';
import type { ContainerRef } from '../../azure/backup/backupPaths';
import { parseResourceId } from '../../azure/resourceId';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { containerRefOf } from '../backupTarget';
import { byInstance, listProtectedDatabases } from '../workflows/browseWorkflows';
import { containerIcon } from './backupPresentation';
import { SqlInstanceNode } from './sqlInstanceNode';

export class ContainerNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  readonly ref: ContainerRef;
  constructor(
    private readonly ctx: BackupContext,
    readonly parent: TreeNode,
    private container: ProtectionContainer,
    /** The VM's protected databases as the vault listed them; used by the first load only. */
    private prefetched: ProtectedItem[] | undefined,
  ) {
    this.resourceId = container.id as string;
    this.id = treeIdFor('backupContainer', this.resourceId);
    const ref = containerRefOf(this.resourceId);
    if (!ref) throw new Error(`Not a protection container id: ${this.resourceId}`);
    this.ref = ref;
  }

  get name(): string {
    return this.container.properties?.friendlyName ?? this.ref.container.split(';').pop() ?? this.ref.container;
  }
  get registrationStatus(): string {
    return this.container.properties?.registrationStatus ?? 'Unknown';
  }
  /** The VM's resource group: two VMs of one name in different groups are told apart by it. */
  get resourceGroup(): string | undefined {
    const source = this.container.properties?.sourceResourceId;
    try {
      if (source) return parseResourceId(source).resourceGroup;
    } catch {
      // fall back to the container name (VMAppContainer;Compute;<rg>;<vm>)
    }
    return this.ref.container.split(';').at(-2);
  }

  async reload(signal: AbortSignal): Promise<void> {
    // The vault's list may predate what refreshed this VM (a database protected since): read its own.
    this.prefetched = undefined;
    this.container = await this.ctx.clients().discovery.getContainer(this.ref, signal);
  }

  treeItem(): vscode.TreeItem {
    const p = this.container.properties;
    const item = nodeItem(this, this.name, vscode.TreeItemCollapsibleState.Collapsed, `backupContainer:${this.registrationStatus}`);
    item.iconPath = containerIcon(p?.registrationStatus, p?.healthStatus);
    item.description = [this.resourceGroup, this.registrationStatus, p?.healthStatus && p.healthStatus !== 'Healthy' && p.healthStatus]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = linesTooltip([
      `SQL Server VM ${this.name}`,
      this.resourceGroup && `Resource group: ${this.resourceGroup}`,
      `Registration: ${this.registrationStatus}`,
      p?.healthStatus && `Health: ${p.healthStatus}`,
      p?.sourceResourceId && `VM: ${p.sourceResourceId}`,
      `Container: ${this.ref.container}`,
    ]);
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const items = this.prefetched ?? (await listProtectedDatabases(this.ctx, this.ref, { container: this.ref.container, signal }));
    this.prefetched = undefined;
    if (!items.length) return [new InfoNode(this, 'No protected databases')];
    return byInstance(items).map((g) => new SqlInstanceNode(this.ctx, this, g.instance, g.items));
  }
}
