// Sync group commands: create (the setup wizard), edit settings, delete, refresh the hub schema,
// sync now and cancel. Long-running calls go through the operations center.
import * as vscode from 'vscode';
import { MIN_INTERVAL_SECONDS, validateInterval, validateRetentionDays, validateSyncGroupName } from '../syncRules';
import type { SyncGroup, SyncGroupInput } from '../../azure/sql/syncModels';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { resourceIdOf, startTracked, type CommandDeps } from './commandSupport';
import { pickSyncGroup } from './pickers';

/** Text from an input box → the shared Data Sync rule (a whole number of seconds, or -1 / "manual"). */
export function validateIntervalText(value: string): string | undefined {
  const v = value.trim();
  if (/^manual$/i.test(v)) return undefined;
  return /^-?\d+$/.test(v) ? validateInterval(Number(v)) : validateInterval(Number.NaN);
}

export function validateRetentionText(value: string): string | undefined {
  return /^\d+$/.test(value.trim()) ? validateRetentionDays(Number(value)) : validateRetentionDays(Number.NaN);
}

export function registerSyncGroupCommands({ ctx, input, errors }: CommandDeps): vscode.Disposable[] {
  const groupId = async (arg: unknown) => resourceIdOf(arg) ?? (await pickSyncGroup(ctx, input));

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.pickSyncGroup',
      errors.guard('Choose a sync group', () => pickSyncGroup(ctx, input)),
    ),

    vscode.commands.registerCommand('sqlDataMovement.dataSync.createSyncGroup', (arg?: unknown) =>
      vscode.commands.executeCommand('sqlDataMovement.dataSync.openSetupWizard', resourceIdOf(arg)),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.editSyncGroup',
      errors.guard('Edit sync group', async (arg?: unknown, previous?: Partial<SyncGroupInput['properties']>) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        const current = previous ?? (await ctx.clients().groups.get(ref)).properties ?? {};
        const changes = await askGroupSettings(input, ref.syncGroup, current);
        if (!changes) return undefined;
        try {
          const op = await startTracked(ctx, {
            title: `Update sync group ${ref.syncGroup}`,
            resourceId: id,
            label: `sync group ${ref.syncGroup}`,
            begin: () => ctx.clients().groups.beginUpdate(ref, { properties: changes }),
          });
          return op;
        } catch (e) {
          // Keep what the user typed: offer to reopen the prompts with the same values.
          void errors.show(`Update sync group ${ref.syncGroup}`, e);
          const again = await vscode.window.showWarningMessage(`Your changes to ${ref.syncGroup} were not saved.`, 'Edit Again');
          if (again) return vscode.commands.executeCommand('sqlDataMovement.dataSync.editSyncGroup', id, { ...current, ...changes });
          return undefined;
        }
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.deleteSyncGroup',
      errors.guard('Delete sync group', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        const ok = await input.confirm(
          `Delete sync group "${ref.syncGroup}" (hub ${ref.database} on ${ref.server})?`,
          'Its members and sync settings are deleted; the data in the databases is not. This cannot be undone.',
          'Delete',
        );
        if (!ok) return undefined;
        return startTracked(ctx, {
          title: `Delete sync group ${ref.syncGroup}`,
          resourceId: id,
          label: `sync group ${ref.syncGroup}`,
          begin: () => ctx.clients().groups.beginDelete(ref),
        });
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.refreshHubSchema',
      errors.guard('Refresh hub schema', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        return startTracked(ctx, {
          title: `Refresh hub schema of ${ref.syncGroup}`,
          resourceId: id,
          label: `sync group ${ref.syncGroup}`,
          begin: () => ctx.clients().groups.beginRefreshHubSchema(ref),
          retry: { command: 'sqlDataMovement.dataSync.refreshHubSchema', args: [id] },
        });
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.triggerSync',
      errors.guard('Sync now', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        await ctx.clients().groups.triggerSync(ref);
        vscode.window.setStatusBarMessage(`$(sync) Sync of ${ref.syncGroup} started`, 4000);
        ctx.refresh(id);
        return true;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.cancelSync',
      errors.guard('Cancel sync', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        await ctx.clients().groups.cancelSync(ref);
        vscode.window.setStatusBarMessage(`$(debug-stop) Cancelling the sync of ${ref.syncGroup}`, 4000);
        ctx.refresh(id);
        return true;
      }),
    ),
  ];
}

/** Asks for each setting, starting from the current values; undefined when the user cancels. */
async function askGroupSettings(
  input: CommandDeps['input'],
  name: string,
  current: SyncGroup['properties'] & object,
): Promise<SyncGroupInput['properties'] | undefined> {
  const interval = await input.input({
    title: `Sync interval of ${name} (seconds, -1 for manual)`,
    value: String(current.interval ?? 300),
    validateInput: validateIntervalText,
    prompt: `How often the group syncs, in seconds (at least ${MIN_INTERVAL_SECONDS}); -1 syncs only when you ask.`,
  });
  if (interval === undefined) return undefined;
  const policy = await input.pick(
    [
      { label: 'HubWin', description: 'the hub database wins conflicts', picked: current.conflictResolutionPolicy === 'HubWin' },
      { label: 'MemberWin', description: 'the member database wins conflicts', picked: current.conflictResolutionPolicy === 'MemberWin' },
    ],
    { title: `Conflict resolution of ${name}`, placeHolder: `Now: ${current.conflictResolutionPolicy ?? 'unknown'}` },
  );
  if (!policy) return undefined;
  const logging = await input.pick([{ label: 'Log conflicts' }, { label: 'Do not log conflicts' }], {
    title: `Conflict logging of ${name}`,
    placeHolder: current.enableConflictLogging ? 'Now: logged' : 'Now: not logged',
  });
  if (!logging) return undefined;
  let retention: string | undefined;
  if (logging.label === 'Log conflicts') {
    retention = await input.input({
      title: `Conflict log retention of ${name} (days, 1–30)`,
      value: String(current.conflictLoggingRetentionInDays ?? 30),
      validateInput: validateRetentionText,
    });
    if (retention === undefined) return undefined;
  }
  const privateLink = await input.pick([{ label: 'Public endpoint' }, { label: 'Private link' }], {
    title: `Connection of ${name} to its databases`,
    placeHolder: current.usePrivateLinkConnection ? 'Now: private link' : 'Now: public endpoint',
  });
  if (!privateLink) return undefined;
  const nameProblem = validateSyncGroupName(name);
  if (nameProblem) throw new Error(nameProblem);
  return {
    interval: /^manual$/i.test(interval.trim()) ? -1 : Number(interval.trim()),
    conflictResolutionPolicy: policy.label,
    enableConflictLogging: logging.label === 'Log conflicts',
    ...(retention !== undefined ? { conflictLoggingRetentionInDays: Number(retention) } : {}),
    usePrivateLinkConnection: privateLink.label === 'Private link',
  };
}
