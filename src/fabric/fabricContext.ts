// What every Fabric mirroring command, tree node, editor and webview needs: typed Fabric clients (and
// the ARM clients the readiness checks read) for the current environment, the operations center, and a
// way to refresh the Fabric tree. Built once in extension.ts, like the Data Sync context.
import { NotSignedInError } from '../auth/notSignedInError';
import type { AzureCloud } from '../azure/clouds';
import type { AzureClient } from '../azure/http/azureClient';
import { MirroredDatabasesClient } from '../azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../azure/fabric/workspacesClient';
import { SubscriptionsClient } from '../azure/resources/subscriptionsClient';
import { SqlServersClient } from '../azure/sql/sqlServersClient';
import type { ConnectionManager } from '../environment/connectionManager';
import type { OperationTracker } from '../operations/operationTracker';

export interface FabricClients {
  cloud: AzureCloud;
  /** The raw Fabric client, for clients added beside these (connections, role assignments…). */
  fabric: AzureClient;
  /** The raw ARM client (readiness checks read SQL servers and database schemas through ARM). */
  arm: AzureClient;
  workspaces: FabricWorkspacesClient;
  mirroredDatabases: MirroredDatabasesClient;
  subscriptions: SubscriptionsClient;
  servers: SqlServersClient;
}

/** The current cloud has no Fabric endpoint (the sovereign clouds document none). */
export class FabricNotAvailableError extends Error {
  override readonly name = 'FabricNotAvailable';
  constructor(cloudName: string) {
    super(
      `Microsoft Fabric is not available in ${cloudName}. Choose Azure, the local emulator, or a custom environment with a Fabric endpoint.`,
    );
  }
}

export interface FabricContext {
  /** Clients for the current environment; throws NotSignedInError or FabricNotAvailableError. */
  clients(): FabricClients;
  operations: OperationTracker;
  /** The environment key operations are filed under. */
  environmentKey(): string;
  /** Refreshes the Fabric tree: the node for `itemId` (and its children), or everything. */
  refresh(itemId?: string): void;
}

export function createFabricContext(
  connections: ConnectionManager,
  operations: () => OperationTracker,
  refresh: (itemId?: string) => void,
): FabricContext {
  let cached: { arm: unknown; fabric: unknown; clients: FabricClients } | undefined;
  return {
    clients() {
      const connection = connections.current();
      if (typeof connection === 'string') throw NotSignedInError.because(connection);
      const { arm, fabric } = connection;
      if (!fabric) throw new FabricNotAvailableError(connection.cloud.displayName);
      if (cached?.arm !== arm || cached.fabric !== fabric) {
        cached = {
          arm,
          fabric,
          clients: {
            cloud: connection.cloud,
            fabric,
            arm,
            workspaces: new FabricWorkspacesClient(fabric),
            mirroredDatabases: new MirroredDatabasesClient(fabric),
            subscriptions: new SubscriptionsClient(arm),
            servers: new SqlServersClient(arm),
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
