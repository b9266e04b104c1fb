// What the protection commands offer to choose from when they are run from the palette: subscriptions,
// the vaults of one, the VMs registered to a vault and its protected databases.
import type { ProtectedItem, ProtectionContainer, Vault } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { Subscription } from '../../azure/resources/subscriptionsClient';
import type { BackupContext } from '../backupContext';
import { vaultRefOf } from '../backupTarget';

export function listSubscriptions(ctx: BackupContext): Promise<Subscription[]> {
  return ctx.clients().subscriptions.list().toArray();
}

export async function listVaults(ctx: BackupContext, subscriptionId: string): Promise<Array<{ vault: Vault; ref: VaultRef }>> {
  const vaults = await ctx.clients().vaults.listVaults(subscriptionId).toArray();
  return vaults.flatMap((vault) => {
    const ref = vaultRefOf(vault.id ?? '');
    return ref ? [{ vault, ref }] : [];
  });
}

export function listRegisteredVms(ctx: BackupContext, vault: VaultRef): Promise<ProtectionContainer[]> {
  return ctx.clients().discovery.listContainers(vault).toArray();
}

export function listProtectedDatabases(ctx: BackupContext, vault: VaultRef): Promise<ProtectedItem[]> {
  return ctx.clients().protection.listProtectedItems(vault).toArray();
}
