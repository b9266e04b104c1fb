// Sync group commands: create (the setup wizard), edit settings, delete, refresh the hub schema,
// sync now and cancel. Long-running calls go through the operations center.
import * as vscode from 'vscode';
import type { SyncGroupProperties } from '../../azure/sql/syncModels';
import { CONFLICT_POLICIES, MIN_INTERVAL_SECONDS, parseIntervalText, validateIntervalText, validateRetentionText } from '../syncRules';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { notices } from '../../ui/notices';
import { askThenSend } from '../../ui/retryableCommand';
import { resourceIdOf } from '../../ui/targetResourceId';
import { cancelSync, triggerSync } from '../workflows/syncRunWorkflows';
import { refreshHubSchema } from '../workflows/schemaWorkflows';
import { deleteGroup, readGroupSettings, updateGroupSettings, type GroupSettings } from '../workflows/syncGroupWorkflows';
import { withRequestProgress, type CommandDeps } from './commandSupport';
import { pickSyncGroup } from './pickers';

export function registerSyncGroupCommands(deps: CommandDeps): vscode.Disposable[] {
  const { ctx, input, errors } = deps;
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
      errors.guard('Edit sync group', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        const current = await withRequestProgress(`Reading the settings of ${ref.syncGroup}…`, arg, (signal) =>
          readGroupSettings(ctx, id, signal),
        );
        return askThenSend(`Update sync group ${ref.syncGroup}`, deps, {
          ask: (ui) => askGroupSettings(ui, ref.syncGroup, current),
          send: (changes) =>
            withRequestProgress(`Updating sync group ${ref.syncGroup}…`, arg, (signal) => updateGroupSettings(ctx, id, changes, signal)),
        });
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
        return withRequestProgress(`Deleting sync group ${ref.syncGroup}…`, arg, (signal) => deleteGroup(ctx, id, signal));
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.refreshHubSchema',
      errors.guard('Refresh hub schema', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        return withRequestProgress(`Refreshing the hub schema of ${syncGroupRefFromId(id).syncGroup}…`, arg, (signal) =>
          refreshHubSchema(ctx, id, { retry: { command: 'sqlDataMovement.dataSync.refreshHubSchema', args: [id] }, signal }),
        );
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.triggerSync',
      errors.guard('Sync now', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        await withRequestProgress(`Starting a sync of ${ref.syncGroup}…`, arg, (signal) => triggerSync(ctx, id, signal));
        notices.info(`Sync of ${ref.syncGroup} started (hub ${ref.database} on ${ref.server}).`);
        return true;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.cancelSync',
      errors.guard('Cancel sync', async (arg?: unknown) => {
        const id = await groupId(arg);
        if (!id) return undefined;
        const ref = syncGroupRefFromId(id);
        const cancelling = await withRequestProgress(`Cancelling the sync of ${ref.syncGroup}…`, arg, (signal) =>
          cancelSync(ctx, id, signal),
        );
        notices.info(
          cancelling ? `Cancelling the sync of ${ref.syncGroup}.` : `No sync of ${ref.syncGroup} is running: nothing to cancel.`,
        );
        return cancelling;
      }),
    ),
  ];
}

/** Asks for each setting, each prompt starting on its current value (Enter keeps it); undefined when the user cancels. */
async function askGroupSettings(
  input: CommandDeps['input'],
  name: string,
  current: SyncGroupProperties,
): Promise<GroupSettings | undefined> {
  const interval = await input.input({
    title: `Sync interval of ${name} (seconds, -1 for manual)`,
    value: String(current.interval ?? 300),
    validateInput: validateIntervalText,
    prompt: `How often the group syncs, in seconds (at least ${MIN_INTERVAL_SECONDS}); -1 syncs only when you ask.`,
  });
  if (interval === undefined) return undefined;
  const policy = await input.pick(
    CONFLICT_POLICIES.map((p) => ({ label: p.value, description: p.description, picked: current.conflictResolutionPolicy === p.value })),
    { title: `Conflict resolution of ${name}`, placeHolder: `Now: ${current.conflictResolutionPolicy ?? 'unknown'}` },
  );
  if (!policy) return undefined;
  const logged = current.enableConflictLogging === true;
  const logging = await input.pick(
    [
      { label: 'Log conflicts', picked: logged },
      { label: 'Do not log conflicts', picked: !logged },
    ],
    { title: `Conflict logging of ${name}`, placeHolder: logged ? 'Now: logged' : 'Now: not logged' },
  );
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
  const viaPrivateLink = current.usePrivateLinkConnection === true;
  const privateLink = await input.pick(
    [
      { label: 'Public endpoint', picked: !viaPrivateLink },
      { label: 'Private link', picked: viaPrivateLink },
    ],
    { title: `Connection of ${name} to its databases`, placeHolder: viaPrivateLink ? 'Now: private link' : 'Now: public endpoint' },
  );
  if (!privateLink) return undefined;
  return {
    interval: parseIntervalText(interval),
    conflictResolutionPolicy: policy.label,
    enableConflictLogging: logging.label === 'Log conflicts',
    ...(retention !== undefined ? { conflictLoggingRetentionInDays: Number(retention) } : {}),
    usePrivateLinkConnection: privateLink.label === 'Private link',
  };
}
