// Commands on a mirrored database as a Fabric item: rename, edit the description, delete (soft, or
// permanently as a second choice), copy its id, open it in the Fabric portal, copy the REST request
// that reads it; and the tree's refreshes.
import * as vscode from 'vscode';
import { formatRestRequest } from '../../azure/http/restRequestFormatter';
import type { TreeNode } from '../../ui/tree/treeNode';
import { fabricItemOf, fabricWorkspaceOf } from '../fabricTarget';
import {
  deleteItem,
  descriptionProblem,
  displayNameProblem,
  editDescription,
  getMirroredDatabase,
  MAX_DESCRIPTION_LENGTH,
  renameItem,
} from '../workflows/itemWorkflows';
import { itemTarget, nameOf, pickWorkspace, withRequestProgress, type FabricCommandDeps } from './commandSupport';

type DeleteChoice = vscode.QuickPickItem & { hardDelete: boolean | undefined };

export function registerItemCommands({ ctx, input, errors, tree }: FabricCommandDeps): vscode.Disposable[] {
  /** A mirrored database, or a workspace (palette: a mirrored database is picked). */
  const anyTarget = async (arg: unknown) => {
    const item = fabricItemOf(arg);
    if (item) return { workspaceId: item.workspaceId, itemId: item.itemId as string | undefined };
    const ws = fabricWorkspaceOf(arg);
    if (ws) return { workspaceId: ws.workspaceId, itemId: undefined };
    const picked = await itemTarget(ctx, input, arg);
    return picked && { workspaceId: picked.workspaceId, itemId: picked.itemId as string | undefined };
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.rename',
      errors.guard('Rename mirrored database', async (arg?: unknown) => {
        const target = await itemTarget(ctx, input, arg);
        if (!target) return undefined;
        const name = await input.input({
          title: `Rename mirrored database "${nameOf(target)}"`,
          value: target.displayName,
          prompt: 'The new display name (unique in the workspace)',
          validateInput: (v) => displayNameProblem(v),
        });
        if (name === undefined || name === target.displayName) return undefined;
        return withRequestProgress(`Renaming ${nameOf(target)}…`, arg, (signal) => renameItem(ctx, target, name, signal));
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.editDescription',
      errors.guard('Edit description', async (arg?: unknown) => {
        const target = await itemTarget(ctx, input, arg);
        if (!target) return undefined;
        const current =
          (await withRequestProgress(`Reading ${nameOf(target)}…`, arg, (signal) => getMirroredDatabase(ctx, target, signal)))
            .description ?? '';
        const description = await input.input({
          title: `Description of "${nameOf(target)}"`,
          value: current,
          prompt: `At most ${MAX_DESCRIPTION_LENGTH} characters; empty to clear it`,
          validateInput: (v) => descriptionProblem(v),
        });
        if (description === undefined || description === current) return undefined;
        return withRequestProgress(`Saving the description of ${nameOf(target)}…`, arg, (signal) =>
          editDescription(ctx, target, description, signal),
        );
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.delete',
      errors.guard('Delete mirrored database', async (arg?: unknown) => {
        const target = await itemTarget(ctx, input, arg);
        if (!target) return undefined;
        const where = target.workspaceName ? ` from workspace "${target.workspaceName}"` : '';
        const choices: DeleteChoice[] = [
          {
            label: 'Delete',
            detail: 'Mirroring stops and the item is removed; a workspace admin can restore it for a while.',
            hardDelete: false,
          },
          {
            label: 'Delete permanently',
            detail: 'The item and its OneLake data are removed for good. This cannot be undone.',
            hardDelete: true,
          },
          { label: 'Cancel', hardDelete: undefined },
        ];
        const choice = await input.pick(choices, { title: `Delete mirrored database "${nameOf(target)}"${where}?` });
        if (choice?.hardDelete === undefined) return undefined;
        const hardDelete = choice.hardDelete;
        await withRequestProgress(`Deleting ${nameOf(target)}…`, arg, (signal) => deleteItem(ctx, target, { hardDelete, signal }));
        vscode.window.setStatusBarMessage(`$(trash) ${nameOf(target)} deleted`, 4000);
        return { hardDelete: choice.hardDelete };
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.copyItemId',
      errors.guard('Copy item ID', async (arg?: unknown) => {
        const target = await anyTarget(arg);
        if (!target) return undefined;
        const id = target.itemId ?? target.workspaceId;
        await vscode.env.clipboard.writeText(id);
        vscode.window.setStatusBarMessage('$(copy) ID copied', 3000);
        return id;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.openInPortal',
      errors.guard('Open in the Fabric portal', async (arg?: unknown) => {
        const target = await anyTarget(arg);
        if (!target) return undefined;
        const cloud = ctx.clients().cloud;
        const path = `/groups/${target.workspaceId}${target.itemId ? `/mirroreddatabases/${target.itemId}` : ''}`;
        if (!cloud.fabricPortalUrl) {
          void vscode.window.showInformationMessage(
            `${cloud.displayName} has no Fabric portal. The ${target.itemId ? 'item' : 'workspace'} ID is ${target.itemId ?? target.workspaceId}.`,
          );
          return undefined;
        }
        const url = `${cloud.fabricPortalUrl.replace(/\/+$/, '')}${path}`;
        await vscode.env.openExternal(vscode.Uri.parse(url));
        return url;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.copyAsRestRequest',
      errors.guard('Copy as REST request', async (arg?: unknown) => {
        const target = await anyTarget(arg);
        if (!target) return undefined;
        const base = ctx.clients().fabric.baseUrl.replace(/\/+$/, '');
        const url = `${base}/workspaces/${target.workspaceId}${target.itemId ? `/mirroredDatabases/${target.itemId}` : ''}`;
        const text = formatRestRequest({ method: 'GET', url, headers: { Accept: 'application/json' } });
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage('$(copy) REST request copied', 3000);
        return text;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.revealWorkspace',
      errors.guard('Reveal workspace', async (arg?: unknown) => {
        const ws = fabricWorkspaceOf(arg) ?? (await pickWorkspace(ctx, input));
        if (!ws) return undefined;
        const node = await tree.provider.findNode(`/workspaces/${ws.workspaceId.toLowerCase()}`);
        if (!node) throw new Error(`Workspace ${ws.workspaceId} is not in the Fabric Mirroring view.`);
        await tree.view.reveal(node, { select: true, focus: true, expand: true });
        return node.id;
      }),
    ),

    vscode.commands.registerCommand('sqlDataMovement.fabric.refreshNode', (node?: TreeNode) => tree.provider.refresh(node)),
    vscode.commands.registerCommand('sqlDataMovement.fabric.refresh', () => tree.provider.refresh()),
  ];
}
