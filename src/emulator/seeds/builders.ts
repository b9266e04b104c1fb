// Small helpers the seeds use to lay out an estate: subscriptions → servers → databases → sync groups,
// members and agents, with believable ids and dates.
import { createHash } from 'node:crypto';
import {
  key,
  type DatabaseHealth,
  type DatabaseRecord,
  type EmulatorState,
  type ServerRecord,
  type SyncAgentRecord,
  type SyncGroupRecord,
  type SyncMemberRecord,
  type TableDef,
} from '../model';
import { appendLog, sourceOf } from '../services/sql/syncEngine';
import { quoteTableName } from '../services/sql/render';

/** Deterministic GUIDs, so the same seed gives the same ids on every machine. */
export function guid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The portal's database kinds: vCore tiers add ",vcore", dedicated SQL pools are "datawarehouse". */
function kindFor(sku: DatabaseRecord['sku'] | undefined): string {
  if (sku?.tier === 'DataWarehouse') return 'v12.0,user,datawarehouse,gen2';
  if (sku && ['GeneralPurpose', 'BusinessCritical', 'Hyperscale'].includes(sku.tier)) return 'v12.0,user,vcore';
  return 'v12.0,user';
}

export class EstateBuilder {
  constructor(
    readonly state: EmulatorState,
    readonly now: number,
  ) {}

  subscription(displayName: string, state = 'Enabled', tags?: Record<string, string>): string {
    const subscriptionId = guid(`sub:${displayName}`);
    this.state.subscriptions.push({ subscriptionId, displayName, state, tenantId: this.state.tenantId, tags });
    return subscriptionId;
  }

  server(subscriptionId: string, resourceGroup: string, name: string, location: string, tags?: Record<string, string>): ServerRecord {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Sql/servers/${name}`;
    const s: ServerRecord = { id, subscriptionId, resourceGroup, name, location, administratorLogin: 'sqladmin', tags };
    this.state.servers[key(id)] = s;
    // Every logical server has master; listing databases returns it (kind v12.0,system).
    this.database(s, 'master', [], { system: true });
    return s;
  }

  database(
    server: ServerRecord,
    name: string,
    tables: TableDef[],
    o: { system?: boolean; health?: DatabaseHealth; sku?: DatabaseRecord['sku'] } = {},
  ): DatabaseRecord {
    const id = `${server.id}/databases/${name}`;
    const d: DatabaseRecord = {
      id,
      serverId: server.id,
      name,
      location: server.location,
      kind: o.system ? 'v12.0,system' : kindFor(o.sku),
      sku: o.system ? { name: 'System', tier: 'System', capacity: 0 } : (o.sku ?? { name: 'S1', tier: 'Standard', capacity: 20 }),
      databaseId: guid(`db:${id}`),
      creationDate: new Date(this.now - 400 * 86400_000).toISOString(),
      maxSizeBytes: o.system ? 32212254720 : 268435456000,
      tables,
      health: o.health ?? 'ok',
    };
    this.state.databases[key(id)] = d;
    return d;
  }

  agent(
    server: ServerRecord,
    name: string,
    syncDatabase: DatabaseRecord,
    state: string,
    o: Partial<SyncAgentRecord> = {},
  ): SyncAgentRecord {
    const id = `${server.id}/syncAgents/${name}`;
    const a: SyncAgentRecord = {
      id,
      serverId: server.id,
      name,
      syncDatabaseId: syncDatabase.id,
      state,
      isUpToDate: true,
      expiryTime: '9999-12-31T23:59:59.9999999Z',
      version: '4.2.0.0',
      linkedDatabases: [],
      ...o,
    };
    this.state.syncAgents[key(id)] = a;
    return a;
  }

  group(hub: DatabaseRecord, name: string, syncDatabase: DatabaseRecord, o: Partial<SyncGroupRecord> = {}): SyncGroupRecord {
    const id = `${hub.id}/syncGroups/${name}`;
    const g: SyncGroupRecord = {
      id,
      databaseId: hub.id,
      name,
      interval: -1,
      conflictResolutionPolicy: 'HubWin',
      syncDatabaseId: syncDatabase.id,
      hubDatabaseUserName: 'syncadmin',
      syncState: 'NotReady',
      lastSyncTime: '0001-01-01T00:00:00Z',
      logs: [],
      ...o,
    };
    this.state.syncGroups[key(id)] = g;
    return g;
  }

  /** Selects tables (all their columns) for the group's schema, as after "update group with schema". */
  selectTables(g: SyncGroupRecord, hub: DatabaseRecord, tableNames: string[], masterSyncMemberName?: string): void {
    const at = this.now - 30 * 86400_000;
    g.hubSchema = { tables: structuredClone(hub.tables), lastUpdateTime: new Date(at).toISOString() };
    g.schema = {
      tables: tableNames.map((n) => {
        const t = hub.tables.find((x) => x.name === n)!;
        return {
          quotedName: quoteTableName(t.name),
          columns: t.columns.map((c) => ({ quotedName: `[${c.name}]`, dataSize: c.dataSize, dataType: c.dataType })),
        };
      }),
      ...(masterSyncMemberName ? { masterSyncMemberName } : {}),
    };
    appendLog(g, at, {
      type: 'Success',
      source: sourceOf(hub.id),
      details: 'Schema information obtained successfully.',
      operationStatus: 'SchemaRefreshSuccess',
    });
  }

  member(
    g: SyncGroupRecord,
    name: string,
    target: DatabaseRecord | { agent: SyncAgentRecord; databaseId: string },
    syncDirection: string,
    syncState: string,
  ): SyncMemberRecord {
    const id = `${g.id}/syncMembers/${name}`;
    const m: SyncMemberRecord =
      'agent' in target
        ? {
            id,
            syncGroupId: g.id,
            name,
            databaseType: 'SqlServerDatabase',
            syncAgentId: target.agent.id,
            sqlServerDatabaseId: target.databaseId,
            userName: 'syncuser',
            syncDirection,
            syncState,
            serverName: target.agent.linkedDatabases.find((d) => d.databaseId === target.databaseId)?.serverName,
            databaseName: target.agent.linkedDatabases.find((d) => d.databaseId === target.databaseId)?.databaseName,
          }
        : {
            id,
            syncGroupId: g.id,
            name,
            databaseType: 'AzureSqlDatabase',
            syncMemberAzureDatabaseResourceId: target.id,
            serverName: `${target.serverId.split('/').pop()}.database.windows.net`,
            databaseName: target.name,
            userName: 'syncuser',
            syncDirection,
            syncState,
          };
    this.state.syncMembers[key(id)] = m;
    return m;
  }

  /** Past sync runs, one every `everyHours`, newest last; outcome per run from `pick`. */
  history(
    g: SyncGroupRecord,
    runs: number,
    everyHours: number,
    pick: (i: number) => { type: 'Success' | 'Warning' | 'Error'; source: string; details: string; operationStatus: string }[],
  ): void {
    for (let i = runs - 1; i >= 0; i--) {
      const at = this.now - (i + 1) * everyHours * 3600_000;
      const tracingId = guid(`run:${g.id}:${i}`);
      for (const e of pick(i)) appendLog(g, at, { ...e, tracingId });
    }
  }
}
