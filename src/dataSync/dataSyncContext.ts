// What every Data Sync command, tree node and webview needs: typed clients for the current
// environment, the operations center, and a way to refresh the tree. Built once in extension.ts.
import { NotSignedInError } from '../auth/notSignedInError';
import { SubscriptionsClient } from '../azure/resources/subscriptionsClient';
import { SqlServersClient } from '../azure/sql/sqlServersClient';
import { SyncAgentsClient } from '../azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../azure/sql/syncMembersClient';
import type { AzureCloud } from '../azure/clouds';
import type { ConnectionManager } from '../environment/connectionManager';
import type { OperationTracker } from '../operations/operationTracker';

export interface DataSyncClients {
  cloud: AzureCloud;
  subscriptions: SubscriptionsClient;
  servers: SqlServersClient;
  groups: SyncGroupsClient;
  members: SyncMembersClient;
  agents: SyncAgentsClient;
}

export interface DataSyncContext {
  /** Clients for the current environment; throws NotSignedInError when there is no connection. */
  clients(): DataSyncClients;
  operations: OperationTracker;
  /** The environment key operations are filed under. */
  environmentKey(): string;
  /** Refreshes the Data Sync tree: the node for `resourceId` (and its children), or everything. */
  refresh(resourceId?: string): void;
}

export function createDataSyncContext(
  connections: ConnectionManager,
  operations: () => OperationTracker,
  refresh: (resourceId?: string) => void,
): DataSyncContext {
  let cached: { arm: unknown; clients: DataSyncClients } | undefined;
  return {
    clients() {
      const connection = connections.current();
      if (typeof connection === 'string') throw NotSignedInError.because(connection);
      if (cached?.arm !== connection.arm) {
        const arm = connection.arm;
        cached = {
          arm,
          clients: {
            cloud: connection.cloud,
            subscriptions: new SubscriptionsClient(arm),
            servers: new SqlServersClient(arm),
            groups: new SyncGroupsClient(arm),
            members: new SyncMembersClient(arm),
            agents: new SyncAgentsClient(arm),
          },
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
