// The Backup part of an estate scan: every subscription → its Recovery Services vaults → the SQL databases
// they protect (one list per vault with `$filter=backupManagementType eq 'AzureWorkload' and itemType eq
// 'SQLDataBase'`, so VM and file-share items never come back), each with its health and last backup job.
// The last job comes from one Backup-job list per vault (newest first), matched to items by the name the
// service gives jobs — "<database> [<server>]" — instead of one job query per item.
import type { BackupProtectionClient } from '../azure/backup/backupProtectionClient';
import type { BackupVaultsClient } from '../azure/backup/vaultsClient';
import type { BackupJob, ProtectedItem, Vault } from '../azure/backup/backupModels';
import { parseResourceId } from '../azure/resourceId';
import type { EstateCounts, EstateEvent } from './estateEvents';
import { guarded } from './scanGuard';

export interface BackupScanClients {
  vaults: BackupVaultsClient;
  protection: BackupProtectionClient;
}

const BACKUP_JOBS = "backupManagementType eq 'AzureWorkload' and operation eq 'Backup'";

export async function scanBackup(
  clients: BackupScanClients,
  subscriptionId: string,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('backup', subscriptionId, emit, signal, async () => {
    const vaults = await clients.vaults.listVaults(subscriptionId, { signal }).toArray();
    counts.vaults += vaults.length;
    await Promise.all(vaults.map((vault) => scanVault(clients, subscriptionId, vault, emit, counts, signal)));
  });
}

async function scanVault(
  clients: BackupScanClients,
  subscriptionId: string,
  vault: Vault,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
): Promise<void> {
  await guarded('backup', vault.id ?? '', emit, signal, async () => {
    const parsed = parseResourceId(vault.id ?? '');
    const ref = { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup ?? '', vault: vault.name ?? '' };
    const [items, jobs] = await Promise.all([
      clients.protection.listProtectedItems(ref, { signal }).toArray(),
      clients.protection.listJobs(ref, { filter: BACKUP_JOBS, signal }).toArray(),
    ]);
    counts.protectedDatabases += items.length;
    const latest = latestJobByEntity(jobs);
    for (const item of items) emit({ kind: 'protectedDatabase', subscriptionId, vault, item, lastJob: latest.get(entityName(item)) });
  });
}

/** The name Backup jobs carry for a SQL database item: "<database> [<server>]". */
export function entityName(item: ProtectedItem): string {
  return `${item.properties?.friendlyName ?? ''} [${item.properties?.serverName ?? ''}]`.toLowerCase();
}

function latestJobByEntity(jobs: BackupJob[]): Map<string, BackupJob> {
  const latest = new Map<string, BackupJob>();
  for (const job of jobs) {
    const name = (job.properties?.entityFriendlyName ?? '').toLowerCase();
    const seen = latest.get(name);
    if (!seen || (job.properties?.startTime ?? '') > (seen.properties?.startTime ?? '')) latest.set(name, job);
  }
  return latest;
}
