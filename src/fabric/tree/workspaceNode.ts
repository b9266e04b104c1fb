// A Fabric workspace: its mirrored databases (every page), each with its mirroring status and source
// database read alongside (one connection list per load). A database whose source cannot be read
// still shows, without it.
import * as vscode from 'vscode';
import type { Workspace } from '../../azure/fabric/fabricModels';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { FabricContext } from '../fabricContext';
import { connectionsOnce, listMirroredDatabases, readSourceDatabase, type SourceDatabase } from '../workflows/itemWorkflows';
import { fabricWorkspacePath } from '../workflows/mirroringStates';
import { readMirroringStatus } from '../workflows/mirroringWorkflows';
import { MirroredDatabaseNode } from './mirroredDatabaseNode';

export class WorkspaceNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  readonly workspaceId: string;
  constructor(
    private readonly ctx: FabricContext,
    readonly workspace: Workspace,
    private readonly onItems: (nodes: MirroredDatabaseNode[]) => void,
  ) {
    this.workspaceId = workspace.id as string;
    this.resourceId = fabricWorkspacePath(this.workspaceId);
    this.id = `fabricWorkspace:${this.resourceId}`;
  }

  get workspaceName(): string {
    return this.workspace.displayName ?? this.workspaceId;
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, this.workspaceName, vscode.TreeItemCollapsibleState.Collapsed, 'fabricWorkspace');
    item.iconPath = new vscode.ThemeIcon('folder-library');
    item.description = this.workspace.type && this.workspace.type !== 'Workspace' ? this.workspace.type : undefined;
    item.tooltip = linesTooltip([
      `Workspace ${this.workspaceName}`,
      this.workspace.description,
      this.workspace.capacityRegion && `Capacity region: ${this.workspace.capacityRegion}`,
      `Workspace id: ${this.workspaceId}`,
    ]);
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const items = await listMirroredDatabases(this.ctx, this.workspaceId, signal);
    if (!items.length) return [new InfoNode(this, 'No mirrored databases')];
    const connections = connectionsOnce(this.ctx, signal);
    const nodes = await Promise.all(
      items.map(async (item) => {
        const target = { workspaceId: this.workspaceId, itemId: item.id as string };
        const [mirroring, source] = await Promise.all([
          readMirroringStatus(this.ctx, target, signal),
          readSourceDatabase(this.ctx, target, connections, signal).catch((): SourceDatabase | undefined => undefined),
        ]);
        return new MirroredDatabaseNode(this.ctx, this, { item, mirroring, source });
      }),
    );
    nodes.sort((a, b) => a.displayName.localeCompare(b.displayName));
    this.onItems(nodes);
    return nodes;
  }
}
