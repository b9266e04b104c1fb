// A mirrored table: status, processed rows, last sync and latency; the error of a failed table in its
// tooltip (as text: API strings are never rendered as markdown).
import * as vscode from 'vscode';
import type { TableMirroringStatus } from '../../azure/fabric/fabricModels';
import { absoluteTime, timeWithAge } from '../../dataSync/tree/syncTimes';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import type { TreeNode } from '../../ui/tree/treeNode';
import { latencyText, tableIcon, tableName } from './mirroringPresentation';

export class MirroredTableNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode & { itemId: string },
    readonly table: TableMirroringStatus,
  ) {
    this.id = `fabricTable:${parent.itemId.toLowerCase()}:${tableName(table).toLowerCase()}`;
  }

  get name(): string {
    return tableName(this.table);
  }

  treeItem(): vscode.TreeItem {
    const t = this.table;
    const item = nodeItem(this, this.name, vscode.TreeItemCollapsibleState.None, `fabricMirroredTable:${t.status ?? 'Unknown'}`);
    item.iconPath = tableIcon(t.status);
    const m = t.metrics;
    const synced = absoluteTime(m?.lastSyncDateTime);
    item.description = [
      t.status ?? 'Unknown',
      m?.processedRows !== undefined && `${m.processedRows.toLocaleString('en-US')} rows`,
      synced && `synced ${synced}`,
      latencyText(m?.lastSyncLatencyInSeconds),
    ]
      .filter(Boolean)
      .join(' · ');
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const t = this.table;
    const m = t.metrics;
    return linesTooltip([
      `${t.sourceObjectType ?? 'Table'} ${this.name}`,
      `Status: ${t.status ?? 'Unknown'}`,
      t.error && `Error: ${t.error.errorCode ?? 'Error'}: ${t.error.message ?? ''}`,
      m?.processedRows !== undefined && `Processed rows: ${m.processedRows.toLocaleString('en-US')}`,
      m?.processedBytes !== undefined && `Processed bytes: ${m.processedBytes.toLocaleString('en-US')}`,
      `Last sync: ${timeWithAge(m?.lastSyncDateTime) ?? 'never'}`,
      m?.lastSyncLatencyInSeconds !== undefined && `Latency: ${m.lastSyncLatencyInSeconds} s`,
    ]);
  }
}
