// From the palette, Backup commands ask for their target: a vault (every subscription's, read in
// parallel), then a protected database in it.
import type * as vscode from 'vscode';
import type { ProtectedItemRef, VaultRef } from '../../azure/backup/backupPaths';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { protectedItemRefOf, vaultRefOf } from '../backupTarget';
import { listProtectedDatabases, listSubscriptions, listVaults } from '../workflows/browseWorkflows';

interface Picked<T> extends vscode.QuickPickItem {
  value: T;
}

export async function pickVault(ctx: BackupContext, input: UserInput): Promise<(VaultRef & { id: string }) | undefined> {
  const items = listSubscriptions(ctx).then(async (subs) => {
    const perSubscription = await Promise.all(
      subs.map(async (s) =>
        (await listVaults(ctx, s.subscriptionId as string)).flatMap((v): Picked<VaultRef & { id: string }>[] => {
          const ref = v.id ? vaultRefOf(v.id) : undefined;
          return ref && v.id
            ? [
                {
                  label: v.name ?? ref.vault,
                  description: [s.displayName, ref.resourceGroup].filter(Boolean).join(' · '),
                  value: { ...ref, id: v.id },
                },
              ]
            : [];
        }),
      ),
    );
    return perSubscription.flat().sort((a, b) => a.label.localeCompare(b.label));
  });
  const picked = await input.pick(items, { title: 'Choose a Recovery Services vault', matchOnDescription: true });
  if (!picked) return undefined;
  return picked.value;
}

export async function pickProtectedDatabase(ctx: BackupContext, input: UserInput): Promise<ProtectedItemRef | undefined> {
  const vault = await pickVault(ctx, input);
  if (!vault) return undefined;
  const items = listProtectedDatabases(ctx, vault).then((list) =>
    list
      .flatMap((i): Picked<ProtectedItemRef>[] => {
        const ref = i.id ? protectedItemRefOf(i.id) : undefined;
        const p = i.properties;
        return ref
          ? [
              {
                label: p?.friendlyName ?? ref.item,
                description: [p?.serverName, p?.parentName].filter(Boolean).join(' / '),
                detail: p?.protectionState,
                value: ref,
              },
            ]
          : [];
      })
      .sort((a, b) => a.label.localeCompare(b.label) || (a.description ?? '').localeCompare(b.description ?? '')),
  );
  const picked = await input.pick(items, { title: `Choose a protected database in ${vault.vault}`, matchOnDescription: true });
  if (!picked) return undefined;
  if (!(await items).length) throw new Error(`${vault.vault} has no protected SQL databases.`);
  return picked.value;
}
