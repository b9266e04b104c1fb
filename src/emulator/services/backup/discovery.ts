// Refresh containers (discover SQL VMs: 202 → backupFabrics/Azure/operationResults 202 → 204) and the
// protectable containers that discovery found: VMs with SQL Server in the vault's subscription and region,
// not yet registered to the vault.
import type { ServiceContext } from '../../core/context';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS, BACKUP_TRACKING_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupVaultRecord, type VirtualMachineRecord } from '../../model';
import { containerName, FABRIC, findContainer, getFabricVault } from './ids';
import { matches, parseFilter } from './odataFilter';
import { acceptedResponse, getOperation, onOperation, operationResultResponse, startOperation } from './operations';
import { renderProtectableContainer } from './render';
import { backupState, virtualMachines } from './state';

/** SQL Server VMs a vault can protect: same subscription and region (Azure Backup is regional). */
export function candidateVms(ctx: ServiceContext, vault: BackupVaultRecord): VirtualMachineRecord[] {
  return virtualMachines(ctx.store.state).filter(
    (vm) =>
      vm.sqlInstances.length > 0 &&
      key(vm.subscriptionId) === key(vault.subscriptionId) &&
      vm.location.toLowerCase() === vault.location.toLowerCase(),
  );
}

export function registerDiscoveryRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS };

  onOperation(ctx, 'refresh', (c, op) => {
    const vault = backupState(c).vaults[key(op.vaultId)];
    if (vault) backupState(c).discovered[key(vault.id)] = candidateVms(c, vault).map((vm) => vm.id);
  });

  ctx.router.add(
    'POST',
    `${FABRIC}/refreshContainers`,
    (req) => {
      const vault = getFabricVault(ctx, req);
      parseFilter(req);
      const op = startOperation(ctx, { vault, kind: 'refresh', targetId: vault.id, serviceSeconds: 50, req });
      return acceptedResponse(ctx, op, {
        location: `${req.base}${vault.id}/backupFabrics/Azure/operationResults/${op.id}?api-version=${BACKUP_TRACKING_API_VERSIONS.refresh}`,
      });
    },
    opts,
  );

  ctx.router.add(
    'GET',
    `${FABRIC}/operationResults/{operationId}`,
    (req) => operationResultResponse(ctx, req, getOperation(ctx, getFabricVault(ctx, req), req.params.operationId)),
    opts,
  );

  ctx.router.add(
    'GET',
    `${FABRIC}/protectableContainers`,
    (req) => {
      const vault = getFabricVault(ctx, req);
      const f = parseFilter(req);
      const found = new Set((backupState(ctx).discovered[key(vault.id)] ?? []).map(key));
      const list =
        matches(f, 'backupManagementType', 'AzureWorkload') &&
        (matches(f, 'workloadType', 'SQLDataBase') || matches(f, 'workloadType', 'SQL'))
          ? candidateVms(ctx, vault)
              .filter((vm) => found.has(key(vm.id)))
              .filter((vm) => !findContainer(ctx, vault, containerName(vm)))
              .filter((vm) => matches(f, 'friendlyName', vm.name))
              .map((vm) => renderProtectableContainer(vault.id, vm))
          : [];
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );
}
