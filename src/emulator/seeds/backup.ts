// Azure Backup estates. Demo: a vault per region used, SQL Server VMs (one registered with protected
// databases and 30 days of history, one waiting for discovery, two hosting an availability group),
// AzureWorkload policies (hourly log, daily full, weekly full + daily differential) next to a VM policy,
// and jobs in every status. Large: a vault with 500 protected databases and 5,000 jobs.
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

const DAY = 86400_000;
const HOUR = 3600_000;

const systemDbs = (): VmSqlDatabase[] => [
  { name: 'master', recoveryModel: 'SIMPLE', system: true, sizeMb: 6 },
  { name: 'model', recoveryModel: 'FULL', system: true, sizeMb: 16 },
  { name: 'msdb', recoveryModel: 'SIMPLE', system: true, sizeMb: 28 },
  { name: 'tempdb', recoveryModel: 'SIMPLE', system: true, sizeMb: 8 },
];

const runTime = (now: number, hour: number): string => {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, 0, 0)).toISOString();
};

/** The Learn example's HourlyLogBackup shape: daily Full kept 30 days, hourly log kept 30 days. */
export function hourlyLogPolicy(now: number): Record<string, unknown> {
  return {
    backupManagementType: 'AzureWorkload',
    workLoadType: 'SQLDataBase',
    settings: { timeZone: 'UTC', issqlcompression: false },
    subProtectionPolicy: [
      {
        policyType: 'Full',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Daily',
          scheduleRunTimes: [runTime(now, 19)],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [runTime(now, 19)], retentionDuration: { count: 30, durationType: 'Days' } },
        },
      },
      {
        policyType: 'Log',
        schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 60 },
        retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 30, durationType: 'Days' } },
      },
    ],
  };
}

function dailyFullPolicy(now: number): Record<string, unknown> {
  const p = hourlyLogPolicy(now);
  return { ...p, subProtectionPolicy: (p.subProtectionPolicy as unknown[]).slice(0, 1) };
}

function weeklyFullDailyDiffPolicy(now: number): Record<string, unknown> {
  const t = runTime(now, 22);
  return {
    backupManagementType: 'AzureWorkload',
    workLoadType: 'SQLDataBase',
    settings: { timeZone: 'UTC', issqlcompression: true },
    subProtectionPolicy: [
      {
        policyType: 'Full',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Weekly',
          scheduleRunDays: ['Sunday'],
          scheduleRunTimes: [t],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [t], retentionDuration: { count: 12, durationType: 'Weeks' } },
        },
      },
      {
        policyType: 'Differential',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Weekly',
          scheduleRunDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
          scheduleRunTimes: [t],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 30, durationType: 'Days' } },
      },
      {
        policyType: 'Log',
        schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 120 },
        retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 15, durationType: 'Days' } },
      },
    ],
  };
}

/** An Azure VM backup policy: present in real vaults, and not usable for SQL databases. */
function vmPolicy(now: number): Record<string, unknown> {
  return {
    backupManagementType: 'AzureIaasVM',
    instantRpRetentionRangeInDays: 2,
    timeZone: 'UTC',
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicy',
      scheduleRunFrequency: 'Daily',
      scheduleRunTimes: [runTime(now, 23)],
      scheduleWeeklyFrequency: 0,
    },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionTimes: [runTime(now, 23)], retentionDuration: { count: 30, durationType: 'Days' } },
    },
  };
}

class BackupBuilder {
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

const fail = (code: string, errorCode: number, message: string, recommendation: string) => ({
  code,
  errorCode,
  message,
  recommendations: [recommendation],
});

export function demoBackupSeed(state: EmulatorState, now: number): void {
  const prod = state.subscriptions.find((s) => s.displayName === 'Contoso Production')?.subscriptionId;
  const dev = state.subscriptions.find((s) => s.displayName === 'Contoso Dev/Test')?.subscriptionId;
  if (!prod || !dev) return;
  const b = new BackupBuilder(state, now);
  const weuVault = b.vault(prod, 'rg-backup', 'contoso-backup-weu', 'westeurope');
  const eusVault = b.vault(prod, 'rg-backup', 'contoso-backup-eus', 'eastus');
  const devVault = b.vault(dev, 'rg-dev-backup', 'contoso-dev-backup-wus2', 'westus2');

  const sql01 = b.vm(prod, 'rg-sql-vms', 'sqlvm-prod-01', 'westeurope', [
    { name: 'SalesDb', recoveryModel: 'FULL', sizeMb: 2048 },
    { name: 'InventoryDb', recoveryModel: 'FULL', sizeMb: 1024 },
    { name: 'ReportingDb', recoveryModel: 'SIMPLE', sizeMb: 512 },
  ]);
  b.vm(prod, 'rg-sql-vms', 'sqlvm-prod-02', 'westeurope', [
    { name: 'HRDb', recoveryModel: 'FULL', sizeMb: 256 },
    { name: 'PayrollDb', recoveryModel: 'SIMPLE', sizeMb: 128 },
  ]);
  const agNodes = ['sqlvm-ag-01', 'sqlvm-ag-02'].map(
    (n) => `/subscriptions/${prod}/resourceGroups/rg-sql-ag/providers/Microsoft.Compute/virtualMachines/${n}`,
  );
  const agDbs = (): VmSqlDatabase[] => [
    { name: 'OrdersDb', recoveryModel: 'FULL', sizeMb: 4096, availabilityGroup: 'ag-orders' },
    { name: 'StagingDb', recoveryModel: 'SIMPLE', sizeMb: 64 },
  ];
  const ag1 = b.vm(prod, 'rg-sql-ag', 'sqlvm-ag-01', 'westeurope', agDbs(), { name: 'ag-orders', nodes: agNodes });
  const ag2 = b.vm(prod, 'rg-sql-ag', 'sqlvm-ag-02', 'westeurope', agDbs(), { name: 'ag-orders', nodes: agNodes });
  const eus = b.vm(prod, 'rg-sql-vms', 'sqlvm-prod-eus', 'eastus', [{ name: 'CrmDb', recoveryModel: 'FULL', sizeMb: 300 }]);
  const devVm = b.vm(dev, 'rg-dev', 'sqlvm-dev-01', 'westus2', [{ name: 'DevSales', recoveryModel: 'SIMPLE', sizeMb: 100 }]);

  const hourly = b.policy(weuVault, 'SqlHourlyLog', hourlyLogPolicy(now));
  const daily = b.policy(weuVault, 'SqlDailyFull', dailyFullPolicy(now));
  const weekly = b.policy(weuVault, 'SqlWeeklyFullDailyDiff', weeklyFullDailyDiffPolicy(now));
  b.policy(weuVault, 'DefaultPolicy', vmPolicy(now));
  b.policy(eusVault, 'SqlHourlyLog', hourlyLogPolicy(now));
  b.policy(eusVault, 'DefaultPolicy', vmPolicy(now));
  b.policy(devVault, 'SqlDailyFull', dailyFullPolicy(now));

  // sqlvm-prod-01: registered, three protected databases with 30 days of history.
  b.register(weuVault, sql01);
  const sales = b.protect(weuVault, sql01, 'SalesDb', hourly, { days: 30, logs: true });
  const inventory = b.protect(weuVault, sql01, 'InventoryDb', weekly, { days: 30, weekly: true, logs: true });
  const msdb = b.protect(weuVault, sql01, 'msdb', daily, { days: 30 });
  for (const item of [sales, inventory, msdb]) {
    b.backupJobs(weuVault, sql01, item);
    b.job(weuVault, {
      operation: 'ConfigureBackup',
      status: 'Completed',
      startTime: now - 31 * DAY,
      endTime: now - 31 * DAY + 75_000,
      entityFriendlyName: item.database,
      itemId: item.id,
      isUserTriggered: true,
      propertyBag: { 'Policy Name': state.backup!.policies[key(item.policyId)].name },
    });
  }
  // Jobs in every other status.
  b.job(weuVault, {
    operation: 'Backup',
    subType: 'Log',
    status: 'Failed',
    startTime: now - 2 * DAY - 3 * HOUR,
    endTime: now - 2 * DAY - 3 * HOUR + 40_000,
    entityFriendlyName: `SalesDb [${sql01.name}]`,
    itemId: sales.id,
    failure: fail(
      'UserErrorBackupFailedAsTransactionLogIsFull',
      59006,
      'The transaction log of the database is full.',
      'Free space on the log volume or grow the log file, then retry the backup.',
    ),
  });
  b.job(weuVault, {
    operation: 'Backup',
    subType: 'Full',
    status: 'CompletedWithWarnings',
    startTime: now - 5 * DAY - 2 * HOUR,
    endTime: now - 5 * DAY - 2 * HOUR + 150_000,
    entityFriendlyName: `InventoryDb [${sql01.name}]`,
    itemId: inventory.id,
    isUserTriggered: true,
    propertyBag: { 'Data Transferred (in MB)': '1002.5' },
  });
  b.job(weuVault, {
    operation: 'Backup',
    subType: 'CopyOnlyFull',
    status: 'Cancelled',
    startTime: now - 3 * DAY,
    endTime: now - 3 * DAY + 45_000,
    entityFriendlyName: `SalesDb [${sql01.name}]`,
    itemId: sales.id,
    isUserTriggered: true,
  });
  b.job(weuVault, {
    operation: 'Restore',
    subType: 'Full',
    status: 'Completed',
    startTime: now - 7 * DAY,
    endTime: now - 7 * DAY + 183_000,
    entityFriendlyName: `SalesDb [${sql01.name}]`,
    itemId: sales.id,
    isUserTriggered: true,
    propertyBag: {
      'Job Type': 'Recovery to an alternate database',
      RestoreRecoveryPointTime: new Date(now - 8 * DAY)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'),
      RestoreDestination: 'sqlvm-ag-01/MSSQLSERVER/SalesDb_restored',
      'Data Transferred (in MB)': '2048.0',
    },
  });
  // Running now: a Full of msdb, and a copy-only Full being cancelled.
  b.job(weuVault, {
    id: guid(`job:running:${now}`),
    operation: 'Backup',
    subType: 'Full',
    status: 'InProgress',
    startTime: now - 30_000,
    finishAt: now + 90_000,
    entityFriendlyName: `msdb [${sql01.name}]`,
    itemId: msdb.id,
    isUserTriggered: true,
    payload: { sizeMb: 28 },
  });
  b.job(weuVault, {
    id: guid(`job:cancelling:${now}`),
    operation: 'Backup',
    subType: 'CopyOnlyFull',
    status: 'Cancelling',
    startTime: now - 60_000,
    finishAt: now + 30_000,
    entityFriendlyName: `InventoryDb [${sql01.name}]`,
    itemId: inventory.id,
    isUserTriggered: true,
  });

  // The availability group: node 1 registered and inquired, node 2 discovered but not registered.
  b.register(weuVault, ag1);
  b.discover(weuVault, ag2);
  // sqlvm-prod-02 waits for discovery (refreshContainers); the eastus VM is registered without inquiry.
  b.register(eusVault, eus, false);
  b.register(devVault, devVm);
}

/** 50 VMs × 10 databases in one vault, all protected, with 10 jobs each. */
export function largeBackupSeed(state: EmulatorState, now: number): void {
  const sub = state.subscriptions[0]?.subscriptionId;
  if (!sub) return;
  const b = new BackupBuilder(state, now);
  const vault = b.vault(sub, 'rg-large-backup', 'large-backup-vault', 'westeurope');
  const hourly = b.policy(vault, 'SqlHourlyLog', hourlyLogPolicy(now));
  const daily = b.policy(vault, 'SqlDailyFull', dailyFullPolicy(now));
  for (let v = 0; v < 50; v++) {
    const dbs = Array.from({ length: 10 }, (_, i): VmSqlDatabase => ({
      name: `db${String(i).padStart(2, '0')}`,
      recoveryModel: i % 2 ? 'SIMPLE' : 'FULL',
      sizeMb: 100 + i,
    }));
    const vm = b.vm(sub, 'rg-large-sql', `large-sqlvm-${String(v).padStart(3, '0')}`, 'westeurope', dbs);
    b.register(vault, vm);
    for (const db of dbs) {
      const item = b.protect(vault, vm, db.name, db.recoveryModel === 'FULL' ? hourly : daily, {
        days: 7,
        logs: db.recoveryModel === 'FULL',
      });
      for (let k = 0; k < 10; k++) {
        const start = now - k * DAY - (v * 10 + dbs.indexOf(db)) * 1000 - 4 * HOUR;
        b.job(vault, {
          operation: 'Backup',
          subType: 'Full',
          status: k === 3 && v % 7 === 0 ? 'Failed' : 'Completed',
          startTime: start,
          endTime: start + 120_000,
          entityFriendlyName: `${db.name} [${vm.name}]`,
          itemId: item.id,
          ...(k === 3 && v % 7 === 0
            ? {
                failure: fail(
                  'UserErrorSQLLSNValidationFailure',
                  59005,
                  'The log chain is broken: a log backup was taken by another tool.',
                  'Trigger a Full backup to start a new log chain.',
                ),
              }
            : {}),
        });
      }
    }
  }
}
