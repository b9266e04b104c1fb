// A SQL server: a "Sync Agents" folder, then the sync groups of all its databases.
import * as vscode from 'vscode';
import { isSystemDatabase, type SqlServer } from '../../azure/sql/serverModels';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId } from '../dataSyncRefs';
import { ErrorNode } from '../../ui/tree/errorNode';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { DATA_SYNC_ERROR_CONTEXT, treeIdFor, type DataSyncNode } from './dataSyncNode';
import type { SubscriptionNode } from './subscriptionNode';
import { SyncAgentsFolderNode } from './syncAgentNodes';
import { SyncGroupNode } from './syncGroupNode';

const collapsed = vscode.TreeItemCollapsibleState.Collapsed;

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
    const i = nodeItem(this, s.name ?? 'server', collapsed, 'sqlServer');
    i.iconPath = new vscode.ThemeIcon('server-environment');
    i.description = [s.location, serverRefFromId(this.resourceId).resourceGroup].filter(Boolean).join(' · ');
    i.tooltip = linesTooltip([
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
    // A database that cannot list its groups (deleted meanwhile, a dedicated SQL pool) gets its own error node.
    const perDatabase = await Promise.allSettled(
      databases.map((db) => clients.groups.list(databaseRefFromId(db.id as string), signal).toArray()),
    );
    const groups = perDatabase
      .flatMap((r) => (r.status === 'fulfilled' ? r.value : []))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    const failures = perDatabase.flatMap((r, i) =>
      r.status === 'rejected'
        ? [
            new ErrorNode(
              this,
              r.reason,
              DATA_SYNC_ERROR_CONTEXT,
              () => this.ctx.refresh(this.resourceId),
              `the sync groups of ${databases[i]?.name ?? 'a database'}`,
            ),
          ]
        : [],
    );
    signal.throwIfAborted();
    const nodes: DataSyncNode[] = [
      new SyncAgentsFolderNode(this.ctx, this),
      ...groups.map((g) => new SyncGroupNode(this.ctx, this, g)),
      ...failures,
    ];
    if (!groups.length && !failures.length)
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
