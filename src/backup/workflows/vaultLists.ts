// What the palette's pickers list: subscriptions, then the Recovery Services vaults in one. vscode-free.
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { BackupContext } from '../backupContext';
import { vaultRefOf } from '../backupTarget';

export interface SubscriptionChoice {
  subscriptionId: string;
  name: string;
}

export async function listSubscriptionChoices(ctx: BackupContext): Promise<SubscriptionChoice[]> {
  const subs = await ctx.clients().subscriptions.list().toArray();
  return subs
    .filter((s) => s.subscriptionId)
    .map((s) => ({ subscriptionId: s.subscriptionId as string, name: s.displayName ?? (s.subscriptionId as string) }));
}

export async function listVaultChoices(ctx: BackupContext, subscriptionId: string): Promise<Array<VaultRef & { location?: string }>> {
  const vaults = await ctx.clients().vaults.listVaults(subscriptionId).toArray();
  return vaults.flatMap((v) => {
    const ref = vaultRefOf(v.id);
    return ref ? [{ ...ref, location: v.location }] : [];
  });
}
