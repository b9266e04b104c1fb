// What the Fabric commands are built with, and how they find their target: the tree node or object
// they were given, else quick picks (workspace → mirrored database).
import type * as vscode from 'vscode';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import { progressWhere, withCancellableProgress } from '../../ui/cancellableProgress';
import { FABRIC_VIEW_ID } from '../fabricView';
import type { FabricContext } from '../fabricContext';
import { fabricItemOf, fabricWorkspaceOf, type FabricItemTarget } from '../fabricTarget';
import type { FabricTreeProvider } from '../tree/fabricTreeProvider';
import type { MonitorPanels } from '../webviews/monitorPanels';
import { listMirroredDatabases, listWorkspaces } from '../workflows/itemWorkflows';
import { readMirroringStatus } from '../workflows/mirroringWorkflows';

export interface FabricCommandDeps {
  ctx: FabricContext;
  input: UserInput;
  errors: ErrorReporter;
  tree: { provider: FabricTreeProvider; view: vscode.TreeView<TreeNode> };
  /** The replication monitors (one per mirrored database). */
  monitors: MonitorPanels;
}

interface Picked<T> extends vscode.QuickPickItem {
  value: T;
}

export async function pickWorkspace(
  ctx: FabricContext,
  input: UserInput,
): Promise<{ workspaceId: string; workspaceName: string } | undefined> {
  const items = listWorkspaces(ctx).then((all) =>
    all
      .filter((w) => w.id)
      .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''))
      .map((w): Picked<{ workspaceId: string; workspaceName: string }> => ({
        label: w.displayName ?? (w.id as string),
        description: w.id,
        value: { workspaceId: w.id as string, workspaceName: w.displayName ?? (w.id as string) },
      })),
  );
  return (await input.pick(items, { title: 'Choose a Fabric workspace', matchOnDescription: true }))?.value;
}

/** Workspace → mirrored database picks; `arg` naming a workspace (e.g. a workspace node) skips the first. */
export async function pickMirroredDatabase(ctx: FabricContext, input: UserInput, arg?: unknown): Promise<FabricItemTarget | undefined> {
  const given = fabricWorkspaceOf(arg);
  const ws = given
    ? { workspaceId: given.workspaceId, workspaceName: given.workspaceName ?? given.workspaceId }
    : await pickWorkspace(ctx, input);
  if (!ws) return undefined;
  const items = listMirroredDatabases(ctx, ws.workspaceId).then((dbs) =>
    Promise.all(
      dbs.map(async (d): Promise<Picked<FabricItemTarget>> => {
        const value = { workspaceId: ws.workspaceId, itemId: d.id as string, displayName: d.displayName, workspaceName: ws.workspaceName };
        const status = await readMirroringStatus(ctx, value).then(
          (s) => s.status,
          () => undefined,
        );
        return { label: d.displayName ?? value.itemId, description: status, detail: d.description || undefined, value };
      }),
    ),
  );
  const picked = await input.pick(items, { title: `Choose a mirrored database in ${ws.workspaceName}` });
  if (!picked) return undefined;
  if (!(await items).length) throw new Error(`${ws.workspaceName} has no mirrored databases.`);
  return picked.value;
}

/** The command's target: the node or object it was run on, else the user's pick (undefined: cancelled). */
export async function itemTarget(ctx: FabricContext, input: UserInput, arg: unknown): Promise<FabricItemTarget | undefined> {
  return fabricItemOf(arg) ?? (await pickMirroredDatabase(ctx, input, arg));
}

export const nameOf = (t: FabricItemTarget): string => t.displayName ?? t.itemId;

/** Progress (with Cancel) for a request a Fabric command sends: in the view when run on one of its nodes. */
export function withRequestProgress<T>(title: string, arg: unknown, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return withCancellableProgress(title, progressWhere(arg, FABRIC_VIEW_ID), work);
}
