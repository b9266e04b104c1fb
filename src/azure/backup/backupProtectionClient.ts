// Protection, on-demand backup, recovery points, restore and jobs for SQL databases in Azure VMs.
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from '../lro/armPoller';
import { BackupPoller } from '../lro/backupPoller';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';
import {
  BACKUP_API_VERSION,
  BACKUP_JOB,
  PROTECTED_ITEM,
  RECOVERY_POINT,
  type BackupJob,
  type ProtectedItem,
  type RecoveryPoint,
  type SqlRestoreRequest,
  type WorkloadBackupRequest,
} from './backupModels';
import {
  protectedItemPath,
  recoveryPointPath,
  vaultPath,
  type ProtectedItemRef,
  type RecoveryPointRef,
  type VaultRef,
} from './backupPaths';

const q = { 'api-version': BACKUP_API_VERSION };
const asItem = (raw: unknown): ProtectedItem => deserialize<ProtectedItem>(PROTECTED_ITEM, raw);
const asPoint = (raw: unknown): RecoveryPoint => deserialize<RecoveryPoint>(RECOVERY_POINT, raw);
const asJob = (raw: unknown): BackupJob => deserialize<BackupJob>(BACKUP_JOB, raw);

export class BackupProtectionClient {
  constructor(private readonly client: AzureClient) {}

  listProtectedItems(vault: VaultRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<ProtectedItem> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asItem,
      first: {
        operationName: 'List protected databases',
        method: 'GET',
        url: `${vaultPath(vault)}/backupProtectedItems`,
        query: { ...q, $filter: options.filter ?? "backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase'" },
        signal: options.signal,
      },
    });
  }

  async getProtectedItem(ref: ProtectedItemRef, signal?: AbortSignal): Promise<ProtectedItem> {
    return asItem(
      await this.client.json({ operationName: 'Get protected database', method: 'GET', url: protectedItemPath(ref), query: q, signal }),
    );
  }

  /** Enable, stop or resume protection (PUT item with policyId). Flagged LRO, final-state-via location; ends with its job. */
  async beginProtect(
    ref: ProtectedItemRef,
    body: { properties: { protectedItemType: string; policyId: string; [extra: string]: unknown } },
    options: { auxiliaryToken?: string; signal?: AbortSignal } = {},
  ): Promise<ArmPoller<ProtectedItem>> {
    const poller = await ArmPoller.begin<ProtectedItem>(
      this.client,
      {
        operationName: `Protect ${ref.item}`,
        method: 'PUT',
        url: protectedItemPath(ref),
        query: q,
        body,
        signal: options.signal,
        headers: options.auxiliaryToken ? { 'x-ms-authorization-auxiliary': options.auxiliaryToken } : undefined,
      },
      { finalStateVia: 'location' },
    );
    return poller.followJob(jobsUrlOf(ref), BACKUP_API_VERSION);
  }

  /** Stop protection and delete backup data: 202 without the LRO flag; ends with its DeleteBackupData job. */
  async beginStopProtection(ref: ProtectedItemRef, signal?: AbortSignal): Promise<BackupPoller<void>> {
    const poller = await BackupPoller.begin<void>(this.client, {
      operationName: `Stop protection of ${ref.item}`,
      method: 'DELETE',
      url: protectedItemPath(ref),
      query: q,
      signal,
    });
    return poller.followJob(jobsUrlOf(ref), BACKUP_API_VERSION);
  }

  /** Back up now: 202 without the LRO flag; ends with its backup job (the snapshot carries the jobId). */
  async beginBackupNow(ref: ProtectedItemRef, body: WorkloadBackupRequest, signal?: AbortSignal): Promise<BackupPoller<void>> {
    const poller = await BackupPoller.begin<void>(this.client, {
      operationName: `Back up ${ref.item} now`,
      method: 'POST',
      url: `${protectedItemPath(ref)}/backup`,
      query: q,
      body,
      signal,
    });
    return poller.followJob(jobsUrlOf(ref), BACKUP_API_VERSION);
  }

  listRecoveryPoints(ref: ProtectedItemRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<RecoveryPoint> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asPoint,
      first: {
        operationName: 'List recovery points',
        method: 'GET',
        url: `${protectedItemPath(ref)}/recoveryPoints`,
        query: { ...q, $filter: options.filter },
        signal: options.signal,
      },
    });
  }

  async getRecoveryPoint(ref: RecoveryPointRef, signal?: AbortSignal): Promise<RecoveryPoint> {
    return asPoint(
      await this.client.json({ operationName: 'Get recovery point', method: 'GET', url: recoveryPointPath(ref), query: q, signal }),
    );
  }

  /** Restore: 202 with Location/Azure-AsyncOperation (flagged LRO, followed like the other backup calls); ends with its Restore job. */
  async beginRestore(ref: RecoveryPointRef, body: SqlRestoreRequest, signal?: AbortSignal): Promise<BackupPoller<void>> {
    const poller = await BackupPoller.begin<void>(this.client, {
      operationName: `Restore ${ref.item}`,
      method: 'POST',
      url: `${recoveryPointPath(ref)}/restore`,
      query: q,
      body,
      signal,
    });
    return poller.followJob(jobsUrlOf(ref), BACKUP_API_VERSION);
  }

  listJobs(vault: VaultRef, options: { filter?: string; skipToken?: string; signal?: AbortSignal } = {}): PagedList<BackupJob> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asJob,
      first: {
        operationName: 'List backup jobs',
        method: 'GET',
        url: `${vaultPath(vault)}/backupJobs`,
        query: { ...q, $filter: options.filter, $skipToken: options.skipToken },
        signal: options.signal,
      },
    });
  }

  /** Cancel a running Backup or Restore job: 202; ends when the job is Cancelled (fails if it ends otherwise). */
  async beginCancelJob(vault: VaultRef, jobName: string, signal?: AbortSignal): Promise<BackupPoller<void>> {
    const poller = await BackupPoller.begin<void>(this.client, {
      operationName: `Cancel backup job ${jobName}`,
      method: 'POST',
      url: `${vaultPath(vault)}${buildPath(['backupJobs', { field: 'Job id', value: jobName }])}/cancel`,
      query: q,
      signal,
    });
    return poller.followJob(jobsUrlOf(vault), BACKUP_API_VERSION, { jobId: jobName, until: 'cancelled' });
  }

  async getJob(vault: VaultRef, jobName: string, signal?: AbortSignal): Promise<BackupJob> {
    return asJob(
      await this.client.json({
        operationName: 'Get backup job',
        method: 'GET',
        url: `${vaultPath(vault)}${buildPath(['backupJobs', { field: 'Job id', value: jobName }])}`,
        query: q,
        signal,
      }),
    );
  }
}

/** The vault's job collection, where the jobs these calls start are followed. */
function jobsUrlOf(vault: VaultRef): string {
  return `${vaultPath(vault)}/backupJobs`;
}
