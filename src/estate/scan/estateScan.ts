// The estate scan, vscode-free: every subscription's Data Sync groups (with members and agents) and Backup
// protected SQL databases, and every Fabric workspace's mirrored databases — streamed through `onEvent` as
// answers arrive, cancellable with an AbortSignal (the scan then rejects with an AbortError), a failure in
// one subscription, server or workspace reported as an event beside the rest. Subscriptions are scanned in
// parallel; the ARM pipeline paces each one within its own request budget.
import { setMaxListeners } from 'node:events';
import type { AzureClient } from '../../azure/http/azureClient';
import { throwIfAborted } from '../../azure/http/abortableDelay';
import { BackupProtectionClient } from '../../azure/backup/backupProtectionClient';
import { BackupVaultsClient } from '../../azure/backup/vaultsClient';
import { MirroredDatabasesClient } from '../../azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../azure/fabric/workspacesClient';
import { ResourcesClient } from '../../azure/resources/resourcesClient';
import { SubscriptionsClient } from '../../azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../azure/sql/sqlServersClient';
import { SyncAgentsClient } from '../../azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../../azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../azure/sql/syncMembersClient';
import { scanBackup } from './backupScan';
import { scanDataSync } from './dataSyncScan';
import { emptyCounts, type EstateCounts, type EstateEvent, type EstateListener, type EstatePart } from './estateEvents';
import { scanFabric } from './fabricScan';
import { guarded } from './scanGuard';

export interface EstateScanOptions {
  /** Which parts to scan (default all three; Fabric only when a Fabric client is given). */
  parts?: EstatePart[];
  /** Only these subscriptions (default: every subscription the principal sees). */
  subscriptionIds?: string[];
  signal?: AbortSignal;
  /** The clock the 24-hour job window is read from. */
  now?: () => number;
}

export async function scanEstate(
  arm: AzureClient,
  fabric: AzureClient | undefined,
  onEvent: EstateListener,
  options: EstateScanOptions = {},
): Promise<EstateCounts> {
  // Thousands of queued requests each listen to the signal: a private one, linked, without the listener cap.
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const forward = (): void => controller.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  if (options.signal?.aborted) controller.abort();
  try {
    return await scan(arm, fabric, onEvent, options, controller.signal);
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}

async function scan(
  arm: AzureClient,
  fabric: AzureClient | undefined,
  onEvent: EstateListener,
  options: EstateScanOptions,
  signal: AbortSignal,
): Promise<EstateCounts> {
  const parts = new Set(options.parts ?? ['dataSync', 'fabric', 'backup']);
  const counts = emptyCounts();
  const emit = (event: EstateEvent): void => {
    if (event.kind === 'failure') counts.failures++;
    onEvent(event);
  };
  const dataSync = {
    servers: new SqlServersClient(arm),
    resources: new ResourcesClient(arm),
    syncGroups: new SyncGroupsClient(arm),
    syncMembers: new SyncMembersClient(arm),
    syncAgents: new SyncAgentsClient(arm),
  };
  const backup = { vaults: new BackupVaultsClient(arm), protection: new BackupProtectionClient(arm) };

  const armParts = async (): Promise<void> => {
    if (!parts.has('dataSync') && !parts.has('backup')) return;
    await guarded('dataSync', 'subscriptions', emit, signal, async () => {
      const ids =
        options.subscriptionIds ??
        (await new SubscriptionsClient(arm).list(signal).toArray()).map((s) => s.subscriptionId).filter((id): id is string => !!id);
      counts.subscriptions += ids.length;
      await Promise.all(
        ids.flatMap((id) => [
          parts.has('dataSync') ? scanDataSync(dataSync, id, emit, counts, signal) : Promise.resolve(),
          parts.has('backup') ? scanBackup(backup, id, emit, counts, signal, options.now) : Promise.resolve(),
        ]),
      );
    });
  };
  const fabricPart = async (): Promise<void> => {
    if (!parts.has('fabric') || !fabric) return;
    await scanFabric(
      { workspaces: new FabricWorkspacesClient(fabric), mirroredDatabases: new MirroredDatabasesClient(fabric) },
      emit,
      counts,
      signal,
    );
  };
  await Promise.all([armParts(), fabricPart()]);
  throwIfAborted(signal);
  return counts;
}
