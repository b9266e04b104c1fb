// The Fabric and Backup rows of the fault matrix: every operation of the clients in src/azure/fabric and
// src/azure/backup, aimed at its own request. canFailMidway: false marks an operation the emulator answers
// at once (creating a mirrored database) or one whose job, not its operation, carries the work (backup,
// restore, protect, stop protection, cancel). Inputs that need the estate (a definition, a recovery point,
// a protectable item) are read first with requests the fault does not match.
import { randomUUID } from 'node:crypto';
import { BackupDiscoveryClient } from '../../../src/azure/backup/backupDiscoveryClient';
import type { ContainerRef, ProtectedItemRef, VaultRef } from '../../../src/azure/backup/backupPaths';
import { BackupProtectionClient } from '../../../src/azure/backup/backupProtectionClient';
import { BackupVaultsClient } from '../../../src/azure/backup/vaultsClient';
import { FabricConnectionsClient as ConnectionsClient } from '../../../src/azure/fabric/connectionsClient';
import { FabricConnectionsClient } from '../../../src/azure/fabric/fabricConnectionsClient';
import { MirroredDatabasesClient, type MirroredDatabaseRef } from '../../../src/azure/fabric/mirroredDatabasesClient';
import { WorkspaceRoleAssignmentsClient as RoleAssignmentsClient } from '../../../src/azure/fabric/roleAssignmentsClient';
import { WorkspaceRoleAssignmentsClient } from '../../../src/azure/fabric/workspaceRoleAssignmentsClient';
import { FabricWorkspacesClient } from '../../../src/azure/fabric/workspacesClient';
import type { AzureClient } from '../../../src/azure/http/azureClient';
import type { PollUntilDoneOptions } from '../../../src/azure/lro/lroTypes';
import { definitionOf, mirroringDoc } from '../emulator/fabric/fabricHelpers';
import type { MatrixOperation } from './matrixOperations';

export interface ServiceMatrixContext {
  wait: PollUntilDoneOptions;
  fabric: {
    workspaces: FabricWorkspacesClient;
    items: MirroredDatabasesClient;
    connections: ConnectionsClient;
    fabricConnections: FabricConnectionsClient;
    roles: RoleAssignmentsClient;
    workspaceRoles: WorkspaceRoleAssignmentsClient;
    sales: string;
    hr: string;
    running: MirroredDatabaseRef;
    stopped: MirroredDatabaseRef;
    paused: MirroredDatabaseRef;
    retailOpsConnection: string;
  };
  backup: {
    vaults: BackupVaultsClient;
    discovery: BackupDiscoveryClient;
    protection: BackupProtectionClient;
    subscriptionId: string;
    vault: VaultRef;
    /** Registered, with protected SQL databases. */
    prod01: ContainerRef;
    /** Registered, the restore target. */
    ag01: ContainerRef;
    /** Protectable, not registered. */
    ag02: ContainerRef;
    vmAg02: string;
    salesDb: ProtectedItemRef;
    msdb: ProtectedItemRef;
  };
}

export type ServiceIds = Omit<
  ServiceMatrixContext['fabric'],
  'workspaces' | 'items' | 'connections' | 'fabricConnections' | 'roles' | 'workspaceRoles'
>;
export type BackupIds = Omit<ServiceMatrixContext['backup'], 'vaults' | 'discovery' | 'protection'>;

export function serviceMatrixContext(
  fabric: AzureClient,
  arm: AzureClient,
  f: ServiceIds,
  b: BackupIds,
  wait: PollUntilDoneOptions,
): ServiceMatrixContext {
  return {
    wait,
    fabric: {
      ...f,
      workspaces: new FabricWorkspacesClient(fabric),
      items: new MirroredDatabasesClient(fabric),
      connections: new ConnectionsClient(fabric),
      fabricConnections: new FabricConnectionsClient(fabric),
      roles: new RoleAssignmentsClient(fabric),
      workspaceRoles: new WorkspaceRoleAssignmentsClient(fabric),
    },
    backup: {
      ...b,
      vaults: new BackupVaultsClient(arm),
      discovery: new BackupDiscoveryClient(arm),
      protection: new BackupProtectionClient(arm),
    },
  };
}

const WS = '^/fabric/v1/workspaces/[^/]+';
const ITEM = `${WS}/mirroredDatabases/[^/]+`;
const VAULT = '^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.RecoveryServices/vaults/[^/]+';
const FABRIC_ROOT = `${VAULT}/backupFabrics/Azure`;
const CONTAINER = `${FABRIC_ROOT}/protectionContainers/[^/]+`;
const ITEM_PATH = `${CONTAINER}/protectedItems/[^/]+`;
const POINT = `${ITEM_PATH}/recoveryPoints/[^/]+`;

type Op = MatrixOperation<ServiceMatrixContext>;

const principal = () => ({ principal: { id: randomUUID(), type: 'ServicePrincipal' }, role: 'Viewer' });

// prettier-ignore
export const FABRIC_OPERATIONS: Op[] = [
  { name: 'Fabric: list workspaces', method: 'GET', path: '^/fabric/v1/workspaces$', kind: 'list', run: (c) => c.fabric.workspaces.list().toArray() },
  { name: 'Fabric: list mirrored databases', method: 'GET', path: `${WS}/mirroredDatabases$`, kind: 'list', run: (c) => c.fabric.items.list(c.fabric.sales).toArray() },
  { name: 'Fabric: get mirrored database', method: 'GET', path: `${ITEM}$`, kind: 'read', run: (c) => c.fabric.items.get(c.fabric.running) },
  { name: 'Fabric: update mirrored database', method: 'PATCH', path: `${ITEM}$`, kind: 'action', run: (c) => c.fabric.items.update(c.fabric.running, { description: `fault matrix ${randomUUID()}` }) },
  { name: 'Fabric: get definition', method: 'POST', path: `${ITEM}/getDefinition$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) => (await c.fabric.items.beginGetDefinition(c.fabric.running)).pollUntilDone(c.wait) },
  { name: 'Fabric: update definition', method: 'POST', path: `${ITEM}/updateDefinition$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) => {
    const current = await (await c.fabric.items.beginGetDefinition(c.fabric.stopped)).pollUntilDone(c.wait);
    return (await c.fabric.items.beginUpdateDefinition(c.fabric.stopped, current.definition)).pollUntilDone(c.wait);
  } },
  { name: 'Fabric: create mirrored database', method: 'POST', path: `${WS}/mirroredDatabases$`, kind: 'lro', canFailMidway: false, run: async (c) =>
    (await c.fabric.items.beginCreate(c.fabric.hr, { displayName: `fm-${randomUUID().slice(0, 8)}`, definition: definitionOf(mirroringDoc(c.fabric.retailOpsConnection, { tables: ['dbo.Orders'] })) })).pollUntilDone(c.wait) },
  { name: 'Fabric: get mirroring status', method: 'POST', path: `${ITEM}/getMirroringStatus$`, kind: 'read', run: (c) => c.fabric.items.getMirroringStatus(c.fabric.running) },
  { name: 'Fabric: list tables mirroring status', method: 'POST', path: `${ITEM}/getTablesMirroringStatus$`, kind: 'list', run: (c) => c.fabric.items.listTablesMirroringStatus(c.fabric.running).toArray() },
  { name: 'Fabric: list connections', method: 'GET', path: '^/fabric/v1/connections$', kind: 'list', run: (c) => c.fabric.connections.list().toArray() },
  { name: 'Fabric: list connections (SQL targets)', method: 'GET', path: '^/fabric/v1/connections$', kind: 'list', run: (c) => c.fabric.fabricConnections.list().toArray() },
  { name: 'Fabric: list role assignments', method: 'GET', path: `${WS}/roleAssignments$`, kind: 'list', run: (c) => c.fabric.roles.list(c.fabric.sales).toArray() },
  { name: 'Fabric: list role assignments (readiness)', method: 'GET', path: `${WS}/roleAssignments$`, kind: 'list', run: (c) => c.fabric.workspaceRoles.list(c.fabric.sales).toArray() },
  { name: 'Fabric: add role assignment', method: 'POST', path: `${WS}/roleAssignments$`, kind: 'action', run: (c) => c.fabric.roles.add(c.fabric.sales, principal()) },
  { name: 'Fabric: add role assignment (readiness)', method: 'POST', path: `${WS}/roleAssignments$`, kind: 'action', run: (c) => c.fabric.workspaceRoles.add(c.fabric.sales, principal()) },
  { name: 'Fabric: delete role assignment', method: 'DELETE', path: `${WS}/roleAssignments/[^/]+$`, kind: 'action', run: async (c) => {
    const added = await c.fabric.roles.add(c.fabric.sales, principal());
    return c.fabric.roles.delete(c.fabric.sales, added.id!);
  } },
  { name: 'Fabric: start mirroring', method: 'POST', path: `${ITEM}/startMirroring$`, kind: 'action', run: (c) => c.fabric.items.startMirroring(c.fabric.stopped) },
  { name: 'Fabric: stop mirroring', method: 'POST', path: `${ITEM}/stopMirroring$`, kind: 'action', run: (c) => c.fabric.items.stopMirroring(c.fabric.running) },
  { name: 'Fabric: delete mirrored database', method: 'DELETE', path: `${ITEM}$`, kind: 'action', run: (c) => c.fabric.items.delete(c.fabric.paused) },
];

const policyCopy = async (c: ServiceMatrixContext) => {
  const daily = await c.backup.vaults.getPolicy(c.backup.vault, 'SqlDailyFull');
  return { properties: daily.properties as Record<string, unknown> };
};

// prettier-ignore
export const BACKUP_OPERATIONS: Op[] = [
  { name: 'Backup: list vaults', method: 'GET', path: '^/subscriptions/[^/]+/providers/Microsoft\\.RecoveryServices/vaults$', kind: 'list', run: (c) => c.backup.vaults.listVaults(c.backup.subscriptionId).toArray() },
  { name: 'Backup: list policies', method: 'GET', path: `${VAULT}/backupPolicies$`, kind: 'list', run: (c) => c.backup.vaults.listPolicies(c.backup.vault).toArray() },
  { name: 'Backup: get policy', method: 'GET', path: `${VAULT}/backupPolicies/[^/]+$`, kind: 'read', run: (c) => c.backup.vaults.getPolicy(c.backup.vault, 'SqlHourlyLog') },
  { name: 'Backup: save policy', method: 'PUT', path: `${VAULT}/backupPolicies/[^/]+$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) =>
    (await c.backup.vaults.beginCreateOrUpdatePolicy(c.backup.vault, `fm-${randomUUID().slice(0, 8)}`, await policyCopy(c))).pollUntilDone(c.wait) },
  { name: 'Backup: delete policy', method: 'DELETE', path: `${VAULT}/backupPolicies/[^/]+$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) => {
    const name = `fm-${randomUUID().slice(0, 8)}`;
    await (await c.backup.vaults.beginCreateOrUpdatePolicy(c.backup.vault, name, await policyCopy(c))).pollUntilDone(c.wait);
    return (await c.backup.vaults.beginDeletePolicy(c.backup.vault, name)).pollUntilDone(c.wait);
  } },
  { name: 'Backup: refresh containers', method: 'POST', path: `${FABRIC_ROOT}/refreshContainers$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) => (await c.backup.discovery.beginRefreshContainers(c.backup.vault)).pollUntilDone(c.wait) },
  { name: 'Backup: list protectable containers', method: 'GET', path: `${FABRIC_ROOT}/protectableContainers$`, kind: 'list', run: (c) => c.backup.discovery.listProtectableContainers(c.backup.vault).toArray() },
  { name: 'Backup: list containers', method: 'GET', path: `${VAULT}/backupProtectionContainers$`, kind: 'list', run: (c) => c.backup.discovery.listContainers(c.backup.vault).toArray() },
  { name: 'Backup: get container', method: 'GET', path: `${CONTAINER}$`, kind: 'read', run: (c) => c.backup.discovery.getContainer(c.backup.prod01) },
  { name: 'Backup: inquire', method: 'POST', path: `${CONTAINER}/inquire$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) => (await c.backup.discovery.beginInquire(c.backup.prod01)).pollUntilDone(c.wait) },
  { name: 'Backup: list protectable items', method: 'GET', path: `${VAULT}/backupProtectableItems$`, kind: 'list', run: (c) => c.backup.discovery.listProtectableItems(c.backup.vault).toArray() },
  { name: 'Backup: list workload items', method: 'GET', path: `${CONTAINER}/items$`, kind: 'list', run: (c) => c.backup.discovery.listWorkloadItems(c.backup.ag01).toArray() },
  { name: 'Backup: list protected items', method: 'GET', path: `${VAULT}/backupProtectedItems$`, kind: 'list', run: (c) => c.backup.protection.listProtectedItems(c.backup.vault).toArray() },
  { name: 'Backup: get protected item', method: 'GET', path: `${ITEM_PATH}$`, kind: 'read', run: (c) => c.backup.protection.getProtectedItem(c.backup.salesDb) },
  { name: 'Backup: list recovery points', method: 'GET', path: `${ITEM_PATH}/recoveryPoints$`, kind: 'list', run: (c) => c.backup.protection.listRecoveryPoints(c.backup.salesDb).toArray() },
  { name: 'Backup: get recovery point', method: 'GET', path: `${POINT}$`, kind: 'read', run: async (c) => {
    const points = await c.backup.protection.listRecoveryPoints(c.backup.salesDb).toArray();
    return c.backup.protection.getRecoveryPoint({ ...c.backup.salesDb, recoveryPoint: points.find((p) => p.properties?.type === 'Full')!.name! });
  } },
  { name: 'Backup: list jobs', method: 'GET', path: `${VAULT}/backupJobs$`, kind: 'list', run: (c) => c.backup.protection.listJobs(c.backup.vault).toArray() },
  { name: 'Backup: get job', method: 'GET', path: `${VAULT}/backupJobs/[^/]+$`, kind: 'read', run: async (c) => {
    const [job] = await c.backup.protection.listJobs(c.backup.vault).toArray();
    return c.backup.protection.getJob(c.backup.vault, job.name!);
  } },
  { name: 'Backup: back up now', method: 'POST', path: `${ITEM_PATH}/backup$`, kind: 'lro', canFailMidway: false, run: async (c) =>
    (await c.backup.protection.beginBackupNow(c.backup.salesDb, { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full', enableCompression: false } })).pollUntilDone(c.wait) },
  { name: 'Backup: cancel job', method: 'POST', path: `${VAULT}/backupJobs/[^/]+/cancel$`, kind: 'lro', canFailMidway: false, run: async (c) => {
    // A backup job still running: one the estate has, else one started now.
    const running = (await c.backup.protection.listJobs(c.backup.vault).toArray())
      .find((j) => j.properties?.status === 'InProgress' && j.properties?.operation?.startsWith('Backup'));
    let jobName = running?.name;
    if (!jobName) {
      const backup = await c.backup.protection.beginBackupNow(c.backup.salesDb, { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full', enableCompression: false } });
      await backup.pollUntilDone(c.wait);
      jobName = backup.latest.jobId!;
    }
    return (await c.backup.protection.beginCancelJob(c.backup.vault, jobName)).pollUntilDone(c.wait);
  } },
  { name: 'Backup: restore', method: 'POST', path: `${POINT}/restore$`, kind: 'lro', canFailMidway: false, run: async (c) => {
    const points = await c.backup.protection.listRecoveryPoints(c.backup.salesDb).toArray();
    const full = points.find((p) => p.properties?.type === 'Full')!;
    const ref = { ...c.backup.salesDb, recoveryPoint: full.name! };
    const detail = await c.backup.protection.getRecoveryPoint(ref);
    const files = (detail.properties?.extendedInfo?.dataDirectoryPaths ?? []) as { type: string; path: string; logicalName: string }[];
    const [instance] = await c.backup.discovery.listWorkloadItems(c.backup.ag01).toArray();
    const folder = (type: string) => instance.properties?.dataDirectoryPaths?.find((d) => d.type === type)?.path ?? 'F:\\data\\';
    return (await c.backup.protection.beginRestore(ref, { properties: {
      objectType: 'AzureWorkloadSQLRestoreRequest', recoveryType: 'AlternateLocation', sourceResourceId: c.backup.vmAg02, shouldUseAlternateTargetLocation: true, isNonRecoverable: false,
      targetInfo: { overwriteOption: 'Overwrite', containerId: containerId(c.backup.ag01), databaseName: `MSSQLSERVER/fm_${randomUUID().slice(0, 8)}` },
      alternateDirectoryPaths: files.map((f) => ({ mappingType: f.type, sourceLogicalName: f.logicalName, sourcePath: f.path, targetPath: `${folder(f.type)}${f.logicalName}_fm.${f.type === 'Data' ? 'mdf' : 'ldf'}` })),
    } })).pollUntilDone(c.wait);
  } },
  { name: 'Backup: protect', method: 'PUT', path: `${ITEM_PATH}$`, kind: 'lro', canFailMidway: false, run: async (c) => {
    const items = await c.backup.discovery.listProtectableItems(c.backup.vault).toArray();
    const candidate = items.find((i) => i.properties?.protectionState === 'NotProtected' && i.properties?.protectableItemType === 'SQLDataBase' && i.id?.includes('sqlvm-ag-01'))
      ?? items.find((i) => i.properties?.protectionState === 'NotProtected' && i.properties?.protectableItemType === 'SQLDataBase')!;
    const container = decodeURIComponent(/protectionContainers\/([^/]+)/.exec(candidate.id!)![1]);
    const policy = await c.backup.vaults.getPolicy(c.backup.vault, 'SqlDailyFull');
    return (await c.backup.protection.beginProtect({ ...c.backup.vault, container, item: candidate.name! }, { properties: { protectedItemType: 'AzureVmWorkloadSQLDatabase', policyId: policy.id! } })).pollUntilDone(c.wait);
  } },
  { name: 'Backup: register container', method: 'PUT', path: `${CONTAINER}$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: (c) => registerAg02(c) },
  { name: 'Backup: stop protection', method: 'DELETE', path: `${ITEM_PATH}$`, kind: 'lro', canFailMidway: false, run: async (c) => (await c.backup.protection.beginStopProtection(c.backup.msdb)).pollUntilDone(c.wait) },
  { name: 'Backup: unregister container', method: 'DELETE', path: `${CONTAINER}$`, kind: 'lro', lroFailureCode: 'OperationFailed', run: async (c) => {
    // Registered by the row before, unless a fault stopped that.
    if (!(await c.backup.discovery.getContainer(c.backup.ag02).then(() => true, () => false))) await registerAg02(c);
    return (await c.backup.discovery.beginUnregister(c.backup.ag02)).pollUntilDone(c.wait);
  } },
];

async function registerAg02(c: ServiceMatrixContext): Promise<unknown> {
  const body = {
    properties: {
      backupManagementType: 'AzureWorkload',
      containerType: 'VMAppContainer',
      sourceResourceId: c.backup.vmAg02,
      workloadType: 'SQLDataBase',
    },
  };
  return (await c.backup.discovery.beginRegister(c.backup.ag02, body)).pollUntilDone(c.wait);
}

function containerId(ref: ContainerRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${ref.vault}/backupFabrics/Azure/protectionContainers/${ref.container}`;
}
