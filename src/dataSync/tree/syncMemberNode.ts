// A sync member: where it is, its direction and its sync state.
import * as vscode from 'vscode';
import type { SyncMember } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { syncMemberRefFromId } from '../dataSyncRefs';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type DataSyncNode } from './dataSyncNode';
import type { SyncGroupNode } from './syncGroupNode';
import { directionText, memberIcon } from './syncPresentation';
import { isTransientMemberState } from './syncStates';

export class SyncMemberNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly parent: SyncGroupNode,
    private current: SyncMember,
  ) {
    this.resourceId = current.id as string;
    this.id = treeIdFor('syncMember', this.resourceId);
  }

  get member(): SyncMember {
    return this.current;
  }

  async reload(signal: AbortSignal): Promise<void> {
    this.current = await this.ctx.clients().members.get(syncMemberRefFromId(this.resourceId), signal);
  }

  isTransient(): boolean {
    return isTransientMemberState(this.current.properties?.syncState);
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
