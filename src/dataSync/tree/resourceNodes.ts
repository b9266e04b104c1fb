// Subscription → SQL server → sync groups (of all the server's databases) → members, and a
// "Sync Agents" folder per server → agents.
import * as vscode from 'vscode';
import type { Subscription } from '../../azure/resources/subscriptionsClient';
import { isSystemDatabase, type SqlServer } from '../../azure/sql/serverModels';
import type { SyncAgent, SyncGroup, SyncMember } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { serverRefFromId, syncGroupRefFromId, databaseRefFromId } from '../dataSyncRefs';
import { treeIdFor, type DataSyncNode } from './dataSyncNode';
import { InfoNode } from './messageNode';
import { directionText, intervalText, memberIcon, relativeTime, syncAgentIcon, syncGroupIcon } from './syncPresentation';

const collapsed = vscode.TreeItemCollapsibleState.Collapsed;

function item(node: DataSyncNode, label: string, state: vscode.TreeItemCollapsibleState, contextValue: string): vscode.TreeItem {
  const i = new vscode.TreeItem(label, state);
  i.id = node.id;
  i.contextValue = contextValue;
  return i;
}

/** Children sorted by name, or one hint node when there are none. */
function byNameOr<T extends { name?: string }>(items: T[], node: (item: T) => DataSyncNode, hint: () => DataSyncNode): DataSyncNode[] {
  items.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  return items.length ? items.map(node) : [hint()];
}

function tooltip(lines: (string | undefined)[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.appendText(lines.filter((l): l is string => !!l).join('\n'));
  return md;
}

export class SubscriptionNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly subscription: Subscription,
  ) {
    this.resourceId = subscription.id ?? `/subscriptions/${subscription.subscriptionId}`;
    this.id = treeIdFor('subscription', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const s = this.subscription;
    const i = item(this, s.displayName ?? s.subscriptionId ?? 'Subscription', collapsed, 'subscription');
    i.iconPath = new vscode.ThemeIcon('key');
    if (s.state && s.state !== 'Enabled') i.description = s.state;
    i.tooltip = tooltip([s.displayName, `Subscription ${s.subscriptionId}`, s.state && `State: ${s.state}`]);
    return i;
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const servers = await this.ctx
      .clients()
      .servers.listServers(this.subscription.subscriptionId as string, { signal })
      .toArray();
    return byNameOr(
      servers,
      (s) => new SqlServerNode(this.ctx, this, s),
      () => new InfoNode(this, 'No SQL servers in this subscription'),
    );
  }
}

export class SqlServerNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly parent: SubscriptionNode,
    readonly server: SqlServer,
  ) {
    this.resourceId = server.id as string;
    this.id = treeIdFor('server', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const s = this.server;
    const i = item(this, s.name ?? 'server', collapsed, 'sqlServer');
    i.iconPath = new vscode.ThemeIcon('server-environment');
    i.description = [s.location, serverRefFromId(this.resourceId).resourceGroup].filter(Boolean).join(' · ');
    i.tooltip = tooltip([
      s.properties?.fullyQualifiedDomainName ?? s.name,
      `Resource group: ${serverRefFromId(this.resourceId).resourceGroup}`,
      s.location && `Region: ${s.location}`,
    ]);
    return i;
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const clients = this.ctx.clients();
    const databases = (await clients.servers.listDatabases(serverRefFromId(this.resourceId), { signal }).toArray()).filter(
      (d) => !isSystemDatabase(d),
    );
    // One request per database, in parallel: the pipeline's per-host limit keeps ARM from being flooded.
    const perDatabase = await Promise.all(databases.map((db) => clients.groups.list(databaseRefFromId(db.id as string), signal).toArray()));
    const groups = perDatabase.flat().sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    const nodes: DataSyncNode[] = [new SyncAgentsFolderNode(this.ctx, this), ...groups.map((g) => new SyncGroupNode(this.ctx, this, g))];
    if (!groups.length)
      nodes.push(
        new InfoNode(
          this,
          'No sync groups — create one…',
          { command: 'sqlDataMovement.dataSync.createSyncGroup', title: 'Create Sync Group', arguments: [this] },
          'add',
        ),
      );
    return nodes;
  }
}

export class SyncGroupNode implements DataSyncNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    private readonly ctx: DataSyncContext,
    readonly parent: SqlServerNode,
    readonly group: SyncGroup,
  ) {
    this.resourceId = group.id as string;
    this.id = treeIdFor('syncGroup', this.resourceId);
  }

  get hubDatabase(): string {
    return syncGroupRefFromId(this.resourceId).database;
  }

  treeItem(): vscode.TreeItem {
    const p = this.group.properties ?? {};
    const state = p.syncState ?? 'Unknown';
    const i = item(this, this.group.name ?? 'sync group', collapsed, `syncGroup;state-${state.toLowerCase()}`);
    i.iconPath = syncGroupIcon(p.syncState);
    const last = relativeTime(p.lastSyncTime);
    i.description = [`hub ${this.hubDatabase}`, state, last && `synced ${last}`].filter(Boolean).join(' · ');
    const tables = p.schema?.tables?.length ?? 0;
    i.tooltip = tooltip([
      `Sync group ${this.group.name}`,
      `Hub database: ${this.hubDatabase}`,
      `State: ${state}`,
      `Last sync: ${p.lastSyncTime && relativeTime(p.lastSyncTime) ? new Date(p.lastSyncTime).toLocaleString() : 'never'}`,
      `Interval: ${intervalText(p.interval)}`,
      `Conflict resolution: ${p.conflictResolutionPolicy ?? 'unknown'}`,
      `Sync schema: ${tables ? `${tables} table${tables === 1 ? '' : 's'}` : 'not chosen yet'}`,
      'SQL Data Sync retires on 30 September 2027.',
    ]);
    return i;
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const members = await this.ctx.clients().members.list(syncGroupRefFromId(this.resourceId), signal).toArray();
    return byNameOr(
      members,
      (m) => new SyncMemberNode(this, m),
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
    const i = item(this, this.member.name ?? 'member', vscode.TreeItemCollapsibleState.None, `syncMember;type-${type.toLowerCase()}`);
    i.iconPath = memberIcon(p.syncState);
    const where = p.databaseName
      ? `${p.databaseName}${p.serverName ? ` @ ${p.serverName.replace(/\.database\.windows\.net$/i, '')}` : ''}`
      : undefined;
    i.description = [where, directionText(p.syncDirection), p.syncState].filter(Boolean).join(' · ');
    i.tooltip = tooltip([
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
    const i = item(this, 'Sync Agents', collapsed, 'syncAgentsFolder');
    i.iconPath = new vscode.ThemeIcon('plug');
    i.tooltip = tooltip(['Sync agents connect on-premises SQL Server databases to sync groups on this server.']);
    return i;
  }

  async loadChildren(signal: AbortSignal): Promise<DataSyncNode[]> {
    const agents = await this.ctx.clients().agents.list(serverRefFromId(this.parent.resourceId), signal).toArray();
    return byNameOr(
      agents,
      (a) => new SyncAgentNode(this, a),
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
    readonly parent: SyncAgentsFolderNode,
    readonly agent: SyncAgent,
  ) {
    this.resourceId = agent.id as string;
    this.id = treeIdFor('syncAgent', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const p = this.agent.properties ?? {};
    const i = item(
      this,
      this.agent.name ?? 'agent',
      vscode.TreeItemCollapsibleState.None,
      `syncAgent;state-${(p.state ?? 'unknown').toLowerCase()}`,
    );
    i.iconPath = syncAgentIcon(p.state);
    const expires = p.expiryTime ? new Date(p.expiryTime) : undefined;
    const expired = expires && expires.getTime() < Date.now();
    i.description = [
      p.state,
      p.version && `v${p.version}`,
      expires && (expired ? 'expired' : `expires ${expires.toLocaleDateString()}`),
      p.isUpToDate === false ? 'update available' : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    i.tooltip = tooltip([
      `Sync agent ${this.agent.name}`,
      `State: ${p.state ?? 'unknown'}`,
      p.version && `Version: ${p.version}`,
      p.lastAliveTime && `Last seen: ${new Date(p.lastAliveTime).toLocaleString()}`,
      expires && `Expires: ${expires.toLocaleString()}`,
    ]);
    return i;
  }
}
