// Route templates, names and lookups for Azure Backup. Container and item names carry ';' (sent as %3B,
// decoded by the router) and are compared case-insensitively; responses echo the canonical casing.
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest } from '../../core/http';
import { findSubscription } from '../arm/subscriptions';
import { key, type BackupContainerRecord, type BackupItemRecord, type BackupVaultRecord, type VirtualMachineRecord } from '../../model';
import { backupState } from './state';

export const VAULT =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}';
export const FABRIC = `${VAULT}/backupFabrics/{fabricName}`;
export const CONTAINER = `${FABRIC}/protectionContainers/{containerName}`;
export const ITEM = `${CONTAINER}/protectedItems/{protectedItemName}`;
export const POINT = `${ITEM}/recoveryPoints/{recoveryPointId}`;

export const AZURE_FABRIC = 'Azure';
export const POINT_IN_TIME_POINT = 'DefaultRangeRecoveryPoint';

export const vaultIdOf = (sub: string, rg: string, name: string): string =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${name}`;
export const containerName = (vm: VirtualMachineRecord): string => `VMAppContainer;Compute;${vm.resourceGroup};${vm.name}`;
export const containerIdOf = (vaultId: string, name: string): string =>
  `${vaultId}/backupFabrics/${AZURE_FABRIC}/protectionContainers/${name}`;
export const itemNameOf = (instance: string, database: string): string => `SQLDataBase;${instance.toLowerCase()};${database}`;

export function getVault(ctx: ServiceContext, req: EmulatorRequest): BackupVaultRecord {
  const { subscriptionId, resourceGroupName, vaultName } = req.params;
  findSubscription(ctx, subscriptionId);
  const v = backupState(ctx).vaults[key(vaultIdOf(subscriptionId, resourceGroupName, vaultName))];
  if (!v)
    throw armError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.RecoveryServices/vaults/${vaultName}' under resource group '${resourceGroupName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  return v;
}

/** Azure Backup has one fabric for Azure resources: "Azure". */
export function getFabricVault(ctx: ServiceContext, req: EmulatorRequest): BackupVaultRecord {
  const v = getVault(ctx, req);
  if (req.params.fabricName.toLowerCase() !== 'azure')
    throw armError(400, 'BMSUserErrorInvalidInput', `Fabric '${req.params.fabricName}' is not valid. The fabric name must be 'Azure'.`);
  return v;
}

export function findContainer(ctx: ServiceContext, vault: BackupVaultRecord, name: string): BackupContainerRecord | undefined {
  return backupState(ctx).containers[key(containerIdOf(vault.id, name))];
}

export function getContainer(ctx: ServiceContext, req: EmulatorRequest): { vault: BackupVaultRecord; container: BackupContainerRecord } {
  const vault = getFabricVault(ctx, req);
  const container = findContainer(ctx, vault, req.params.containerName);
  if (!container)
    throw armError(
      404,
      'BMSUserErrorContainerObjectNotFound',
      `Container '${req.params.containerName}' is not registered to the vault. Register the container and try again.`,
    );
  return { vault, container };
}

export function itemNotFound(): Error {
  return armError(
    404,
    'BMSUserErrorDataSourceObjectNotFound',
    'Item not found.\r\nSelected item might have been deleted. Please check if item is registered to the vault.',
  );
}

export function getItem(
  ctx: ServiceContext,
  req: EmulatorRequest,
): { vault: BackupVaultRecord; container: BackupContainerRecord; item: BackupItemRecord } {
  const { vault, container } = getContainer(ctx, req);
  const item = backupState(ctx).items[key(`${container.id}/protectedItems/${req.params.protectedItemName}`)];
  if (!item) throw itemNotFound();
  return { vault, container, item };
}

export const vmOf = (ctx: ServiceContext, vmId: string): VirtualMachineRecord | undefined => ctx.store.state.virtualMachines?.[key(vmId)];

export const itemsOfVault = (ctx: ServiceContext, vaultId: string): BackupItemRecord[] =>
  Object.values(backupState(ctx).items).filter((i) => key(i.vaultId) === key(vaultId));

export const containersOfVault = (ctx: ServiceContext, vaultId: string): BackupContainerRecord[] =>
  Object.values(backupState(ctx).containers).filter((c) => key(c.vaultId) === key(vaultId));
