// The Backup part of an estate scan: every subscription → its Recovery Services vaults → the SQL databases
// they protect (one list per vault with `$filter=backupManagementType eq 'AzureWorkload' and itemType eq
// 'SQLDataBase'`, so VM and file-share items never come back), each with its health and last backup job
// of the last 24 hours, and the jobs of those 24 hours that failed. Both come from one job list per vault
// filtered by the service to the last 24 hours (not every job the vault ever ran), matched to items by the
// name the service gives jobs — "<database> [<server>]" — instead of one job query per item.
import type { BackupProtectionClient } from '../../azure/backup/backupProtectionClient';
import type { BackupVaultsClient } from '../../azure/backup/vaultsClient';
import type { BackupJob, ProtectedItem, Vault } from '../../azure/backup/backupModels';
import { parseResourceId } from '../../azure/resourceId';
import type { EstateCounts, EstateEvent } from './estateEvents';
import { guarded } from './scanGuard';

export interface BackupScanClients {
  vaults: BackupVaultsClient;
  protection: BackupProtectionClient;
}

const DAY_MS = 24 * 3600_000;
/** Azure Backup's job filter takes its window as `startTime eq` / `endTime eq`, in UTC. */
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
export const recentJobsFilter = (now: number): string =>
  `backupManagementType eq 'AzureWorkload' and startTime eq '${iso(now - DAY_MS)}' and endTime eq '${iso(now)}'`;

export async function scanBackup(
  clients: BackupScanClients,
  subscriptionId: string,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<void> {
  await guarded('backup', subscriptionId, emit, signal, async () => {
    const vaults = await clients.vaults.listVaults(subscriptionId, { signal }).toArray();
    counts.vaults += vaults.length;
    await Promise.all(vaults.map((vault) => scanVault(clients, subscriptionId, vault, emit, counts, signal, now)));
  });
}

async function scanVault(
  clients: BackupScanClients,
  subscriptionId: string,
  vault: Vault,
  emit: (event: EstateEvent) => void,
  counts: EstateCounts,
  signal: AbortSignal | undefined,
  now: () => number,
): Promise<void> {
  await guarded('backup', vault.id ?? '', emit, signal, async () => {
    const parsed = parseResourceId(vault.id ?? '');
    const ref = { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup ?? '', vault: vault.name ?? '' };
    const [items, jobs] = await Promise.all([
      clients.protection.listProtectedItems(ref, { signal }).toArray(),
      clients.protection.listJobs(ref, { filter: recentJobsFilter(now()), signal }).toArray(),
    ]);
    counts.protectedDatabases += items.length;
    const latest = latestJobByEntity(jobs.filter((j) => (j.properties?.operation ?? '').startsWith('Backup')));
    for (const item of items) emit({ kind: 'protectedDatabase', subscriptionId, vault, item, lastJob: latest.get(entityName(item)) });
    for (const job of jobs) if (job.properties?.status === 'Failed') emit({ kind: 'failedBackupJob', subscriptionId, vault, job });
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
