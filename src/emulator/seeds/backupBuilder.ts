// Lays out a Backup estate for the seeds: SQL Server VMs, vaults, policies, discovered and registered VMs,
// protected databases with their history of points and log ranges, and jobs.
import {
  emptyBackupState,
  key,
  type BackupItemRecord,
  type BackupJobRecord,
  type BackupState,
  type BackupVaultRecord,
  type EmulatorState,
  type VirtualMachineRecord,
  type VmSqlDatabase,
} from '../model';
import { guid } from './builders';
import { containerIdOf, containerName, itemNameOf, vaultIdOf } from '../services/backup/ids';
import { dataSourceIdOf } from '../services/backup/protectedItems';

export const DAY = 86400_000;
export const HOUR = 3600_000;

const systemDbs = (): VmSqlDatabase[] => [
  { name: 'master', recoveryModel: 'SIMPLE', system: true, sizeMb: 6 },
  { name: 'model', recoveryModel: 'FULL', system: true, sizeMb: 16 },
  { name: 'msdb', recoveryModel: 'SIMPLE', system: true, sizeMb: 28 },
  { name: 'tempdb', recoveryModel: 'SIMPLE', system: true, sizeMb: 8 },
];

export class BackupBuilder {
  readonly backup: BackupState;
  constructor(
    readonly state: EmulatorState,
    readonly now: number,
  ) {
    this.backup = state.backup ??= emptyBackupState();
    state.virtualMachines ??= {};
  }

  vm(
    sub: string,
    rg: string,
    name: string,
    location: string,
    databases: VmSqlDatabase[],
    ag?: { name: string; nodes: string[] },
  ): VirtualMachineRecord {
    const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
    const vm: VirtualMachineRecord = {
      id,
      subscriptionId: sub,
      resourceGroup: rg,
      name,
      location,
      sqlInstances: [{ name: 'MSSQLSERVER', dataPath: 'F:\\data\\', logPath: 'G:\\log\\', databases: [...systemDbs(), ...databases] }],
      ...(ag ? { availabilityGroups: [{ name: ag.name, id: guid(`ag:${ag.name}`), nodes: ag.nodes }] } : {}),
    };
    this.state.virtualMachines![key(id)] = vm;
    return vm;
  }

  vault(sub: string, rg: string, name: string, location: string): BackupVaultRecord {
    const v: BackupVaultRecord = {
      id: vaultIdOf(sub, rg, name),
      subscriptionId: sub,
      resourceGroup: rg,
      name,
      location,
      tags: { purpose: 'sql-backup' },
    };
    this.backup.vaults[key(v.id)] = v;
    this.backup.discovered[key(v.id)] ??= [];
    return v;
  }

  policy(v: BackupVaultRecord, name: string, properties: Record<string, unknown>): string {
    const id = `${v.id}/backupPolicies/${name}`;
    this.backup.policies[key(id)] = { id, vaultId: v.id, name, properties };
    return id;
  }

  discover(v: BackupVaultRecord, vm: VirtualMachineRecord): void {
    this.backup.discovered[key(v.id)].push(vm.id);
  }

  register(v: BackupVaultRecord, vm: VirtualMachineRecord, inquired = true): string {
    this.discover(v, vm);
    const id = containerIdOf(v.id, containerName(vm));
    const dbCount = vm.sqlInstances.flatMap((i) => i.databases).filter((d) => d.name !== 'tempdb').length;
    this.backup.containers[key(id)] = {
      id,
      vaultId: v.id,
      name: containerName(vm),
      vmId: vm.id,
      registrationStatus: 'Registered',
      lastUpdatedTime: new Date(this.now - 31 * DAY).toISOString(),
      ...(inquired ? { inquiry: { status: 'Success', at: this.now - 31 * DAY, itemCount: dbCount } } : {}),
    };
    return id;
  }

  /** A protected database with daily Full (or weekly Full + daily Differential) points over `days` days. */
  protect(
    v: BackupVaultRecord,
    vm: VirtualMachineRecord,
    db: string,
    policyId: string,
    o: { days: number; weekly?: boolean; logs?: boolean; parent?: string },
  ): BackupItemRecord {
    const cId = containerIdOf(v.id, containerName(vm));
    const name = itemNameOf(o.parent ?? 'MSSQLSERVER', db);
    const id = `${cId}/protectedItems/${name}`;
    const points: BackupItemRecord['recoveryPoints'] = [];
    const firstDay = this.now - o.days * DAY;
    for (let d = o.days - 1; d >= 0; d--) {
      const t = this.now - d * DAY - 5 * HOUR;
      if (t < firstDay) continue;
      const full = !o.weekly || new Date(t).getUTCDay() === 0 || d === o.days - 1;
      points.push({ name: String(t), time: t, type: full ? 'Full' : 'Differential', expiry: t + 30 * DAY });
    }
    const first = points[0]?.time;
    const lastLog = this.now - 20 * 60_000;
    const item: BackupItemRecord = {
      id,
      vaultId: v.id,
      containerId: cId,
      containerName: containerName(vm),
      name,
      vmId: vm.id,
      instance: 'MSSQLSERVER',
      database: db,
      policyId,
      protectionState: 'Protected',
      lastBackupStatus: 'Healthy',
      healthStatus: 'Healthy',
      lastBackupTime: points.at(-1)?.time,
      dataSourceId: dataSourceIdOf(id),
      recoveryPoints: points,
      logRanges: o.logs && first !== undefined ? [{ start: first, end: lastLog }] : [],
      ...(o.logs && first !== undefined ? { lastLogBackupAt: lastLog } : {}),
    };
    this.backup.items[key(id)] = item;
    return item;
  }

  job(
    v: BackupVaultRecord,
    j: Omit<BackupJobRecord, 'vaultId' | 'id' | 'finishAt' | 'isUserTriggered' | 'propertyBag'> & Partial<BackupJobRecord>,
  ): BackupJobRecord {
    const id = j.id ?? guid(`job:${v.id}:${j.operation}:${j.entityFriendlyName}:${j.startTime}:${j.subType ?? ''}`);
    const record: BackupJobRecord = {
      isUserTriggered: false,
      propertyBag: {},
      finishAt: j.endTime ?? j.startTime,
      ...j,
      id,
      vaultId: v.id,
    };
    this.backup.jobs[id] = record;
    return record;
  }

  /** The Backup jobs behind an item's points, one per point. */
  backupJobs(v: BackupVaultRecord, vm: VirtualMachineRecord, item: BackupItemRecord): void {
    for (const p of item.recoveryPoints) {
      this.job(v, {
        operation: 'Backup',
        subType: p.type,
        status: 'Completed',
        startTime: p.time - 30_000,
        endTime: p.time + 90_000,
        entityFriendlyName: `${item.database} [${vm.name}]`,
        itemId: item.id,
        propertyBag: { 'Data Transferred (in MB)': '812.4402' },
      });
    }
  }
}
