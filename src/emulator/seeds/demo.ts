// The demo estate: three subscriptions, servers in five regions, a sales hub with 14 tables (some that Data
// Sync cannot sync), and sync groups in every state — Good, Warning, Error, Progressing, NotReady — with
// log history, members in each direction, and on-premises members behind sync agents (Online, Offline,
// NeverConnected).
import { emptyState, type EmulatorState } from '../model';
import { EstateBuilder, guid } from './builders';
import { hrTables, salesTables, smallTables } from './tables';
import { sourceOf } from '../services/sql/syncEngine';
import { addFabricDemo } from './fabric';
import { demoBackupSeed } from './backup';

export function demoSeed(now: number): EmulatorState {
  const b = new EstateBuilder(emptyState('demo'), now);
  const prod = b.subscription('Contoso Production', 'Enabled', { costCenter: 'retail' });
  const dev = b.subscription('Contoso Dev/Test');
  const bi = b.subscription('Fabrikam Analytics', 'Warned');

  const weu = b.server(prod, 'rg-sales-prod', 'contoso-sales-weu', 'westeurope', { env: 'prod' });
  const eus = b.server(prod, 'rg-sales-prod', 'contoso-sales-eus', 'eastus', { env: 'prod' });
  const neu = b.server(prod, 'rg-hr-prod', 'contoso-hr-neu', 'northeurope');
  const wus = b.server(dev, 'rg-dev', 'contoso-dev-wus2', 'westus2');
  const sea = b.server(bi, 'rg-analytics', 'fabrikam-bi-sea', 'southeastasia');
  demoBackupSeed(b.state, now);

  const salesHub = b.database(weu, 'SalesHub', salesTables(), { sku: { name: 'GP_Gen5', tier: 'GeneralPurpose', capacity: 4 } });
  const syncMeta = b.database(weu, 'SyncMetadata', [], { sku: { name: 'S0', tier: 'Standard', capacity: 10 } });
  b.database(weu, 'SalesArchive', salesTables().slice(0, 4));
  const east = b.database(eus, 'SalesReplicaEast', salesTables());
  const reporting = b.database(eus, 'SalesReporting', salesTables(), { health: 'warning' });
  const hrCore = b.database(neu, 'HRCore', hrTables());
  const hrReplica = b.database(neu, 'HRReplica', hrTables(), { health: 'unreachable' });
  const devSales = b.database(wus, 'DevSales', salesTables());
  const devCopy = b.database(wus, 'DevSalesCopy', salesTables());
  const devMeta = b.database(wus, 'DevSyncMeta', []);
  b.database(sea, 'Warehouse', smallTables(), { sku: { name: 'DW100c', tier: 'DataWarehouse', capacity: 900 } });
  b.database(sea, 'Staging', smallTables());

  const online = b.agent(weu, 'onprem-agent-01', syncMeta, 'Online', {
    lastAliveTime: new Date(now - 60_000).toISOString(),
    version: '4.2.0.0',
    linkedDatabases: [
      {
        databaseId: guid('onprem:SQLPROD01/SalesOnPrem'),
        databaseType: 'SqlServerDatabase',
        description: 'Store back-office',
        serverName: 'SQLPROD01',
        databaseName: 'SalesOnPrem',
        userName: 'CONTOSO\\svc-datasync',
        tables: salesTables(),
        health: 'ok',
      },
    ],
  });
  const offline = b.agent(weu, 'onprem-agent-02', syncMeta, 'Offline', {
    lastAliveTime: new Date(now - 9 * 86400_000).toISOString(),
    isUpToDate: false,
    version: '2.9.0.0',
    expiryTime: new Date(now + 21 * 86400_000).toISOString(),
    linkedDatabases: [
      {
        databaseId: guid('onprem:SQLBRANCH7/Branch7'),
        databaseType: 'SqlServerDatabase',
        description: 'Branch 7',
        serverName: 'SQLBRANCH7',
        databaseName: 'Branch7',
        userName: 'sa',
        tables: salesTables(),
        health: 'ok',
      },
    ],
  });
  b.agent(weu, 'onprem-agent-03', syncMeta, 'NeverConnected');

  const synced = ['dbo.Customers', 'dbo.Orders', 'dbo.OrderLines', 'dbo.Products', 'dbo.ProductCategories', 'dbo.Stores'];

  // Good: hourly, bidirectional Azure member + an on-premises member uploading to the hub.
  const good = b.group(salesHub, 'sales-sync', syncMeta, {
    interval: 3600,
    syncState: 'Good',
    enableConflictLogging: true,
    conflictLoggingRetentionInDays: 30,
    lastSyncTime: new Date(now - 20 * 60_000).toISOString(),
  });
  b.member(good, 'replica-east', east, 'Bidirectional', 'SyncSucceeded');
  b.member(
    good,
    'store-backoffice',
    { agent: online, databaseId: online.linkedDatabases[0].databaseId },
    'OneWayMemberToHub',
    'SyncSucceeded',
  );
  b.selectTables(good, salesHub, synced, 'replica-east');
  b.history(good, 24, 1, (i) => [
    {
      type: i % 7 === 3 ? 'Warning' : 'Success',
      source: sourceOf(east.id),
      details:
        i % 7 === 3
          ? 'Sync completed with warnings in 12.31 seconds. Upload: 14 changes applied. Download: 3 changes applied, 1 change failed to apply (see conflict log).'
          : `Sync completed successfully in ${(4 + (i % 5)).toFixed(2)} seconds. Upload: ${i * 3} changes applied. Download: ${i} changes applied.`,
      operationStatus: i % 7 === 3 ? 'SyncSucceededWithWarnings' : 'SyncSucceeded',
    },
    {
      type: 'Success',
      source: 'SQLPROD01/SalesOnPrem',
      details: `Sync completed successfully in 6.02 seconds. Upload: ${i * 2} changes applied. Download: 0 changes applied.`,
      operationStatus: 'SyncSucceeded',
    },
  ]);

  // Warning: one-way to a reporting copy whose writes partly fail.
  const warn = b.group(salesHub, 'sales-reporting', syncMeta, {
    interval: -1,
    syncState: 'Warning',
    conflictResolutionPolicy: 'HubWin',
    lastSyncTime: new Date(now - 3 * 3600_000).toISOString(),
  });
  b.member(warn, 'reporting-east', reporting, 'OneWayHubToMember', 'SyncSucceededWithWarnings');
  b.selectTables(warn, salesHub, ['dbo.Customers', 'dbo.Orders', 'sales.Promotions']);
  b.history(warn, 6, 8, () => [
    {
      type: 'Warning',
      source: sourceOf(reporting.id),
      details:
        'Sync completed with warnings in 9.87 seconds. Download: 120 changes applied, 4 changes failed to apply: the column [Total] would be truncated.',
      operationStatus: 'SyncSucceededWithWarnings',
    },
  ]);

  // Error: the member cannot be reached, plus an on-premises member behind the offline agent.
  const hrStandalone = b.group(hrCore, 'hr-replication', syncMeta, {
    interval: 86400,
    syncState: 'Error',
    conflictResolutionPolicy: 'MemberWin',
    lastSyncTime: new Date(now - 5 * 86400_000).toISOString(),
    lastAttemptAt: now - 3600_000,
  });
  b.member(hrStandalone, 'hr-replica', hrReplica, 'Bidirectional', 'SyncFailed');
  b.selectTables(hrStandalone, hrCore, ['hr.Departments', 'hr.Shifts', 'hr.PayHistory']);
  b.history(hrStandalone, 5, 24, (i) => [
    i < 4
      ? {
          type: 'Error',
          source: sourceOf(hrReplica.id),
          details:
            'Sync failed with the exception "A network-related or instance-specific error occurred while establishing a connection to SQL Server. SqlError Number:53"',
          operationStatus: 'SyncFailure',
        }
      : {
          type: 'Success',
          source: sourceOf(hrReplica.id),
          details: 'Sync completed successfully in 3.10 seconds. Upload: 2 changes applied. Download: 5 changes applied.',
          operationStatus: 'SyncSucceeded',
        },
  ]);
  const branch = b.group(salesHub, 'branch-sync', syncMeta, {
    interval: -1,
    syncState: 'Error',
    lastSyncTime: new Date(now - 10 * 86400_000).toISOString(),
  });
  b.member(branch, 'branch-7', { agent: offline, databaseId: offline.linkedDatabases[0].databaseId }, 'Bidirectional', 'SyncFailed');
  b.selectTables(branch, salesHub, ['dbo.Products', 'dbo.ProductCategories']);
  b.history(branch, 3, 48, () => [
    {
      type: 'Error',
      source: 'SQLBRANCH7/Branch7',
      details:
        'Sync failed with the exception "The sync agent \'onprem-agent-02\' is Offline; the on-premises database cannot be reached."',
      operationStatus: 'SyncFailure',
    },
  ]);

  // NotReady: just created, no members and no schema yet (the start of the documented sequence).
  b.group(salesHub, 'sales-new', syncMeta, { interval: -1 });

  // Progressing: a sync that is running right now and ends a minute after the seed.
  const running = b.group(devSales, 'dev-sync', devMeta, {
    interval: -1,
    syncState: 'Progressing',
    lastSyncTime: new Date(now - 86400_000).toISOString(),
  });
  b.member(running, 'dev-copy', devCopy, 'Bidirectional', 'SyncInProgress');
  b.selectTables(running, devSales, synced);
  running.run = { startedAt: now, finishAt: now + 60_000, tracingId: guid('run:dev-sync:now') };
  b.history(running, 3, 24, () => [
    {
      type: 'Success',
      source: sourceOf(devCopy.id),
      details: 'Sync completed successfully in 5.55 seconds. Upload: 0 changes applied. Download: 12 changes applied.',
      operationStatus: 'SyncSucceeded',
    },
  ]);
  addFabricDemo(b);
  return b.state;
}
