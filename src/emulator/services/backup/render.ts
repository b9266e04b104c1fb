// Wire shapes of Recovery Services vaults, backup policies, containers and protectable items (models of
// bms.json 2026-02-01 / vaults 2026-08-01): the resource envelope {id, name, type, properties} with the
// polymorphic discriminators the SDKs read. Items, points and jobs have their own render files.
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import type { BackupContainerRecord, BackupPolicyRecord, BackupVaultRecord, VirtualMachineRecord } from '../../model';
import { containerName, vmOf } from './ids';
import { backupState } from './state';

export const VAULTS_TYPE = 'Microsoft.RecoveryServices/vaults';
const etag = (s: string): string => `W/"datetime'${encodeURIComponent(createHash('sha1').update(s).digest('hex').slice(0, 16))}'"`;

export function renderVault(v: BackupVaultRecord): unknown {
  return {
    id: v.id,
    name: v.name,
    type: VAULTS_TYPE,
    location: v.location,
    tags: v.tags ?? {},
    etag: etag(v.id),
    sku: { name: 'RS0', tier: 'Standard' },
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      publicNetworkAccess: 'Enabled',
      redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Disabled' },
      secureScore: 'None',
      backupStorageVersion: 'V2',
    },
  };
}

export function renderPolicy(ctx: ServiceContext, p: BackupPolicyRecord): unknown {
  const count = Object.values(backupState(ctx).items).filter((i) => i.policyId.toLowerCase() === p.id.toLowerCase()).length;
  return { id: p.id, name: p.name, type: `${VAULTS_TYPE}/backupPolicies`, properties: { ...p.properties, protectedItemsCount: count } };
}

export function renderProtectableContainer(vaultId: string, vm: VirtualMachineRecord): unknown {
  const name = containerName(vm);
  return {
    id: `${vaultId}/backupFabrics/Azure/protectableContainers/${name}`,
    name,
    type: `${VAULTS_TYPE}/backupFabrics/protectableContainers`,
    properties: {
      protectableContainerType: 'VMAppContainer',
      friendlyName: vm.name,
      backupManagementType: 'AzureWorkload',
      healthStatus: 'Healthy',
      containerId: vm.id,
    },
  };
}

const NO_ERROR = { code: 'Success', message: '', recommendations: [''] };

export function renderContainer(ctx: ServiceContext, c: BackupContainerRecord): unknown {
  const vm = vmOf(ctx, c.vmId);
  const inquiry = c.inquiry;
  const error = inquiry?.errorCode ? { code: inquiry.errorCode, message: inquiry.errorCode, recommendations: [] as string[] } : NO_ERROR;
  return {
    id: c.id,
    name: c.name,
    type: `${VAULTS_TYPE}/backupFabrics/protectionContainers`,
    properties: {
      containerType: 'VMAppContainer',
      friendlyName: vm?.name ?? c.name.split(';').pop(),
      backupManagementType: 'AzureWorkload',
      registrationStatus: c.registrationStatus,
      healthStatus: vm ? 'Healthy' : 'Deleted',
      protectableObjectType: 'VMAppContainer',
      sourceResourceId: c.vmId,
      lastUpdatedTime: c.lastUpdatedTime,
      workloadType: 'SQLDataBase',
      operationType: 'Register',
      extendedInfo: {
        hostServerName: vm?.name.toLowerCase() ?? '',
        inquiryInfo: inquiry
          ? {
              status: inquiry.status,
              errorDetail: error,
              inquiryDetails: [
                {
                  type: 'SQL',
                  itemCount: inquiry.itemCount,
                  inquiryValidation: { status: inquiry.status, errorDetail: error },
                },
              ],
            }
          : { status: 'NotStarted', errorDetail: NO_ERROR, inquiryDetails: [] },
        nodesList: [],
      },
    },
  };
}

export interface ProtectableItemView {
  containerId: string;
  name: string;
  type: 'SQLInstance' | 'SQLDataBase' | 'SQLAvailabilityGroupContainer';
  friendlyName: string;
  parentName?: string;
  serverName: string;
  protectionState: string;
  isAutoProtectable: boolean;
  childCount?: number;
  unprotectedChildCount?: number;
  nodes?: string[];
}

export function renderProtectableItem(p: ProtectableItemView): unknown {
  const isDb = p.type === 'SQLDataBase';
  return {
    id: `${p.containerId}/protectableItems/${p.name}`,
    name: p.name,
    type: `${VAULTS_TYPE}/backupFabrics/protectionContainers/protectableItems`,
    properties: {
      protectableItemType: p.type,
      backupManagementType: 'AzureWorkload',
      workloadType: 'SQL',
      friendlyName: p.friendlyName,
      protectionState: p.protectionState,
      ...(p.parentName !== undefined ? { parentName: p.parentName } : {}),
      ...(isDb && p.parentName ? { parentUniqueName: p.parentName.toLowerCase() } : {}),
      serverName: p.serverName,
      isAutoProtectable: p.isAutoProtectable,
      isAutoProtected: false,
      isProtectable: isDb,
      ...(p.childCount !== undefined ? { subinquireditemcount: p.childCount, subprotectableitemcount: p.unprotectedChildCount ?? 0 } : {}),
      ...(p.type === 'SQLInstance' ? { prebackupvalidation: { status: 'Success', code: 'Success', message: '' } } : {}),
      ...(p.nodes ? { nodesList: p.nodes.map((n) => ({ nodeName: n.split('/').pop(), status: 'Succeeded', sourceResourceId: n })) } : {}),
    },
  };
}
