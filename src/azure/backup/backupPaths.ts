// Request paths for Azure Backup. Container and item names contain ';'
// (VMAppContainer;compute;rg;vm, SQLDataBase;mssqlserver;db): encoded by buildPath.
import { buildPath } from '../resourceId';
import { AZURE_FABRIC } from './backupModels';

export interface VaultRef {
  subscriptionId: string;
  resourceGroup: string;
  vault: string;
}
export interface ContainerRef extends VaultRef {
  container: string;
}
export interface ProtectedItemRef extends ContainerRef {
  item: string;
}
export interface RecoveryPointRef extends ProtectedItemRef {
  recoveryPoint: string;
}

export function vaultPath(v: VaultRef): string {
  return buildPath([
    'subscriptions',
    { field: 'Subscription id', value: v.subscriptionId },
    'resourceGroups',
    { field: 'Resource group', value: v.resourceGroup },
    'providers',
    'Microsoft.RecoveryServices',
    'vaults',
    { field: 'Vault name', value: v.vault },
  ]);
}
export function fabricPath(v: VaultRef): string {
  return `${vaultPath(v)}/backupFabrics/${AZURE_FABRIC}`;
}
export function containerPath(c: ContainerRef): string {
  return `${fabricPath(c)}${buildPath(['protectionContainers', { field: 'Container name', value: c.container }])}`;
}
export function protectedItemPath(i: ProtectedItemRef): string {
  return `${containerPath(i)}${buildPath(['protectedItems', { field: 'Protected item name', value: i.item }])}`;
}
export function recoveryPointPath(r: RecoveryPointRef): string {
  return `${protectedItemPath(r)}${buildPath(['recoveryPoints', { field: 'Recovery point id', value: r.recoveryPoint }])}`;
}
