// From the palette, a Backup command that needs a vault asks for the subscription, then the vault.
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { listSubscriptionChoices, listVaultChoices } from '../workflows/vaultLists';

export async function pickVault(ctx: BackupContext, input: UserInput, title: string): Promise<VaultRef | undefined> {
  const sub = await input.pick(
    listSubscriptionChoices(ctx).then((subs) => subs.map((s) => ({ label: s.name, description: s.subscriptionId, id: s.subscriptionId }))),
    { title: `${title}: subscription`, key: 'backup.subscription' },
  );
  if (!sub) return undefined;
  const vault = await input.pick(
    listVaultChoices(ctx, sub.id).then((vs) =>
      vs.map((v) => ({ label: v.vault, description: `${v.resourceGroup}${v.location ? ` · ${v.location}` : ''}`, ref: v })),
    ),
    { title: `${title}: Recovery Services vault in ${sub.label}`, key: 'backup.vault' },
  );
  return vault && { subscriptionId: vault.ref.subscriptionId, resourceGroup: vault.ref.resourceGroup, vault: vault.ref.vault };
}
