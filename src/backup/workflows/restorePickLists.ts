// What the Restore command offers from the palette: subscriptions, their Recovery Services vaults, and
// the protected SQL databases of a vault, each sorted by name.
import type { ProtectedItem, Vault } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { BackupContext } from '../backupContext';

export async function listSubscriptionChoices(ctx: BackupContext): Promise<Array<{ subscriptionId: string; displayName: string }>> {
  const subs = await ctx.clients().subscriptions.list().toArray();
  return subs
    .filter((s) => s.subscriptionId)
    .map((s) => ({ subscriptionId: s.subscriptionId!, displayName: s.displayName ?? s.subscriptionId! }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function listVaultChoices(ctx: BackupContext, subscriptionId: string): Promise<Vault[]> {
  const vaults = await ctx.clients().vaults.listVaults(subscriptionId).toArray();
  return vaults.filter((v) => v.id && v.name).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

export async function listProtectedDatabaseChoices(ctx: BackupContext, vault: VaultRef): Promise<ProtectedItem[]> {
  const items = await ctx.clients().protection.listProtectedItems(vault).toArray();
  return items
    .filter((i) => i.id)
    .sort((a, b) => (a.properties?.friendlyName ?? a.name ?? '').localeCompare(b.properties?.friendlyName ?? b.name ?? ''));
}
