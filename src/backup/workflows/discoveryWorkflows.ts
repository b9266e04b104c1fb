// Finding and registering SQL Server VMs: refresh containers (discover the vault's VMs), list what can be
// registered next to what is registered, register a VM (PUT container), unregister it. Each call is
// handed to the operations center and awaited to its end.
import type { ProtectionContainer } from '../../azure/backup/backupModels';
import type { ContainerRef, VaultRef } from '../../azure/backup/backupPaths';
import type { BackupContext } from '../backupContext';
import { containerRefOf, vaultRefOf } from '../backupTarget';
import { BackupInputError } from './backupInputError';
import { containerIdOf, sameName, vaultIdOf } from './protectionIds';
import { trackBackup } from './protectionTracking';

/** A SQL Server VM the vault can protect: registered already, or discovered and waiting to be registered. */
export interface VmCandidate {
  /** Container name, e.g. VMAppContainer;Compute;rg;vm. */
  containerName: string;
  /** The container's ARM id (for a registered VM, the id the service gives). */
  containerId: string;
  vmName: string;
  /** The VM's ARM id: sourceResourceId of the register body. */
  sourceResourceId: string;
  registered: boolean;
  /** e.g. Registered, Registering (free text); undefined for a VM not registered yet. */
  registrationStatus?: string;
  healthStatus?: string;
}

export function requireVault(vaultId: string): VaultRef {
  const vault = vaultRefOf(vaultId);
  if (!vault) throw new BackupInputError('vaultId', `"${vaultId}" is not the id of a Recovery Services vault.`);
  return vault;
}

export function requireContainer(containerId: string): ContainerRef {
  const container = containerRefOf(containerId);
  if (!container) throw new BackupInputError('containerId', `"${containerId}" is not the id of a registered VM (protection container).`);
  return container;
}

/** Refresh containers: the vault looks for SQL Server VMs in its subscription and region. */
export async function discoverVms(ctx: BackupContext, vaultId: string): Promise<void> {
  const vault = requireVault(vaultId);
  const operation = await trackBackup(ctx, await ctx.clients().discovery.beginRefreshContainers(vault), {
    title: `Discover SQL Server VMs for ${vault.vault}`,
    resourceId: vaultIdOf(vault),
    label: `vault ${vault.vault}`,
  });
  await operation.result;
  ctx.refresh(vaultIdOf(vault));
}

const candidateOfContainer = (vault: VaultRef, c: ProtectionContainer): VmCandidate => {
  const name = c.name ?? '';
  const p = c.properties ?? {};
  return {
    containerName: name,
    containerId: c.id ?? containerIdOf({ ...vault, container: name }),
    vmName: p.friendlyName ?? name.split(';').pop() ?? name,
    sourceResourceId: p.sourceResourceId ?? '',
    registered: true,
    registrationStatus: p.registrationStatus,
    healthStatus: p.healthStatus,
  };
};

/** The VMs of the last discovery that are not registered, and the registered ones, by VM name. */
export async function listVmCandidates(ctx: BackupContext, vaultId: string): Promise<VmCandidate[]> {
  const vault = requireVault(vaultId);
  const { discovery } = ctx.clients();
  const [protectable, registered] = await Promise.all([
    discovery.listProtectableContainers(vault).toArray(),
    discovery.listContainers(vault).toArray(),
  ]);
  const fresh = protectable
    .filter((p) => !registered.some((r) => sameName(r.name, p.name)))
    .map((p): VmCandidate => ({
      containerName: p.name ?? '',
      containerId: containerIdOf({ ...vault, container: p.name ?? '' }),
      vmName: p.properties?.friendlyName ?? p.name ?? '',
      sourceResourceId: p.properties?.containerId ?? '',
      registered: false,
      healthStatus: p.properties?.healthStatus,
    }));
  return [...registered.map((c) => candidateOfContainer(vault, c)), ...fresh].sort((a, b) => a.vmName.localeCompare(b.vmName));
}

/** The register body (AzureVMAppContainerProtectionContainer), as the Azure CLI sends it. */
export function registerBody(sourceResourceId: string): { properties: Record<string, unknown> } {
  return {
    properties: {
      backupManagementType: 'AzureWorkload',
      containerType: 'VMAppContainer',
      sourceResourceId,
      workloadType: 'SQLDataBase',
    },
  };
}

/** Registers a discovered VM with the vault and waits for the registration to end; the container as registered. */
export async function registerVm(
  ctx: BackupContext,
  input: { vaultId: string; containerName: string; sourceResourceId: string },
): Promise<VmCandidate> {
  const vault = requireVault(input.vaultId);
  if (!input.containerName.trim()) throw new BackupInputError('containerName', 'Choose the VM to register.');
  if (
    !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/i.test(input.sourceResourceId)
  )
    throw new BackupInputError('sourceResourceId', `"${input.sourceResourceId}" is not the ARM id of a virtual machine.`);
  const ref = { ...vault, container: input.containerName };
  const vmName = input.containerName.split(';').pop() ?? input.containerName;
  const operation = await trackBackup(ctx, await ctx.clients().discovery.beginRegister(ref, registerBody(input.sourceResourceId)), {
    title: `Register ${vmName} with ${vault.vault}`,
    resourceId: containerIdOf(ref),
    label: `VM ${vmName}`,
  });
  await operation.result;
  ctx.refresh(vaultIdOf(vault));
  return candidateOfContainer(vault, await ctx.clients().discovery.getContainer(ref));
}

/** Unregisters a VM; refused (naming them) while the vault still keeps protected databases of it. */
export async function unregisterVm(ctx: BackupContext, containerId: string): Promise<void> {
  const ref = requireContainer(containerId);
  const items = await ctx.clients().protection.listProtectedItems(ref).toArray();
  const here = items.filter((i) => sameName(containerRefOf(i.id ?? '')?.container, ref.container));
  const vmName = ref.container.split(';').pop() ?? ref.container;
  if (here.length)
    throw new BackupInputError(
      'containerId',
      `${vmName} still has ${here.length} protected database(s) (${here.map((i) => i.properties?.friendlyName ?? i.name).join(', ')}). Stop their protection and delete their backup data first.`,
    );
  const operation = await trackBackup(ctx, await ctx.clients().discovery.beginUnregister(ref), {
    title: `Unregister ${vmName} from ${ref.vault}`,
    resourceId: containerIdOf(ref),
    label: `VM ${vmName}`,
  });
  await operation.result;
  ctx.refresh(vaultIdOf(ref));
}
