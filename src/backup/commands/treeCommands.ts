// Commands on Backup tree nodes: refresh one node, show more recovery points, copy a resource's id, open
// it in the portal, copy the REST request that reads it (and what the last action on it sent).
import * as vscode from 'vscode';
import { BACKUP_API_VERSION, VAULTS_API_VERSION } from '../../azure/backup/backupModels';
import { formatRestRequest, formatRestRequests } from '../../azure/http/restRequestFormatter';
import { SUBSCRIPTIONS_API_VERSION } from '../../azure/resources/subscriptionsClient';
import { copyWithNotice } from '../../ui/clipboard';
import type { ErrorReporter } from '../../ui/errorReporter';
import { resourceIdOf } from '../../ui/targetResourceId';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import { isMorePointsNode, LOAD_MORE_POINTS_COMMAND } from '../tree/recoveryPointNodes';

const VAULT_ONLY = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+$/i;

/** The api-version that reads this id: vaults have their own; everything below a vault is the backup API's. */
export function apiVersionFor(id: string): string {
  if (/^\/subscriptions\/[^/]+$/i.test(id)) return SUBSCRIPTIONS_API_VERSION;
  return VAULT_ONLY.test(id) ? VAULTS_API_VERSION : BACKUP_API_VERSION;
}

export function registerBackupTreeCommands(deps: {
  ctx: BackupContext;
  errors: ErrorReporter;
  provider: BackupTreeProvider;
}): vscode.Disposable[] {
  const { ctx, errors, provider } = deps;
  const needId = (arg: unknown): string => {
    const id = resourceIdOf(arg);
    if (!id) throw new Error('Run this command on a vault, VM, database, recovery point or policy in the Backup view.');
    return id;
  };
  // ARM ids are sent with their ';' as is; the rest of a path segment is encoded like any URL.
  const urlPath = (id: string) =>
    id
      .split('/')
      .map((s) => encodeURIComponent(s).replace(/%3B/gi, ';'))
      .join('/');

  return [
    vscode.commands.registerCommand('sqlDataMovement.backup.refreshNode', (node?: TreeNode) => provider.refresh(node)),
    vscode.commands.registerCommand(LOAD_MORE_POINTS_COMMAND, (node?: unknown) => {
      if (!isMorePointsNode(node)) return;
      node.parent.showMorePoints();
      provider.refresh(node.parent);
    }),
    vscode.commands.registerCommand(
      'sqlDataMovement.backup.copyResourceId',
      errors.guard('Copy resource ID', async (arg?: unknown) => copyWithNotice(needId(arg), 'Resource ID')),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.backup.openInPortal',
      errors.guard('Open in portal', async (arg?: unknown) => {
        const id = needId(arg);
        const cloud = ctx.clients().cloud;
        if (!cloud.portalUrl) {
          void vscode.window.showInformationMessage(`${cloud.displayName} has no portal. The resource ID is ${id}.`);
          return undefined;
        }
        const url = `${cloud.portalUrl.replace(/\/+$/, '')}/#resource${urlPath(id)}`;
        await vscode.env.openExternal(vscode.Uri.parse(url));
        return url;
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.backup.copyAsRestRequest',
      errors.guard('Copy as REST request', async (arg?: unknown) => {
        const id = needId(arg);
        const base = ctx.clients().cloud.armEndpoint.replace(/\/+$/, '');
        const read = formatRestRequest({
          method: 'GET',
          url: `${base}${urlPath(id)}?api-version=${apiVersionFor(id)}`,
          headers: { Accept: 'application/json' },
        });
        const action = ctx.operations.sentRequests?.lastActionOn(id) ?? [];
        const sent = action.map((r) => ({ ...r, title: `${r.operationName} (sent ${new Date(r.at).toISOString()})` }));
        const text = sent.length ? `${read}\n${formatRestRequests(sent, { placeholders: true })}` : read;
        return await copyWithNotice(text, 'REST request');
      }),
    ),
  ];
}
