// The vault a jobs or policy command acts on: any id in the vault, and also the ids of the Backup tree's
// Jobs and Policies entries, which name the vault's collection (…/vaults/{v}/backupJobs) rather than a
// resource in it, so the ARM-id parser does not read them.
import type { VaultRef } from '../../azure/backup/backupPaths';
import { resourceIdOf } from '../../ui/targetResourceId';
import { vaultRefOf } from '../backupTarget';

const COLLECTION = /^(.*\/vaults\/[^/]+)\/(backupJobs|backupPolicies)\/?$/i;

export function vaultOfTarget(arg: unknown): VaultRef | undefined {
  const direct = vaultRefOf(arg);
  if (direct) return direct;
  const m = COLLECTION.exec(resourceIdOf(arg) ?? '');
  return m ? vaultRefOf(m[1]) : undefined;
}
