// What every Backup command, tree node and webview needs: typed Backup clients for the current
// environment, the operations center, and a way to refresh the Backup tree. Built once in
// extension.ts, like the Data Sync and Fabric contexts.
import { NotSignedInError } from '../auth/notSignedInError';
import type { AzureCloud } from '../azure/clouds';
import type { AzureClient } from '../azure/http/azureClient';
import { BackupDiscoveryClient } from '../azure/backup/backupDiscoveryClient';
import { BackupProtectionClient } from '../azure/backup/backupProtectionClient';
import { BackupVaultsClient } from '../azure/backup/vaultsClient';
import { SubscriptionsClient } from '../azure/resources/subscriptionsClient';
import type { ConnectionManager } from '../environment/connectionManager';
import type { OperationTracker } from '../operations/operationTracker';

export interface BackupClients {
  cloud: AzureCloud;
  /** The raw ARM client, for requests the typed clients do not cover. */
  arm: AzureClient;
  subscriptions: SubscriptionsClient;
  vaults: BackupVaultsClient;
  discovery: BackupDiscoveryClient;
  protection: BackupProtectionClient;
}

export interface BackupContext {
  /** Clients for the current environment; throws NotSignedInError. */
  clients(): BackupClients;
  operations: OperationTracker;
  /** The environment key operations are filed under. */
  environmentKey(): string;
  /** Refreshes the Backup tree: the node for this ARM id (and its children), or everything. */
  refresh(resourceId?: string): void;
}

/** The typed Backup clients over one ARM client. */
export function backupClientsFor(cloud: AzureCloud, arm: AzureClient): BackupClients {
  return {
    cloud,
    arm,
    subscriptions: new SubscriptionsClient(arm),
    vaults: new BackupVaultsClient(arm),
    discovery: new BackupDiscoveryClient(arm),
    protection: new BackupProtectionClient(arm),
  };
}

export function createBackupContext(
  connections: ConnectionManager,
  operations: () => OperationTracker,
  refresh: (resourceId?: string) => void,
): BackupContext {
  let cached: { arm: unknown; clients: BackupClients } | undefined;
  return {
    clients() {
      const connection = connections.current();
      if (typeof connection === 'string') throw NotSignedInError.because(connection);
      const { arm } = connection;
      if (cached?.arm !== arm) {
        cached = {
          arm,
          clients: backupClientsFor(connection.cloud, arm),
        };
      }
      return cached.clients;
    },
    get operations() {
      return operations();
    },
    environmentKey: () => connections.environmentKey,
    refresh,
  };
}
