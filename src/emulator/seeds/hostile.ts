// The hostile estate: a small Data Sync, Fabric and Backup estate in which every free-text field the
// services allow carries the payloads of ./payloads (markup, script, command and javascript links,
// markdown, direction overrides, terminal escapes, emoji, 10,000-character strings). Names the services
// would refuse stay refused: sync group, member and agent names, vault and policy names keep to their
// character sets, database and item names carry only what ARM and Fabric accept.
import { emptyState, type ColumnDef, type EmulatorState, type TableDef } from '../model';
import { sourceOf } from '../services/sql/syncEngine';
import { BackupBuilder, HOUR } from './backupBuilder';
import { dailyFullPolicy } from './backupPolicies';
import { EstateBuilder, guid } from './builders';
import { FabricBuilder } from './fabric';
import { ARM_DATABASE_FORBIDDEN, ARM_TAG_NAME_FORBIDDEN, FABRIC_ITEM_FORBIDDEN, hostileName, hostileText, PAYLOADS } from './payloads';

/** SQL identifiers hold up to 128 characters; the emulator splits table names at the first '.'. */
const IDENTIFIER_FORBIDDEN = /[.\]]/;
const sqlName = (base: string) => hostileName(base, IDENTIFIER_FORBIDDEN, 128);

const pk = (name: string): ColumnDef => ({ name, dataType: 'int', dataSize: '4', isPrimaryKey: true });
const col = (name: string): ColumnDef => ({ name, dataType: 'nvarchar', dataSize: '200' });

/** Tables whose schema and column names are payloads (quoted identifiers hold almost anything). */
export function hostileTables(): TableDef[] {
  return [
    { name: 'dbo.Customers', columns: [pk('CustomerId'), col(PAYLOADS.img), col(PAYLOADS.svg)] },
    { name: `dbo.${PAYLOADS.img}`, columns: [pk('Id'), col(PAYLOADS.script), col(PAYLOADS.emoji)] },
    { name: `dbo.${PAYLOADS.commandUri.slice(0, 60)}`, columns: [pk('Id'), col(PAYLOADS.bidi)] },
    { name: `${PAYLOADS.emoji}.${sqlName('T')}`, columns: [pk('Id'), col('Name')] },
  ];
}

export function hostileSeed(now: number): EmulatorState {
  const b = new EstateBuilder(emptyState('hostile'), now);
  const tagName = hostileName('note', ARM_TAG_NAME_FORBIDDEN, 512);
  const sub = b.subscription(hostileText('Hostile', 256), 'Enabled', { [tagName]: hostileText('owner', 256) });
  const server = b.server(sub, 'rg-hostile', 'hostile-sql', 'westeurope', {
    [tagName]: hostileText('env', 256),
    plain: PAYLOADS.commandUri,
  });
  const dbName = (base: string) => hostileName(base, ARM_DATABASE_FORBIDDEN, 128);
  const hub = b.database(server, dbName('Hub'), hostileTables());
  const member = b.database(server, dbName('Member'), hostileTables());
  const meta = b.database(server, 'SyncMeta', []);
  b.database(server, dbName('Spare'), hostileTables());

  const agent = b.agent(server, 'hostile-agent', meta, 'Online', {
    lastAliveTime: new Date(now - 60_000).toISOString(),
    linkedDatabases: [
      {
        databaseId: guid('onprem:hostile'),
        databaseType: 'SqlServerDatabase',
        description: hostileText('On-premises', 256),
        serverName: hostileName('SQLHOST', ARM_DATABASE_FORBIDDEN, 128),
        databaseName: dbName('OnPrem'),
        userName: hostileText('user', 128),
        tables: hostileTables(),
        health: 'ok',
      },
    ],
  });

  const group = b.group(hub, 'hostile-sync', meta, {
    interval: 3600,
    syncState: 'Warning',
    lastSyncTime: new Date(now - 20 * 60_000).toISOString(),
  });
  b.member(group, 'hostile-member', member, 'Bidirectional', 'SyncSucceededWithWarnings');
  b.member(group, 'hostile-onprem', { agent, databaseId: agent.linkedDatabases[0].databaseId }, 'OneWayMemberToHub', 'SyncFailed');
  b.selectTables(
    group,
    hub,
    hub.tables.map((t) => t.name),
  );
  b.history(group, 4, 1, (i) => [
    {
      type: i % 2 ? 'Error' : 'Warning',
      source: i % 2 ? hostileText('source', 256) : sourceOf(member.id),
      details: hostileText(`Run ${i}:`),
      operationStatus: i % 2 ? 'SyncFailure' : 'SyncSucceededWithWarnings',
    },
  ]);
  b.group(hub, 'hostile-new', meta);

  addHostileFabric(b, hub);
  addHostileBackup(b.state, sub, now);
  return b.state;
}

function addHostileFabric(b: EstateBuilder, source: ReturnType<EstateBuilder['database']>): void {
  const f = new FabricBuilder(b.state, b.now);
  const capacity = f.capacity(hostileText('Capacity', 256), 'F8', 'West Europe');
  const w = f.workspace(hostileText('Workspace', 256), hostileText('Described', 256), capacity);
  f.identity(b.state.servers[Object.keys(b.state.servers)[0]], w);
  const itemName = (base: string) => hostileName(base, FABRIC_ITEM_FORBIDDEN, 256);
  f.item(w, 'Lakehouse', itemName('Lake'), hostileText('Lakehouse', 256));
  f.item(w, 'Notebook', itemName('Notes'), hostileText('Notebook', 256));
  f.connections();
  const running = f.mirrored(w, itemName('Mirror'), source, {
    status: 'Running',
    since: b.now - 3 * 3600_000,
    description: hostileText('Mirror', 256),
  });
  const failed = running.tables[0];
  if (failed) failed.status = 'Failed';
  if (failed) failed.error = { errorCode: 'SourceTableError', message: hostileText('Table failed:') };
  running.error = { errorCode: 'MirroringError', message: hostileText('Mirroring degraded:') };
  f.mirrored(w, itemName('Stopped'), source, { status: 'Stopped', since: b.now - 26 * 3600_000, description: hostileText('Stopped', 256) });
}

function addHostileBackup(state: EmulatorState, sub: string, now: number): void {
  const b = new BackupBuilder(state, now);
  // Vault and policy names keep to ARM's character sets; what the VM's SQL Server reports does not.
  const vault = b.vault(sub, 'rg-hostile-backup', 'hostile-vault', 'westeurope');
  vault.tags = { [hostileName('note', ARM_TAG_NAME_FORBIDDEN, 512)]: hostileText('vault', 256) };
  const policy = b.policy(vault, 'HostileDaily', dailyFullPolicy(now));
  const vm = b.vm(sub, 'rg-hostile-vms', 'hostile-sqlvm', 'westeurope', [
    { name: hostileName('Db', ARM_DATABASE_FORBIDDEN, 128), recoveryModel: 'FULL', sizeMb: 256 },
    { name: 'PlainDb', recoveryModel: 'SIMPLE', sizeMb: 64 },
  ]);
  b.register(vault, vm);
  const item = b.protect(vault, vm, 'PlainDb', policy, { days: 3 });
  b.backupJobs(vault, vm, item);
  b.job(vault, {
    operation: 'Backup',
    subType: 'Full',
    status: 'Failed',
    // Within the last day, so the Estate Health view lists it too.
    startTime: now - 20 * HOUR,
    endTime: now - 20 * HOUR + 40_000,
    entityFriendlyName: `${hostileText('PlainDb', 256)} [${vm.name}]`,
    itemId: item.id,
    failure: {
      code: 'UserErrorHostile',
      errorCode: 59006,
      message: hostileText('Backup failed:'),
      recommendations: [hostileText('Do this:'), hostileText('Or that:', 256)],
    },
    propertyBag: { [hostileName('Note', ARM_TAG_NAME_FORBIDDEN, 256)]: hostileText('value') },
  });
}
