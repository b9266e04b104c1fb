// Fabric estates for the seeds. Demo: capacities, three workspaces with role assignments and items,
// connections to every user database of the ARM estate, and mirrored databases in each state — Running
// (replicating tables, one Failed), Stopped, Initialized (never started) and Paused. Large: one workspace
// with 300 items, among them a Running mirrored database of 1,200 tables.
import { key, type DatabaseRecord, type EmulatorState, type ServerRecord, type TableDef } from '../model';
import type { MirroredDatabaseRecord, MirroringDocument, MirroringStatus, TableStatus, WorkspaceRecord } from '../fabricModel';
import { fabricOf } from '../services/fabric/state';
import { desiredTables } from '../services/fabric/sourceTables';
import { fail, newTable } from '../services/fabric/tables';
import { identityFor } from '../services/sql/serverIdentity';
import { guid, type EstateBuilder } from './builders';
import { salesTables } from './tables';

const ADMIN_USER = { id: '6a1b4c2d-0000-4e5f-8a9b-00000000ad01', type: 'User', displayName: 'Emulator Admin' };

export class FabricBuilder {
  constructor(
    readonly state: EmulatorState,
    readonly now: number,
  ) {}
  private get f() {
    return fabricOf(this.state);
  }

  capacity(displayName: string, sku: string, region: string, state: 'Active' | 'Paused' = 'Active'): string {
    const id = guid(`capacity:${displayName}`);
    this.f.capacities[id] = { id, displayName, sku, region, state };
    return id;
  }

  workspace(displayName: string, description: string, capacityId: string, callerRole = 'Admin'): WorkspaceRecord {
    const w: WorkspaceRecord = {
      id: guid(`workspace:${displayName}`),
      displayName,
      description,
      type: 'Workspace',
      capacityId,
      callerRole,
    };
    this.f.workspaces[w.id] = w;
    this.role(w, ADMIN_USER, 'Admin');
    return w;
  }

  role(w: WorkspaceRecord, principal: { id: string; type: string; displayName?: string }, role: string): void {
    const id = guid(`role:${w.id}:${principal.id}`);
    this.f.roleAssignments[id] = { id, workspaceId: w.id, principal, role };
  }

  /** Turns on the server's system-assigned identity and gives it Contributor in the workspaces. */
  identity(server: ServerRecord, ...workspaces: WorkspaceRecord[]): void {
    server.identity = identityFor(server, this.state.tenantId, { type: 'SystemAssigned' });
    for (const w of workspaces)
      this.role(w, { id: server.identity!.principalId!, type: 'ServicePrincipal', displayName: server.name }, 'Contributor');
  }

  item(w: WorkspaceRecord, type: string, displayName: string, description = ''): void {
    const id = guid(`item:${w.id}:${type}:${displayName}`);
    this.f.items[id] = { id, workspaceId: w.id, type, displayName, description };
  }

  /** One shareable cloud SQL connection per user database (Data Warehouse and master excluded). */
  connections(): void {
    for (const d of Object.values(this.state.databases)) {
      if (d.kind.includes('system') || d.kind.includes('datawarehouse')) continue;
      const server = this.state.servers[key(d.serverId)];
      const id = guid(`connection:${d.id.toLowerCase()}`);
      this.f.connections[id] = {
        id,
        displayName: `${server.name} ${d.name}`,
        connectivityType: 'ShareableCloud',
        path: `${server.name}.database.windows.net;${d.name}`,
        databaseId: d.id,
        credentialType: d.name.startsWith('Dev') ? 'Basic' : 'OAuth2',
      };
    }
  }

  connectionOf(db: DatabaseRecord): string {
    return guid(`connection:${db.id.toLowerCase()}`);
  }

  mirrored(
    w: WorkspaceRecord,
    displayName: string,
    source: DatabaseRecord,
    o: { status: MirroringStatus; since: number; tables?: string[]; defaultSchema?: string; description?: string },
  ): MirroredDatabaseRecord {
    const mirroring: MirroringDocument = {
      properties: {
        source: { type: 'AzureSqlDatabase', typeProperties: { connection: this.connectionOf(source), database: source.name } },
        target: {
          type: 'MountedRelationalDatabase',
          typeProperties: { ...(o.defaultSchema ? { defaultSchema: o.defaultSchema } : {}), format: 'Delta', retentionInDays: 7 },
        },
        ...(o.tables
          ? {
              mountedTables: o.tables.map((n) => {
                const [schemaName, tableName] = n.split('.');
                return { source: { typeProperties: { schemaName, tableName } } };
              }),
            }
          : {}),
      },
    };
    const md: MirroredDatabaseRecord = {
      id: guid(`mirrored:${w.id}:${displayName}`),
      workspaceId: w.id,
      displayName,
      description: o.description ?? '',
      mirroring,
      sqlEndpointId: guid(`sqlendpoint:${w.id}:${displayName}`),
      status: o.status,
      statusSince: o.since,
      tables: [],
      definitionCalls: 0,
      metricsAt: this.now,
    };
    const tableStatus: Record<MirroringStatus, TableStatus> = {
      Initializing: 'Initialized',
      Initialized: 'Initialized',
      Starting: 'Snapshotting',
      Running: 'Replicating',
      Paused: 'Replicating',
      Stopping: 'Stopped',
      Stopped: 'Stopped',
    };
    const ran = !['Initializing', 'Initialized'].includes(o.status);
    const lastSync = o.status === 'Running' ? this.now - 4_000 : o.since;
    md.tables = desiredTables(source, mirroring, Number.MAX_SAFE_INTEGER).map((d) => {
      const t = newTable(md, d.schemaName, d.tableName, d.def, tableStatus[o.status]);
      if (ran) {
        const replicatedFor = Math.max(0, (lastSync - (this.now - 3 * 3600_000)) / 1000);
        t.processedRows = t.snapshotRows + Math.floor(replicatedFor * t.rowsPerSecond);
        t.processedBytes = t.processedRows * t.rowBytes;
        t.lastSyncAt = lastSync;
        t.lastSyncLatencyInSeconds = 1 + (t.rowsPerSecond % 5);
      }
      if (ran && d.error) fail(t, d.error);
      return t;
    });
    this.f.mirroredDatabases[md.id] = md;
    return md;
  }
}

const pk = (name: string, dataType: string, dataSize: string, extra: object = {}) => ({
  name,
  dataType,
  dataSize,
  isPrimaryKey: true,
  ...extra,
});
const col = (name: string, dataType: string, dataSize: string, extra: object = {}) => ({ name, dataType, dataSize, ...extra });

/** A retail operations database with tables Fabric mirrors and three it cannot. */
export const retailOpsTables = (): TableDef[] => [
  ...salesTables().filter((t) => ['dbo.Customers', 'dbo.Orders', 'dbo.OrderLines', 'dbo.Products', 'dbo.Stores'].includes(t.name)),
  {
    name: 'dbo.StoreTraffic',
    columns: [pk('StoreId', 'int', '4'), pk('Hour', 'datetime2', '6', { scale: 0 }), col('Visitors', 'int', '4')],
  },
  {
    name: 'dbo.PriceList',
    columns: [pk('ProductId', 'int', '4'), col('Price', 'money', '8')],
    temporalType: 'SystemVersionedTemporalTable',
  },
  {
    name: 'dbo.PriceListHistory',
    columns: [
      col('ProductId', 'int', '4'),
      col('Price', 'money', '8'),
      col('ValidFrom', 'datetime2', '8'),
      col('ValidTo', 'datetime2', '8'),
    ],
    temporalType: 'HistoryTable',
  },
  {
    name: 'dbo.SessionCache',
    columns: [pk('SessionId', 'uniqueidentifier', '16'), col('Payload', 'varbinary', '-1')],
    memoryOptimized: true,
  },
  {
    name: 'sales.Shipments',
    columns: [pk('OrderId', 'bigint', '8'), pk('ShipKey', 'varchar', '40', { isComputed: true }), col('ShippedAt', 'datetime2', '8')],
  },
];

export function addFabricDemo(b: EstateBuilder): void {
  const st = b.state;
  const now = b.now;
  const f = new FabricBuilder(st, now);
  const server = (name: string) => Object.values(st.servers).find((s) => s.name === name)!;
  const db = (serverName: string, name: string) => st.databases[key(`${server(serverName).id}/databases/${name}`)];

  const sea = server('fabrikam-bi-sea');
  const retailOps = b.database(sea, 'RetailOps', retailOpsTables(), { sku: { name: 'S3', tier: 'Standard', capacity: 100 } });
  // DTU tiers below S3 cannot be mirrored: a Basic and an S0 database make the pre-flight checks meaningful.
  db('fabrikam-bi-sea', 'Staging').sku = { name: 'Basic', tier: 'Basic', capacity: 5 };
  db('contoso-dev-wus2', 'DevSyncMeta').sku = { name: 'S0', tier: 'Standard', capacity: 10 };

  const weuCapacity = f.capacity('Contoso F64', 'F64', 'West Europe');
  const devCapacity = f.capacity('Contoso Dev F8', 'F8', 'North Europe');
  const sales = f.workspace('Sales Analytics', 'Mirrored sales data for reporting', weuCapacity);
  const finance = f.workspace('Finance Dev', 'Finance sandbox', devCapacity, 'Contributor');
  const hr = f.workspace('HR Reporting', 'People analytics', weuCapacity, 'Member');
  f.identity(sea, sales);
  f.identity(server('contoso-sales-eus'), sales);
  f.identity(server('contoso-hr-neu'), hr);
  f.item(sales, 'Lakehouse', 'SalesLake', 'Curated sales data');
  f.item(sales, 'Notebook', 'Explore orders');
  f.item(sales, 'SemanticModel', 'Sales model');
  f.item(finance, 'Lakehouse', 'FinanceLake');
  f.item(hr, 'Report', 'Headcount');
  f.connections();

  f.mirrored(sales, 'RetailOps mirror', retailOps, {
    status: 'Running',
    since: now - 3 * 3600_000,
    defaultSchema: 'dbo',
    description: 'Store operations, near real time',
    tables: [
      'dbo.Customers',
      'dbo.Orders',
      'dbo.OrderLines',
      'dbo.Products',
      'dbo.Stores',
      'dbo.StoreTraffic',
      'dbo.PriceList',
      'dbo.PriceListHistory',
    ],
  });
  f.mirrored(sales, 'Sales replica (east)', db('contoso-sales-eus', 'SalesReplicaEast'), {
    status: 'Stopped',
    since: now - 26 * 3600_000,
    tables: ['dbo.Customers', 'dbo.Orders', 'dbo.Products', 'sales.Promotions'],
  });
  f.mirrored(finance, 'RetailOps sandbox', retailOps, { status: 'Initialized', since: now - 2 * 86400_000, defaultSchema: 'dbo' });
  f.mirrored(hr, 'HR core', db('contoso-hr-neu', 'HRCore'), { status: 'Paused', since: now - 40 * 60_000 });
}

/** 1,200 small tables in 12 schemas. */
const wideTables = (): TableDef[] =>
  Array.from({ length: 1200 }, (_, i) => ({
    name: `s${String(Math.floor(i / 100)).padStart(2, '0')}.t${String(i % 100).padStart(3, '0')}`,
    columns: [pk('Id', 'bigint', '8'), col('Value', 'nvarchar', '100'), col('UpdatedAt', 'datetime2', '8')],
  }));

export function addFabricLarge(b: EstateBuilder): void {
  const st = b.state;
  const f = new FabricBuilder(st, b.now);
  const server = Object.values(st.servers).find((s) => s.name === 'large-sql-0000')!;
  const wide = b.database(server, 'wide', wideTables(), { sku: { name: 'GP_Gen5', tier: 'GeneralPurpose', capacity: 8 } });
  const w = f.workspace('Large Workspace', '300 items for paging', f.capacity('Large F128', 'F128', 'West Europe'));
  f.identity(server, w);
  const types = ['Lakehouse', 'Notebook', 'Report', 'SemanticModel', 'DataPipeline', 'Warehouse'];
  for (let i = 0; i < 299; i++) f.item(w, types[i % types.length], `item-${String(i).padStart(3, '0')}`);
  f.connections();
  f.mirrored(w, 'wide mirror', wide, { status: 'Running', since: b.now - 3600_000, tables: wide.tables.map((t) => t.name) });
}
