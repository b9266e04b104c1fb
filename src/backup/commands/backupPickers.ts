// The quick picks every Backup command asks with when it was run from the palette rather than on a tree
// node: subscription → Recovery Services vault → a protected database or a registered VM, and a SQL
// policy shown with its schedule in words. A `purpose` ("Restore", "Show backup jobs") prefixes the
// titles so the user knows what the choice is for. The lists come from browseWorkflows.
import type * as vscode from 'vscode';
import type { ProtectedItem, ProtectionPolicy } from '../../azure/backup/backupModels';
import type { ProtectedItemRef, VaultRef } from '../../azure/backup/backupPaths';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { protectedItemRefOf, vaultRefOf } from '../backupTarget';
import { listContainers, listProtectedDatabases, listSubscriptions, listVaults } from '../workflows/browseWorkflows';
import { policyScheduleText } from '../workflows/policySchedule';
import { listSqlPolicies } from '../workflows/protectionWorkflows';

interface Picked<T> extends vscode.QuickPickItem {
  value: T;
}

const titled = (purpose: string | undefined, what: string): string => (purpose ? `${purpose}: ${what}` : `Choose ${what}`);
const byLabel = <T extends vscode.QuickPickItem>(a: T, b: T): number => a.label.localeCompare(b.label);

/** A subscription, then one of its Recovery Services vaults. */
export async function pickVault(ctx: BackupContext, input: UserInput, purpose?: string): Promise<VaultRef | undefined> {
  const subscriptions = listSubscriptions(ctx).then((subs) =>
    subs
      .filter((s) => s.subscriptionId)
      .map((s): Picked<string> => ({
        label: s.displayName ?? (s.subscriptionId as string),
        description: s.subscriptionId,
        value: s.subscriptionId as string,
      }))
      .sort(byLabel),
  );
  const sub = await input.pick(subscriptions, {
    title: titled(purpose, purpose ? 'subscription' : 'a subscription'),
    key: 'backup.subscription',
    matchOnDescription: true,
  });
  if (!sub) return undefined;
  const vaults = listVaults(ctx, sub.value).then((list) =>
    list
      .flatMap((v): Picked<VaultRef>[] => {
        const ref = v.id ? vaultRefOf(v.id) : undefined;
        return ref
          ? [{ label: v.name ?? ref.vault, description: [ref.resourceGroup, v.location].filter(Boolean).join(' · '), value: ref }]
          : [];
      })
      .sort(byLabel),
  );
  const vault = await input.pick(vaults, {
    title: titled(purpose, `${purpose ? '' : 'a '}Recovery Services vault in ${sub.label}`),
    key: 'backup.vault',
  });
  return vault?.value;
}

export interface PickDatabaseOptions {
  /** What the choice is for (prefixes the title). */
  purpose?: string;
  /** The whole title, when the purpose alone does not say it (e.g. "Stop protection of which database?"). */
  title?: string;
  /** Only these databases are offered (e.g. only stopped ones for Resume). */
  accept?: (item: ProtectedItem) => boolean;
}

/** A protected database's ref and its ARM id as the service gave it. */
export type PickedDatabase = ProtectedItemRef & { id: string };

/** A protected SQL database of the vault; refuses a vault that has none to offer. */
export async function pickProtectedDatabase(
  ctx: BackupContext,
  input: UserInput,
  vault: VaultRef,
  options: PickDatabaseOptions = {},
): Promise<PickedDatabase | undefined> {
  const accept = options.accept ?? (() => true);
  const items = listProtectedDatabases(ctx, vault).then((list) =>
    list
      .flatMap((i): Picked<PickedDatabase>[] => {
        const ref = i.id && accept(i) ? protectedItemRefOf(i.id) : undefined;
        const p = i.properties;
        return ref
          ? [
              {
                label: p?.friendlyName ?? ref.item,
                description: [p?.protectionState, p?.policyName].filter(Boolean).join(' · '),
                detail: `${p?.parentName ?? ''} on ${p?.containerName?.split(';').pop() ?? p?.serverName ?? ''}`,
                value: { ...ref, id: i.id as string },
              },
            ]
          : [];
      })
      .sort((a, b) => byLabel(a, b) || (a.detail ?? '').localeCompare(b.detail ?? '')),
  );
  const title = options.title ?? titled(options.purpose, `${options.purpose ? '' : 'a '}protected database in ${vault.vault}`);
  const picked = await input.pick(items, { title, matchOnDescription: true });
  if (!picked) {
    if (!(await items).length) throw new Error(`${vault.vault} has no protected SQL databases to choose from.`);
    return undefined;
  }
  return picked.value;
}

/** A subscription, a vault, then a protected database in it. */
export async function pickVaultAndDatabase(
  ctx: BackupContext,
  input: UserInput,
  options: PickDatabaseOptions = {},
): Promise<PickedDatabase | undefined> {
  const vault = await pickVault(ctx, input, options.purpose);
  return vault && pickProtectedDatabase(ctx, input, vault, options);
}

/** A VM registered to the vault: its container id. */
export async function pickRegisteredVm(ctx: BackupContext, input: UserInput, vault: VaultRef): Promise<string | undefined> {
  const items = listContainers(ctx, vault).then((list) =>
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
