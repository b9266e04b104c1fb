// A SQL Server instance on a registered VM (MSSQLSERVER or a named instance): its protected databases.
import * as vscode from 'vscode';
import type { ProtectedItem } from '../../azure/backup/backupModels';
import type { ContainerRef } from '../../azure/backup/backupPaths';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { instanceOf, listProtectedDatabases } from '../workflows/browseWorkflows';
import { ProtectedItemNode } from './protectedItemNode';

export class SqlInstanceNode implements TreeNode {
  readonly id: string;
  private count: number | undefined;
  /** The ids (lower-cased) of the databases it listed last: what reveal looks for. */
  private itemIds = new Set<string>();
  constructor(
    private readonly ctx: BackupContext,
    readonly parent: TreeNode & { resourceId: string; ref: ContainerRef; name: string },
    readonly instance: string,
    private prefetched: ProtectedItem[] | undefined,
  ) {
    this.id = `backupSqlInstance:${parent.resourceId.toLowerCase()}/${instance.toLowerCase()}`;
    this.count = prefetched?.length;
    this.remember(prefetched ?? []);
  }

  leadsTo(resourceId: string): boolean {
    return this.itemIds.has(resourceId.toLowerCase());
  }

  private remember(items: readonly ProtectedItem[]): void {
    this.itemIds = new Set(items.flatMap((i) => (i.id ? [i.id.toLowerCase()] : [])));
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, this.instance, vscode.TreeItemCollapsibleState.Collapsed, 'backupSqlInstance');
    item.iconPath = new vscode.ThemeIcon('server-environment');
    const count = this.count;
    item.description = count !== undefined ? `${count} protected database${count === 1 ? '' : 's'}` : undefined;
    item.tooltip = linesTooltip([`SQL Server instance ${this.instance}`, `VM: ${this.parent.name}`]);
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const items =
      this.prefetched ??
      (await listProtectedDatabases(this.ctx, this.parent.ref, { container: this.parent.ref.container, signal })).filter(
        (i) => instanceOf(i).toLowerCase() === this.instance.toLowerCase(),
      );
    this.prefetched = undefined;
    this.count = items.length;
    this.remember(items);
    if (!items.length) return [new InfoNode(this, 'No protected databases')];
    return items
      .filter((i) => i.id)
      .sort((a, b) => (a.properties?.friendlyName ?? a.name ?? '').localeCompare(b.properties?.friendlyName ?? b.name ?? ''))
      .map((i) => new ProtectedItemNode(this.ctx, this, i));
  }
}
