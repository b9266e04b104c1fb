// A sync group: hub, state and last sync; its members, sorted by name.
import * as vscode from 'vscode';
import type { SyncGroup } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { InfoNode } from '../../ui/tree/infoNode';
import { childrenByName } from '../../ui/tree/sortedChildren';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type DataSyncNode } from './dataSyncNode';
import type { SqlServerNode } from './sqlServerNode';
import { SyncMemberNode } from './syncMemberNode';
import { isTransientGroupState } from './syncStates';
import { intervalText, syncGroupIcon } from './syncPresentation';
import { absoluteTime, timeWithAge } from './syncTimes';

const collapsed = vscode.TreeItemCollapsibleState.Collapsed;

export class SyncGroupNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly parent: SqlServerNode,
    private current: SyncGroup,
  ) {
    this.resourceId = current.id as string;
    this.id = treeIdFor('syncGroup', this.resourceId);
  }

  get group(): SyncGroup {
    return this.current;
  }

  async reload(signal: AbortSignal): Promise<void> {
    this.current = await this.ctx.clients().groups.get(syncGroupRefFromId(this.resourceId), signal);
  }

  isTransient(): boolean {
    return isTransientGroupState(this.current.properties?.syncState);
  }

  get hubDatabase(): string {
    return syncGroupRefFromId(this.resourceId).database;
  }

  treeItem(): vscode.TreeItem {
    const p = this.group.properties ?? {};
    const state = p.syncState ?? 'Unknown';
    const i = nodeItem(this, this.group.name ?? 'sync group', collapsed, `syncGroup;state-${state.toLowerCase()}`);
    i.iconPath = syncGroupIcon(p.syncState);
    const last = absoluteTime(p.lastSyncTime);
    i.description = [`hub ${this.hubDatabase}`, state, last && `synced ${last}`].filter(Boolean).join(' · ');
    return i; // the tooltip is built on hover (tooltip())
  }

  tooltip(): vscode.MarkdownString {
    const p = this.group.properties ?? {};
    const tables = p.schema?.tables?.length ?? 0;
    return linesTooltip([
      `Sync group ${this.group.name}`,
      `Hub database: ${this.hubDatabase}`,
      `State: ${p.syncState ?? 'Unknown'}`,
      `Last sync: ${timeWithAge(p.lastSyncTime) ?? 'never'}`,
      `Interval: ${intervalText(p.interval)}`,
      `Conflict resolution: ${p.conflictResolutionPolicy ?? 'unknown'}`,
      `Sync schema: ${tables ? `${tables} table${tables === 1 ? '' : 's'}` : 'not chosen yet'}`,
      'SQL Data Sync retires on 30 September 2027.',
    ]);
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const members = await this.ctx.clients().members.list(syncGroupRefFromId(this.resourceId), signal).toArray();
    return childrenByName(
      members,
      (m) => new SyncMemberNode(this.ctx, this, m),
      () =>
        new InfoNode(
          this,
          'No members — add one…',
          { command: 'sqlDataMovement.dataSync.addMember', title: 'Add Member', arguments: [this] },
          'add',
        ),
    );
  }
}
