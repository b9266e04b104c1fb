// A server's "Sync Agents" folder and its agents (for on-premises SQL Server members).
import * as vscode from 'vscode';
import type { SyncAgent } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { serverRefFromId, syncAgentRefFromId } from '../dataSyncRefs';
import { InfoNode } from '../../ui/tree/infoNode';
import { childrenByName } from '../../ui/tree/sortedChildren';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type DataSyncNode } from './dataSyncNode';
import type { SqlServerNode } from './sqlServerNode';
import { syncAgentIcon } from './syncPresentation';
import { agentExpiry, timeWithAge } from './syncTimes';

const collapsed = vscode.TreeItemCollapsibleState.Collapsed;

export class SyncAgentsFolderNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly parent: SqlServerNode,
  ) {
    this.resourceId = `${parent.resourceId}/syncAgents`;
    this.id = treeIdFor('syncAgents', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const i = nodeItem(this, 'Sync Agents', collapsed, 'syncAgentsFolder');
    i.iconPath = new vscode.ThemeIcon('plug');
    i.tooltip = linesTooltip(['Sync agents connect on-premises SQL Server databases to sync groups on this server.']);
    return i;
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const agents = await this.ctx.clients().agents.list(serverRefFromId(this.parent.resourceId), signal).toArray();
    return childrenByName(
      agents,
      (a) => new SyncAgentNode(this.ctx, this, a),
      () =>
        new InfoNode(
          this,
          'No sync agents — create one…',
          { command: 'sqlDataMovement.dataSync.createAgent', title: 'Create Sync Agent', arguments: [this.parent] },
          'add',
        ),
    );
  }
}

export class SyncAgentNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly parent: SyncAgentsFolderNode,
    private current: SyncAgent,
  ) {
    this.resourceId = current.id as string;
    this.id = treeIdFor('syncAgent', this.resourceId);
  }

  get agent(): SyncAgent {
    return this.current;
  }

  async reload(signal: AbortSignal): Promise<void> {
    this.current = await this.ctx.clients().agents.get(syncAgentRefFromId(this.resourceId), signal);
  }

  treeItem(): vscode.TreeItem {
    const p = this.agent.properties ?? {};
    const i = nodeItem(
      this,
      this.agent.name ?? 'agent',
      vscode.TreeItemCollapsibleState.None,
      `syncAgent;state-${(p.state ?? 'unknown').toLowerCase()}`,
    );
    i.iconPath = syncAgentIcon(p.state);
    i.description = [
      p.state,
      p.version && `v${p.version}`,
      agentExpiry(p.expiryTime).description,
      p.isUpToDate === false ? 'update available' : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    return i; // the tooltip is built on hover (tooltip())
  }

  tooltip(): vscode.MarkdownString {
    const p = this.agent.properties ?? {};
    const lastSeen = timeWithAge(p.lastAliveTime);
    return linesTooltip([
      `Sync agent ${this.agent.name}`,
      `State: ${p.state ?? 'unknown'}`,
      p.version && `Version: ${p.version}`,
      lastSeen && `Last seen: ${lastSeen}`,
      agentExpiry(p.expiryTime).tooltip,
    ]);
  }
}
