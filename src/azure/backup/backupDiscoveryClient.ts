// Discovery and registration of SQL Server VMs: refresh containers → protectable containers →
// register (PUT container) → inquire (find databases) → protectable items. Refresh, inquire and
// unregister answer 202 WITHOUT the LRO flag: BackupPoller follows operationResults/operationsStatus.
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from '../lro/armPoller';
import { BackupPoller } from '../lro/backupPoller';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import {
  BACKUP_API_VERSION,
  PROTECTABLE_CONTAINER,
  PROTECTABLE_ITEM,
  PROTECTION_CONTAINER,
  WORKLOAD_ITEM,
  type ProtectableContainer,
  type ProtectableItem,
  type ProtectionContainer,
  type WorkloadItem,
} from './backupModels';
import { containerPath, fabricPath, vaultPath, type ContainerRef, type VaultRef } from './backupPaths';

const q = { 'api-version': BACKUP_API_VERSION };
const asContainer = (raw: unknown): ProtectionContainer => deserialize<ProtectionContainer>(PROTECTION_CONTAINER, raw);
const SQL_WORKLOAD = "backupManagementType eq 'AzureWorkload'";

export class BackupDiscoveryClient {
  constructor(private readonly client: AzureClient) {}

  async beginRefreshContainers(vault: VaultRef, options: { filter?: string; signal?: AbortSignal } = {}): Promise<BackupPoller<void>> {
    return BackupPoller.begin<void>(this.client, {
      operationName: 'Discover SQL Server VMs',
      method: 'POST',
      url: `${fabricPath(vault)}/refreshContainers`,
      query: { ...q, $filter: options.filter ?? SQL_WORKLOAD },
      signal: options.signal,
    });
  }

  listProtectableContainers(vault: VaultRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<ProtectableContainer> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<ProtectableContainer>(PROTECTABLE_CONTAINER, raw),
      first: {
        operationName: 'List VMs that can be registered',
        method: 'GET',
        url: `${fabricPath(vault)}/protectableContainers`,
        query: { ...q, $filter: options.filter ?? `${SQL_WORKLOAD} and workloadType eq 'SQLDataBase'` },
        signal: options.signal,
      },
    });
  }

  listContainers(vault: VaultRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<ProtectionContainer> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asContainer,
      first: {
        operationName: 'List registered VMs',
        method: 'GET',
        url: `${vaultPath(vault)}/backupProtectionContainers`,
        query: { ...q, $filter: options.filter ?? SQL_WORKLOAD },
        signal: options.signal,
      },
    });
  }

  async getContainer(ref: ContainerRef, signal?: AbortSignal): Promise<ProtectionContainer> {
    return asContainer(
      await this.client.json({ operationName: 'Get registered VM', method: 'GET', url: containerPath(ref), query: q, signal }),
    );
  }

  /** Register a VM (container name like VMAppContainer;compute;rg;vm). Flagged LRO, final-state-via location. */
  async beginRegister(
    ref: ContainerRef,
    body: { properties: Record<string, unknown> },
    signal?: AbortSignal,
  ): Promise<ArmPoller<ProtectionContainer>> {
    return ArmPoller.begin<ProtectionContainer>(
      this.client,
      {
        operationName: `Register ${ref.container}`,
        method: 'PUT',
        url: containerPath(ref),
        query: q,
        body,
        signal,
      },
      { finalStateVia: 'location' },
    );
  }

  async beginUnregister(ref: ContainerRef, signal?: AbortSignal): Promise<BackupPoller<void>> {
    return BackupPoller.begin<void>(this.client, {
      operationName: `Unregister ${ref.container}`,
      method: 'DELETE',
      url: containerPath(ref),
      query: q,
      signal,
    });
  }

  async beginInquire(ref: ContainerRef, options: { filter?: string; signal?: AbortSignal } = {}): Promise<BackupPoller<void>> {
    return BackupPoller.begin<void>(this.client, {
      operationName: `Discover databases on ${ref.container}`,
      method: 'POST',
      url: `${containerPath(ref)}/inquire`,
      query: { ...q, $filter: options.filter ?? "workloadType eq 'SQLDataBase'" },
      signal: options.signal,
    });
  }

  listProtectableItems(vault: VaultRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<ProtectableItem> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<ProtectableItem>(PROTECTABLE_ITEM, raw),
      first: {
        operationName: 'List databases that can be protected',
        method: 'GET',
        url: `${vaultPath(vault)}/backupProtectableItems`,
        query: { ...q, $filter: options.filter ?? `${SQL_WORKLOAD} and workloadType eq 'SQLDataBase'` },
        signal: options.signal,
      },
    });
  }

  /** Workload items of a registered VM; SQL instances carry the default data/log folders an alternate restore targets. */
  listWorkloadItems(ref: ContainerRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<WorkloadItem> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<WorkloadItem>(WORKLOAD_ITEM, raw),
      first: {
        operationName: `List SQL instances and databases on ${ref.container}`,
        method: 'GET',
        url: `${containerPath(ref)}/items`,
        query: { ...q, $filter: options.filter ?? `${SQL_WORKLOAD} and workloadItemType eq 'SQLInstance'` },
        signal: options.signal,
      },
    });
  }
}
