// Commands on any Data Sync resource: copy its id, open it in the portal, copy the REST request
// that reads it (and the requests the last action on it sent), reveal it in the tree; plus the tree's own actions.
import * as vscode from 'vscode';
import { formatRestRequest, formatRestRequests } from '../../azure/http/restRequestFormatter';
import { SQL_API_VERSION } from '../../azure/sql/sqlPaths';
import type { DataSyncNode } from '../tree/dataSyncNode';
import type { DataSyncTreeProvider } from '../tree/dataSyncTreeProvider';
import type { SubscriptionFilter } from '../tree/subscriptionFilter';
import { copyWithNotice } from '../../ui/clipboard';
import { resourceIdOf } from '../../ui/targetResourceId';
import { listSubscriptions } from '../workflows/resourceLists';
import { withRequestProgress, type CommandDeps } from './commandSupport';

export interface TreeDeps {
  provider: DataSyncTreeProvider;
  view: vscode.TreeView<DataSyncNode>;
  filter: SubscriptionFilter;
}

export function registerResourceCommands({ ctx, input, errors }: CommandDeps, tree: TreeDeps): vscode.Disposable[] {
  const needId = (arg: unknown): string => {
    const id = resourceIdOf(arg);
    if (!id) throw new Error('Run this command on a resource in the SQL Data Sync view.');
    return id;
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.copyResourceId',
      errors.guard('Copy resource ID', async (arg?: unknown) => {
        return await copyWithNotice(needId(arg), 'Resource ID');
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.openInPortal',
      errors.guard('Open in portal', async (arg?: unknown) => {
        const id = needId(arg);
        const portal = ctx.clients().cloud.portalUrl;
        if (!portal) {
          void vscode.window.showInformationMessage(`${ctx.clients().cloud.displayName} has no portal. The resource ID is ${id}.`);
          return undefined;
        }
        const url = `${portal.replace(/\/+$/, '')}/#resource${id}`;
        await vscode.env.openExternal(vscode.Uri.parse(url));
        return url;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.copyAsRestRequest',
      errors.guard('Copy as REST request', async (arg?: unknown) => {
        const id = needId(arg);
        const base = ctx.clients().cloud.armEndpoint.replace(/\/+$/, '');
        const apiVersion = /^\/subscriptions\/[^/]+$/i.test(id) ? '2022-12-01' : SQL_API_VERSION;
        const read = formatRestRequest({
          method: 'GET',
          url: `${base}${id}?api-version=${apiVersion}`,
          headers: { Accept: 'application/json' },
        });
        // Then what the last action on it actually sent (its request and status checks), secrets as placeholders.
        const action = ctx.operations.sentRequests?.lastActionOn(id) ?? [];
        const sent = action.map((r) => ({ ...r, title: `${r.operationName} (sent ${new Date(r.at).toISOString()})` }));
        const text = sent.length ? `${read}\n${formatRestRequests(sent, { placeholders: true })}` : read;
        return await copyWithNotice(text, 'REST request');
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.revealResource',
      errors.guard('Reveal resource', async (arg?: unknown) => {
        const id = needId(arg);
        const node = await tree.provider.findNode(id);
        if (!node) throw new Error(`${id} is not in the SQL Data Sync view (is its subscription selected?).`);
        await tree.view.reveal(node, { select: true, focus: true, expand: false });
        return node.id;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.selectSubscriptions',
      errors.guard('Select subscriptions', async () => {
        const all = await withRequestProgress('Listing subscriptions…', undefined, (signal) => listSubscriptions(ctx, signal));
        const chosen = tree.filter.selected();
        const items = all.map((s) => ({
          label: s.displayName ?? s.subscriptionId ?? '',
          description: s.subscriptionId,
          picked: !chosen || chosen.includes(s.subscriptionId ?? ''),
          id: s.subscriptionId ?? '',
        }));
        const picked = await input.pickMany(items, { title: 'Subscriptions to show in SQL Data Sync', matchOnDescription: true });
        if (!picked) return undefined;
        await tree.filter.set(picked.length === all.length ? undefined : picked.map((p) => p.id));
        tree.provider.refresh();
        return picked.map((p) => p.id);
      }),
    ),

    vscode.commands.registerCommand('sqlDataMovement.dataSync.refreshNode', (node?: DataSyncNode) => tree.provider.refresh(node)),
    vscode.commands.registerCommand('sqlDataMovement.dataSync.refresh', () => tree.provider.refresh()),
  ];
}
