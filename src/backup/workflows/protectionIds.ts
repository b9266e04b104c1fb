// ARM ids of what the protection workflows act on, as the service writes them (names with ';' raw, not
// encoded): operations and tree refreshes are keyed by them.
import type { ContainerRef, ProtectedItemRef, VaultRef } from '../../azure/backup/backupPaths';
import { AZURE_FABRIC } from '../../azure/backup/backupModels';

export const vaultIdOf = (v: VaultRef): string =>
  `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${v.vault}`;

export const containerIdOf = (c: ContainerRef): string =>
  `${vaultIdOf(c)}/backupFabrics/${AZURE_FABRIC}/protectionContainers/${c.container}`;

export const protectedItemIdOf = (i: ProtectedItemRef): string => `${containerIdOf(i)}/protectedItems/${i.item}`;

export const policyIdOf = (v: VaultRef, policy: string): string => `${vaultIdOf(v)}/backupPolicies/${policy}`;

/** Names compare case-insensitively: the service re-cases them in its answers. */
export const sameName = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
