// A sync member: where it is, its direction and its sync state.
import * as vscode from 'vscode';
import type { SyncMember } from '../../azure/sql/syncModels';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type DataSyncNode } from './dataSyncNode';
import type { SyncGroupNode } from './syncGroupNode';
import { directionText, memberIcon } from './syncPresentation';

export class SyncMemberNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    readonly parent: SyncGroupNode,
    readonly member: SyncMember,
  ) {
    this.resourceId = member.id as string;
    this.id = treeIdFor('syncMember', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const p = this.member.properties ?? {};
    const type = p.databaseType ?? 'Unknown';
    const i = nodeItem(this, this.member.name ?? 'member', vscode.TreeItemCollapsibleState.None, `syncMember;type-${type.toLowerCase()}`);
    i.iconPath = memberIcon(p.syncState);
    const where = p.databaseName
      ? `${p.databaseName}${p.serverName ? ` @ ${p.serverName.replace(/\.database\.windows\.net$/i, '')}` : ''}`
      : undefined;
    i.description = [where, directionText(p.syncDirection), p.syncState].filter(Boolean).join(' · ');
    i.tooltip = linesTooltip([
      `Member ${this.member.name}`,
      type === 'SqlServerDatabase' ? 'SQL Server (through a sync agent)' : 'Azure SQL Database',
      p.serverName && `Server: ${p.serverName}`,
      p.databaseName && `Database: ${p.databaseName}`,
      `Direction: ${directionText(p.syncDirection)}`,
      `State: ${p.syncState ?? 'unknown'}`,
    ]);
    return i;
  }
}
