// Protection commands of the Backup view and the palette: configure protection (the guided flow), stop
// protection (keep the data, or delete it after typing the database name), resume with a policy, and
// unregister a VM. From a tree node they act on its `resourceId`; from the palette they ask.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import { resourceIdOf } from '../../ui/targetResourceId';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { containerRefOf, protectedItemRefOf, vaultRefOf } from '../backupTarget';
import { unregisterVm } from '../workflows/discoveryWorkflows';
import { sameName } from '../workflows/protectionIds';
import {
  confirmNameProblem,
  databaseNameOf,
  deleteBackupData,
  readProtectedDatabase,
  resumeProtection,
  stopProtectionKeepData,
  type ProtectionOutcome,
} from '../workflows/protectionWorkflows';
import { ConfigureProtectionFlow } from './configureProtectionFlow';
import { pickProtectedDatabase, pickRegisteredVm, pickSqlPolicy, pickVault } from './backupPickers';

export interface ProtectionCommandDeps {
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
}

const STOPPED = ['ProtectionStopped', 'BackupsSuspended', 'ProtectionPaused'];
const isStopped = (state: string | undefined) => STOPPED.some((s) => sameName(s, state));

export function registerProtectionCommands(deps: ProtectionCommandDeps): vscode.Disposable[] {
  const { ctx, input, errors } = deps;
  const flow = new ConfigureProtectionFlow(ctx, input);

  /** The protected database a command acts on: the node's, or one picked (vault first). */
  const itemIdOf = async (arg: unknown, title: string, accept?: (state: string | undefined) => boolean): Promise<string | undefined> => {
    const given = resourceIdOf(arg);
    if (given && protectedItemRefOf(given)) return given;
    const vault = vaultRefOf(arg) ?? (await pickVault(ctx, input));
    if (!vault) return undefined;
    const picked = await pickProtectedDatabase(ctx, input, vault, {
      title,
      accept: accept && ((i) => accept(i.properties?.protectionState)),
    });
    return picked?.id;
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.backup.configureProtection',
      errors.guard('Configure protection', (arg?: unknown) => flow.run(arg)),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.backup.stopProtection',
      errors.guard('Stop protection', async (arg?: unknown): Promise<ProtectionOutcome | undefined> => {
        const itemId = await itemIdOf(arg, 'Choose the database to stop protecting');
        if (!itemId) return undefined;
        const item = await readProtectedDatabase(ctx, itemId);
        const name = item.properties?.friendlyName ?? databaseNameOf(protectedItemRefOf(itemId)?.item ?? itemId);
        const stopped = isStopped(item.properties?.protectionState);
        const options = [
          ...(stopped
            ? []
            : [
                {
                  label: 'Stop and keep the backup data',
                  detail: 'Scheduled backups stop; the recovery points are kept (and billed) until you delete them. You can resume later.',
                  value: 'retain' as const,
                },
              ]),
          {
            label: 'Stop and delete the backup data',
            detail: `Every recovery point of ${name} is deleted. This cannot be undone.`,
            value: 'delete' as const,
          },
        ];
        const choice = await input.pick(options, { title: `Stop protection of ${name}` });
        if (!choice) return undefined;
        if (choice.value === 'retain') {
          const ok = await input.confirm(
            `Stop protection of "${name}" and keep its backup data?`,
            'Scheduled backups stop. The recovery points stay until you delete them.',
            'Stop Protection',
          );
          return ok ? stopProtectionKeepData(ctx, itemId) : undefined;
        }
        const typed = await input.input({
          title: `Type "${name}" to delete all backup data of ${name}`,
          prompt: 'The recovery points are deleted and cannot be restored afterwards.',
          validateInput: (value) => confirmNameProblem(name, value),
        });
        if (typed === undefined) return undefined;
        return deleteBackupData(ctx, itemId, typed);
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.backup.resumeProtection',
      errors.guard('Resume protection', async (arg?: unknown): Promise<ProtectionOutcome | undefined> => {
        const itemId = await itemIdOf(arg, 'Choose the database to resume protecting', isStopped);
        if (!itemId) return undefined;
        const ref = protectedItemRefOf(itemId);
        if (!ref) return undefined;
        const policy = await pickSqlPolicy(ctx, input, ref, `Backup policy to resume ${databaseNameOf(ref.item)} with`);
        if (!policy?.id) return undefined;
        return resumeProtection(ctx, itemId, policy.id);
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.backup.unregisterContainer',
      errors.guard('Unregister VM', async (arg?: unknown): Promise<string | undefined> => {
        const given = resourceIdOf(arg);
        let containerId = given && containerRefOf(given) ? given : undefined;
        if (!containerId) {
          const vault = vaultRefOf(arg) ?? (await pickVault(ctx, input));
          containerId = vault && (await pickRegisteredVm(ctx, input, vault));
        }
        const ref = containerId ? containerRefOf(containerId) : undefined;
        if (!containerId || !ref) return undefined;
        const vmName = ref.container.split(';').pop() ?? ref.container;
        const ok = await input.confirm(
          `Unregister ${vmName} from vault ${ref.vault}?`,
          'Azure Backup stops managing the VM. Register it again to protect its databases later.',
          'Unregister',
        );
        if (!ok) return undefined;
        await unregisterVm(ctx, containerId);
        return containerId;
      }),
    ),
  ];
}
