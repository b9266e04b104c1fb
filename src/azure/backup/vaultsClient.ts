// Recovery Services vaults (2026-08-01) and backup policies (2026-02-01).
import type { AzureClient } from '../http/azureClient';
import { BackupPoller } from '../lro/backupPoller';
import { ArmPoller } from '../lro/armPoller';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';
import { BACKUP_API_VERSION, PROTECTION_POLICY, VAULT, VAULTS_API_VERSION, type ProtectionPolicy, type Vault } from './backupModels';
import { vaultPath, type VaultRef } from './backupPaths';

const q = { 'api-version': BACKUP_API_VERSION };
const asPolicy = (raw: unknown): ProtectionPolicy => deserialize<ProtectionPolicy>(PROTECTION_POLICY, raw);

export class BackupVaultsClient {
  constructor(private readonly client: AzureClient) {}

  listVaults(subscriptionId: string, options: { resourceGroup?: string; signal?: AbortSignal } = {}): PagedList<Vault> {
    const parts: Parameters<typeof buildPath>[0] = ['subscriptions', { field: 'Subscription id', value: subscriptionId }];
    if (options.resourceGroup !== undefined) parts.push('resourceGroups', { field: 'Resource group', value: options.resourceGroup });
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<Vault>(VAULT, raw),
      first: {
        operationName: 'List Recovery Services vaults',
        method: 'GET',
        url: `${buildPath(parts)}/providers/Microsoft.RecoveryServices/vaults`,
        query: { 'api-version': VAULTS_API_VERSION },
        signal: options.signal,
      },
    });
  }

  /** Default filter: SQL-in-VM policies (backupManagementType eq 'AzureWorkload'). */
  listPolicies(vault: VaultRef, options: { filter?: string; signal?: AbortSignal } = {}): PagedList<ProtectionPolicy> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: asPolicy,
      first: {
        operationName: 'List backup policies',
        method: 'GET',
        url: `${vaultPath(vault)}/backupPolicies`,
        query: { ...q, $filter: options.filter ?? "backupManagementType eq 'AzureWorkload'" },
        signal: options.signal,
      },
    });
  }

  async getPolicy(vault: VaultRef, policy: string, signal?: AbortSignal): Promise<ProtectionPolicy> {
    return asPolicy(
      await this.client.json({ operationName: 'Get backup policy', method: 'GET', url: this.policyPath(vault, policy), query: q, signal }),
    );
  }

  /** PUT answers 200 or 202 WITHOUT the LRO flag: a BackupPoller follows the 202. */
  async beginCreateOrUpdatePolicy(
    vault: VaultRef,
    policy: string,
    body: { properties: Record<string, unknown> },
    signal?: AbortSignal,
  ): Promise<BackupPoller<ProtectionPolicy>> {
    return BackupPoller.begin<ProtectionPolicy>(this.client, {
      operationName: `Save backup policy ${policy}`,
      method: 'PUT',
      url: this.policyPath(vault, policy),
      query: q,
      body,
      signal,
    });
  }

  /** DELETE is a flagged LRO (final-state-via location). */
  async beginDeletePolicy(vault: VaultRef, policy: string, signal?: AbortSignal): Promise<ArmPoller<void>> {
    return ArmPoller.begin<void>(this.client, {
      operationName: `Delete backup policy ${policy}`,
      method: 'DELETE',
      url: this.policyPath(vault, policy),
      query: q,
      signal,
    });
  }

  private policyPath(vault: VaultRef, policy: string): string {
    return `${vaultPath(vault)}${buildPath(['backupPolicies', { field: 'Policy name', value: policy }])}`;
  }
}
