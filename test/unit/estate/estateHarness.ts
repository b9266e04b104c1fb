// The estate scan's clients over one emulator (ARM and Fabric), from the shared harness.
import { BackupProtectionClient } from '../../../src/azure/backup/backupProtectionClient';
import { BackupVaultsClient } from '../../../src/azure/backup/vaultsClient';
import { MirroredDatabasesClient } from '../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../src/azure/fabric/workspacesClient';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import { SyncAgentsClient } from '../../../src/azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../src/azure/sql/syncMembersClient';
import type { EstateClients } from '../../../src/estate/workflows/estateScan';
import type { EmulatorHarness } from '../helpers/emulatorHarness';

export function estateClients(h: EmulatorHarness): EstateClients {
  const arm = h.conn.arm;
  const fabric = h.conn.fabric;
  return {
    subscriptions: new SubscriptionsClient(arm),
    servers: new SqlServersClient(arm),
    groups: new SyncGroupsClient(arm),
    members: new SyncMembersClient(arm),
    agents: new SyncAgentsClient(arm),
    workspaces: fabric && new FabricWorkspacesClient(fabric),
    mirroredDatabases: fabric && new MirroredDatabasesClient(fabric),
    vaults: new BackupVaultsClient(arm),
    protection: new BackupProtectionClient(arm),
  };
}
