// A mirrored database: its mirroring status (icon and word) and source database in the description,
// its tables as children. Starting / Stopping are followed by the tree while visible. Carries the
// fields of a FabricItemTarget so every Fabric command accepts it.
import * as vscode from 'vscode';
import type { MirroredDatabase, MirroringStatusResponse } from '../../azure/fabric/fabricModels';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import type { SourceDatabase } from '../workflows/itemWorkflows';
import { getMirroredDatabase } from '../workflows/itemWorkflows';
import { fabricItemPath, isTransientMirroring } from '../workflows/mirroringStates';
import { readMirroringStatus, readTableStatuses } from '../workflows/mirroringWorkflows';
import { mirroringIcon, tablesInOrder } from './mirroringPresentation';
import { MirroredTableNode } from './tableNode';

export const MIRRORED_DATABASE_CONTEXT = 'fabricMirroredDatabase';

export interface MirroredDatabaseState {
  item: MirroredDatabase;
  mirroring: MirroringStatusResponse;
  source?: SourceDatabase;
}

export class MirroredDatabaseNode implements TreeNode, FabricItemTarget {
  readonly id: string;
  readonly resourceId: string;
  readonly workspaceId: string;
  readonly itemId: string;
  constructor(
    private readonly ctx: FabricContext,
    readonly parent: TreeNode & { workspaceName?: string },
    private state: MirroredDatabaseState,
  ) {
    this.workspaceId = state.item.workspaceId as string;
    this.itemId = state.item.id as string;
    this.resourceId = fabricItemPath(this.workspaceId, this.itemId);
    this.id = `fabricMirroredDatabase:${this.resourceId}`;
  }

  get displayName(): string {
    return this.state.item.displayName ?? this.itemId;
  }
  get workspaceName(): string | undefined {
    return this.parent.workspaceName;
  }
  get status(): string {
    return this.state.mirroring.status ?? 'Unknown';
  }
  get item(): MirroredDatabase {
    return this.state.item;
  }

  async reload(signal: AbortSignal): Promise<void> {
    const [item, mirroring] = await Promise.all([getMirroredDatabase(this.ctx, this, signal), readMirroringStatus(this.ctx, this, signal)]);
    this.state = { ...this.state, item, mirroring };
  }

  isTransient(): boolean {
    return isTransientMirroring(this.status);
  }

  sourceText(): string | undefined {
    const s = this.state.source;
    if (!s?.database) return undefined;
    return s.server ? `${s.server.replace(/\.database\.windows\.net$/i, '')}/${s.database}` : s.database;
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, this.displayName, vscode.TreeItemCollapsibleState.Collapsed, `${MIRRORED_DATABASE_CONTEXT}:${this.status}`);
    const error = this.state.mirroring.error;
    item.iconPath = mirroringIcon(this.status, !!error);
    const source = this.sourceText();
    item.description = [this.status, source && `from ${source}`, error && 'error'].filter(Boolean).join(' · ');
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const error = this.state.mirroring.error;
    const s = this.state.source;
    return linesTooltip([
      `Mirrored database ${this.displayName}`,
      this.workspaceName && `Workspace: ${this.workspaceName}`,
      `Mirroring: ${this.status}`,
      error && `Error: ${error.errorCode ?? 'Error'}: ${error.message ?? ''}`,
      s?.database && `Source: ${[s.server, s.database].filter(Boolean).join(' / ')}${s.type ? ` (${s.type})` : ''}`,
      this.state.item.description && `Description: ${this.state.item.description}`,
      `Item id: ${this.itemId}`,
    ]);
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const tables = await readTableStatuses(this.ctx, this, signal);
    if (!tables.length)
      return [new InfoNode(this, this.status === 'Initialized' ? 'No tables yet — start mirroring to see them' : 'No tables mirrored')];
    return tablesInOrder(tables).map((t) => new MirroredTableNode(this, t));
  }
}
