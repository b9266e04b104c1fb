// Protectable items of the vault: what inquiry found on registered VMs — each SQL instance, its
// databases (system databases included, tempdb excepted) and availability groups with their databases.
import type { ServiceContext } from '../../core/context';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupContainerRecord, type VirtualMachineRecord, type VmSqlDatabase } from '../../model';
import { containersOfVault, getVault, itemNameOf, VAULT, vmOf } from './ids';
import { matches, parseFilter } from './odataFilter';
import { renderProtectableItem, type ProtectableItemView } from './render';
import { backupState } from './state';

export interface DatabaseRef {
  instance: string;
  /** The parent shown for the database: the instance, or the availability group. */
  parent: string;
  db: VmSqlDatabase;
}

/** Every database inquiry reports on a VM (tempdb cannot be backed up, so it is never listed). */
export function databasesOf(vm: VirtualMachineRecord): DatabaseRef[] {
  return vm.sqlInstances.flatMap((inst) =>
    inst.databases
      .filter((d) => d.name.toLowerCase() !== 'tempdb')
      .map((db) => ({ instance: inst.name, parent: db.availabilityGroup ?? inst.name, db })),
  );
}

/** Protection state of a database as protectable items show it (NotProtected / Protecting / Protected). */
function protectionStateOf(ctx: ServiceContext, container: BackupContainerRecord, name: string): string {
  const st = backupState(ctx);
  if (st.items[key(`${container.id}/protectedItems/${name}`)]) return 'Protected';
  const configuring = Object.values(st.jobs).some(
    (j) =>
      j.operation === 'ConfigureBackup' &&
      j.status === 'InProgress' &&
      key(j.itemId ?? '') === key(`${container.id}/protectedItems/${name}`),
  );
  return configuring ? 'Protecting' : 'NotProtected';
}

export function protectableItemsOf(ctx: ServiceContext, container: BackupContainerRecord): ProtectableItemView[] {
  const vm = vmOf(ctx, container.vmId);
  if (!vm || container.inquiry?.status !== 'Success') return [];
  const server = vm.name.slice(0, 15);
  const out: ProtectableItemView[] = [];
  for (const inst of vm.sqlInstances) {
    const dbs = databasesOf(vm).filter((d) => d.instance === inst.name && !d.db.availabilityGroup);
    const views = dbs.map((d): ProtectableItemView => {
      const name = itemNameOf(inst.name, d.db.name);
      return {
        containerId: container.id,
        name,
        type: 'SQLDataBase',
        friendlyName: d.db.name,
        parentName: inst.name,
        serverName: server,
        protectionState: protectionStateOf(ctx, container, name),
        isAutoProtectable: false,
      };
    });
    out.push({
      containerId: container.id,
      name: `SQLInstance;${inst.name}`,
      type: 'SQLInstance',
      friendlyName: inst.name,
      serverName: server,
      protectionState: 'NotProtected',
      isAutoProtectable: true,
      childCount: views.length,
      unprotectedChildCount: views.filter((v) => v.protectionState === 'NotProtected').length,
    });
    out.push(...views);
  }
  for (const ag of vm.availabilityGroups ?? []) {
    const dbs = databasesOf(vm).filter((d) => d.db.availabilityGroup === ag.name);
    const views = dbs.map((d): ProtectableItemView => {
      const name = itemNameOf(ag.name, d.db.name);
      return {
        containerId: container.id,
        name,
        type: 'SQLDataBase',
        friendlyName: d.db.name,
        parentName: ag.name,
        serverName: ag.name,
        protectionState: protectionStateOf(ctx, container, name),
        isAutoProtectable: false,
      };
    });
    out.push({
      containerId: container.id,
      name: `SQLAvailabilityGroupContainer;${ag.id}`,
      type: 'SQLAvailabilityGroupContainer',
      friendlyName: ag.name,
      serverName: ag.name,
      protectionState: 'NotProtected',
      isAutoProtectable: true,
      childCount: views.length,
      unprotectedChildCount: views.filter((v) => v.protectionState === 'NotProtected').length,
      nodes: ag.nodes,
    });
    out.push(...views);
  }
  return out;
}

/** The database behind a protectable-item name on a container (instance or availability-group parent). */
export function findDatabase(ctx: ServiceContext, container: BackupContainerRecord, itemName: string): DatabaseRef | undefined {
  const vm = vmOf(ctx, container.vmId);
  if (!vm) return undefined;
  return databasesOf(vm).find((d) => key(itemNameOf(d.parent, d.db.name)) === key(itemName));
}

export function registerProtectableItemRoutes(ctx: ServiceContext): void {
  ctx.router.add(
    'GET',
    `${VAULT}/backupProtectableItems`,
    (req) => {
      const vault = getVault(ctx, req);
      const f = parseFilter(req);
      const workload = f.get('workloadtype')?.toLowerCase();
      const list =
        matches(f, 'backupManagementType', 'AzureWorkload') && (workload === undefined || workload === 'sqldatabase' || workload === 'sql')
          ? containersOfVault(ctx, vault.id)
              .sort((a, b) => a.name.localeCompare(b.name))
              .flatMap((c) => protectableItemsOf(ctx, c))
              .filter((p) => matches(f, 'protectableItemType', p.type) && matches(f, 'friendlyName', p.friendlyName))
              .filter((p) => matches(f, 'serverName', p.serverName))
              .map(renderProtectableItem)
          : [];
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS },
  );
}
