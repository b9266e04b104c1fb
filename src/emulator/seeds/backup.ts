// Azure Backup estates. Demo: a vault per region used, SQL Server VMs (one registered with protected
// databases and 30 days of history, one waiting for discovery, two hosting an availability group),
// AzureWorkload policies (hourly log, daily full, weekly full + daily differential) next to a VM policy,
// and jobs in every status. Large: a vault with 500 protected databases and 5,000 jobs.
import { key, type EmulatorState, type VmSqlDatabase } from '../model';
import { guid } from './builders';
import { BackupBuilder, DAY, HOUR } from './backupBuilder';
import { dailyFullPolicy, hourlyLogPolicy, vmPolicy, weeklyFullDailyDiffPolicy } from './backupPolicies';

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
  const devDaily = b.policy(devVault, 'SqlDailyFull', dailyFullPolicy(now));

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
  // The dev database's last full backup failed five hours ago: a Backup problem for the estate view.
  const devSales = b.protect(devVault, devVm, 'DevSales', devDaily, { days: 10 });
  const devFailure = fail(
    'UserErrorSQLNoSysadminMembership',
    59016,
    'The NT Service\\AzureWLBackupPluginSvc account is not a member of the sysadmin role on the SQL instance.',
    'Add NT Service\\AzureWLBackupPluginSvc to the sysadmin server role, then retry the backup.',
  );
  b.job(devVault, {
    operation: 'Backup',
    subType: 'Full',
    status: 'Failed',
    startTime: now - 5 * HOUR,
    endTime: now - 5 * HOUR + 35_000,
    entityFriendlyName: `DevSales [${devVm.name}]`,
    itemId: devSales.id,
    failure: devFailure,
  });
  Object.assign(devSales, {
    lastBackupStatus: 'Unhealthy',
    healthStatus: 'Unhealthy',
    lastBackupTime: now - 5 * HOUR,
    lastBackupError: { code: devFailure.code, message: devFailure.message, recommendations: devFailure.recommendations },
  });
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
