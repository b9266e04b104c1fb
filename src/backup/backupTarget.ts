// What a Backup command acts on, read from the full ARM id a tree node, an Operations entry or another
// command passes (`resourceId`). Ids are compared case-insensitively by the service, and container and
// item names hold ';' (VMAppContainer;Compute;rg;vm, SQLDataBase;MSSQLSERVER;db), so ids are parsed,
// never split by hand.
import type { ContainerRef, ProtectedItemRef, RecoveryPointRef, VaultRef } from '../azure/backup/backupPaths';
import { nameOf, parseResourceId } from '../azure/resourceId';
import { resourceIdOf } from '../ui/targetResourceId';

function parsedVault(id: string): (VaultRef & { parsed: ReturnType<typeof parseResourceId> }) | undefined {
  let parsed: ReturnType<typeof parseResourceId>;
  try {
    parsed = parseResourceId(id);
  } catch {
    return undefined;
  }
  const vault = nameOf(parsed, 'vaults');
  if (parsed.provider?.toLowerCase() !== 'microsoft.recoveryservices' || !vault || parsed.resourceGroup === undefined) return undefined;
  return { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup, vault, parsed };
}

/** The vault an id lies in (the vault's own id or any id below it). */
export function vaultRefOf(arg: unknown): VaultRef | undefined {
  const id = resourceIdOf(arg);
  const v = id ? parsedVault(id) : undefined;
  return v && { subscriptionId: v.subscriptionId, resourceGroup: v.resourceGroup, vault: v.vault };
}

/** The registered container (VM) an id lies in. */
export function containerRefOf(arg: unknown): ContainerRef | undefined {
  const id = resourceIdOf(arg);
  const v = id ? parsedVault(id) : undefined;
  const container = v && nameOf(v.parsed, 'protectionContainers');
  return v && container ? { subscriptionId: v.subscriptionId, resourceGroup: v.resourceGroup, vault: v.vault, container } : undefined;
}

/** The protected item (database) an id lies in. */
export function protectedItemRefOf(arg: unknown): ProtectedItemRef | undefined {
  const id = resourceIdOf(arg);
  const c = id ? containerRefOf(id) : undefined;
  const item = c && id ? nameOf(parseResourceId(id), 'protectedItems') : undefined;
  return c && item ? { ...c, item } : undefined;
}

/** The recovery point an id names. */
export function recoveryPointRefOf(arg: unknown): RecoveryPointRef | undefined {
  const id = resourceIdOf(arg);
  const i = id ? protectedItemRefOf(id) : undefined;
  const recoveryPoint = i && id ? nameOf(parseResourceId(id), 'recoveryPoints') : undefined;
  return i && recoveryPoint ? { ...i, recoveryPoint } : undefined;
}

/** A policy's vault and name, from its id (…/vaults/{v}/backupPolicies/{name}). */
export function policyRefOf(arg: unknown): (VaultRef & { policy: string }) | undefined {
  const id = resourceIdOf(arg);
  const v = id ? parsedVault(id) : undefined;
  const policy = v && nameOf(v.parsed, 'backupPolicies');
  return v && policy ? { subscriptionId: v.subscriptionId, resourceGroup: v.resourceGroup, vault: v.vault, policy } : undefined;
}

/** A job's vault and name, from its id (…/vaults/{v}/backupJobs/{name}). */
export function jobRefOf(arg: unknown): (VaultRef & { job: string }) | undefined {
  const id = resourceIdOf(arg);
  const v = id ? parsedVault(id) : undefined;
  const job = v && nameOf(v.parsed, 'backupJobs');
  return v && job ? { subscriptionId: v.subscriptionId, resourceGroup: v.resourceGroup, vault: v.vault, job } : undefined;
}
