// Quick picks the protection commands ask with when no tree node was given: subscription → vault → a
// registered VM or a protected database, and a SQL policy shown with its schedule in words.
import type * as vscode from 'vscode';
import type { ProtectedItem, ProtectionPolicy } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { policyScheduleText } from '../workflows/policySchedule';
import { listProtectedDatabases, listRegisteredVms, listSubscriptions, listVaults } from '../workflows/protectionLists';
import { listSqlPolicies } from '../workflows/protectionWorkflows';

interface Picked<T> extends vscode.QuickPickItem {
  value: T;
}

export async function pickVault(ctx: BackupContext, input: UserInput): Promise<VaultRef | undefined> {
  const subscriptions = listSubscriptions(ctx).then((subs) =>
    subs
      .filter((s) => s.subscriptionId)
      .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''))
      .map((s): Picked<string> => ({
        label: s.displayName ?? (s.subscriptionId as string),
        description: s.subscriptionId,
        value: s.subscriptionId as string,
      })),
  );
  const sub = await input.pick(subscriptions, { title: 'Choose a subscription', matchOnDescription: true });
  if (!sub) return undefined;
  const vaults = listVaults(ctx, sub.value).then((list) =>
    list
      .sort((a, b) => a.ref.vault.localeCompare(b.ref.vault))
      .map((v): Picked<VaultRef> => ({
        label: v.ref.vault,
        description: `${v.vault.location ?? ''} · ${v.ref.resourceGroup}`,
        value: v.ref,
      })),
  );
  return (await input.pick(vaults, { title: `Choose a Recovery Services vault in ${sub.label}` }))?.value;
}

/** A VM registered to the vault: its container id. */
export async function pickRegisteredVm(ctx: BackupContext, input: UserInput, vault: VaultRef): Promise<string | undefined> {
  const items = listRegisteredVms(ctx, vault).then((list) =>
    list
      .filter((c) => c.id)
      .map((c): Picked<string> => ({
        label: c.properties?.friendlyName ?? c.name ?? '',
        description: c.properties?.registrationStatus,
        detail: c.name,
        value: c.id as string,
      })),
  );
  return (await input.pick(items, { title: `Choose a VM registered to ${vault.vault}` }))?.value;
}

/** A protected database of the vault (optionally only those `accept` allows): its id. */
export async function pickProtectedDatabase(
  ctx: BackupContext,
  input: UserInput,
  vault: VaultRef,
  title: string,
  accept: (item: ProtectedItem) => boolean = () => true,
): Promise<string | undefined> {
  const items = listProtectedDatabases(ctx, vault).then((list) =>
    list
      .filter((i) => i.id && accept(i))
      .map((i): Picked<string> => ({
        label: i.properties?.friendlyName ?? i.name ?? '',
        description: [i.properties?.protectionState, i.properties?.policyName].filter(Boolean).join(' · '),
        detail: `${i.properties?.parentName ?? ''} on ${i.properties?.containerName?.split(';').pop() ?? i.properties?.serverName ?? ''}`,
        value: i.id as string,
      })),
  );
  return (await input.pick(items, { title }))?.value;
}

/** An AzureWorkload SQL policy of the vault, each shown with its schedule in words. */
export async function pickSqlPolicy(
  ctx: BackupContext,
  input: UserInput,
  vault: VaultRef,
  title: string,
): Promise<ProtectionPolicy | undefined> {
  const items = listSqlPolicies(ctx, vault).then((list) =>
    list.map((p): Picked<ProtectionPolicy> => ({
      label: p.name ?? '',
      description: `${p.properties?.protectedItemsCount ?? 0} protected`,
      detail: policyScheduleText(p.properties),
      value: p,
    })),
  );
  return (await input.pick(items, { title, matchOnDetail: true, key: 'policy' }))?.value;
}
