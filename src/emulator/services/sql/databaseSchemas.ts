// The ARM database schema APIs (DatabaseSchemas / DatabaseTables / DatabaseColumns, 2025-01-01), answered
// from the SQL model: schemas, tables (temporalType, memoryOptimized), columns (columnType, temporalType,
// memoryOptimized, isComputed), each paged; the database-wide column list filters by repeated
// schema/table/column parameters and sorts by orderBy.
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { SQL_API_VERSIONS } from '../../core/apiVersions';
import type { ColumnDef, DatabaseRecord, TableDef } from '../../model';
import { getDatabase } from './ids';

const DB =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}/databases/{databaseName}';

interface Row {
  schema: string;
  table: string;
  def: TableDef;
}

const rowsOf = (db: DatabaseRecord): Row[] =>
  db.tables.map((def) => {
    const i = def.name.indexOf('.');
    return { schema: i < 0 ? 'dbo' : def.name.slice(0, i), table: i < 0 ? def.name : def.name.slice(i + 1), def };
  });

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `name eq 'x'` (the only $filter the emulator understands); anything else is refused. */
function nameFilter(req: EmulatorRequest): ((name: string) => boolean) | undefined {
  const f = req.url.searchParams.get('$filter');
  if (!f) return undefined;
  const m = /^\s*name\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(f);
  if (!m) throw armError(400, 'InvalidFilter', `The $filter '${f}' is not supported; use name eq '<value>'.`);
  const value = m[1].replace(/''/g, "'");
  return (name) => eq(name, value);
}

/** rowversion is reported as timestamp by the catalog (and in ColumnDataType). */
const columnType = (c: ColumnDef): string => (c.dataType.toLowerCase() === 'rowversion' ? 'timestamp' : c.dataType);

function renderSchema(db: DatabaseRecord, schema: string): unknown {
  return { id: `${db.id}/schemas/${schema}`, name: schema, type: 'Microsoft.Sql/servers/databases/schemas', properties: {} };
}

function renderTable(db: DatabaseRecord, r: Row): unknown {
  return {
    id: `${db.id}/schemas/${r.schema}/tables/${r.table}`,
    name: r.table,
    type: 'Microsoft.Sql/servers/databases/schemas/tables',
    properties: { temporalType: r.def.temporalType ?? 'NonTemporalTable', memoryOptimized: Boolean(r.def.memoryOptimized) },
  };
}

function renderColumn(db: DatabaseRecord, r: Row, c: ColumnDef): unknown {
  return {
    id: `${db.id}/schemas/${r.schema}/tables/${r.table}/columns/${c.name}`,
    name: c.name,
    type: 'Microsoft.Sql/servers/databases/schemas/tables/columns',
    properties: {
      columnType: columnType(c),
      temporalType: r.def.temporalType ?? 'NonTemporalTable',
      memoryOptimized: Boolean(r.def.memoryOptimized),
      isComputed: Boolean(c.isComputed),
    },
  };
}

const ORDER_PROPERTIES = ['schema', 'table', 'column'];

export function registerDatabaseSchemaRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: SQL_API_VERSIONS };
  const page = (req: EmulatorRequest, items: unknown[], tokenParam?: string) => ({
    status: 200,
    body: paginate(req, items, ctx.options.pageSize, tokenParam),
  });

  const schemaRows = (req: EmulatorRequest): { db: DatabaseRecord; rows: Row[] } => {
    const db = getDatabase(ctx, req);
    const rows = rowsOf(db).filter((r) => eq(r.schema, req.params.schemaName));
    if (rows.length === 0 && !eq(req.params.schemaName, 'dbo'))
      throw armError(404, 'InvalidDatabaseSchema', `Schema '${req.params.schemaName}' does not exist in database '${db.name}'.`);
    return { db, rows };
  };
  const tableRow = (req: EmulatorRequest): { db: DatabaseRecord; row: Row } => {
    const { db, rows } = schemaRows(req);
    const row = rows.find((r) => eq(r.table, req.params.tableName));
    if (!row)
      throw armError(
        404,
        'InvalidDatabaseTable',
        `Table '${req.params.schemaName}.${req.params.tableName}' does not exist in database '${db.name}'.`,
      );
    return { db, row };
  };

  ctx.router.add(
    'GET',
    `${DB}/schemas`,
    (req) => {
      const db = getDatabase(ctx, req);
      const match = nameFilter(req);
      const names = [...new Set(['dbo', ...rowsOf(db).map((r) => r.schema)])].sort((a, b) => a.localeCompare(b));
      return page(
        req,
        names.filter((n) => !match || match(n)).map((n) => renderSchema(db, n)),
      );
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${DB}/schemas/{schemaName}`,
    (req) => {
      const { db, rows } = schemaRows(req);
      return { status: 200, body: renderSchema(db, rows[0]?.schema ?? req.params.schemaName) };
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${DB}/schemas/{schemaName}/tables`,
    (req) => {
      const { db, rows } = schemaRows(req);
      const match = nameFilter(req);
      return page(
        req,
        rows.filter((r) => !match || match(r.table)).map((r) => renderTable(db, r)),
      );
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${DB}/schemas/{schemaName}/tables/{tableName}`,
    (req) => {
      const { db, row } = tableRow(req);
      return { status: 200, body: renderTable(db, row) };
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${DB}/schemas/{schemaName}/tables/{tableName}/columns`,
    (req) => {
      const { db, row } = tableRow(req);
      const match = nameFilter(req);
      return page(
        req,
        row.def.columns.filter((c) => !match || match(c.name)).map((c) => renderColumn(db, row, c)),
      );
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${DB}/schemas/{schemaName}/tables/{tableName}/columns/{columnName}`,
    (req) => {
      const { db, row } = tableRow(req);
      const c = row.def.columns.find((x) => eq(x.name, req.params.columnName));
      if (!c) throw armError(404, 'InvalidDatabaseColumn', `Column '${req.params.columnName}' does not exist in table '${row.def.name}'.`);
      return { status: 200, body: renderColumn(db, row, c) };
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${DB}/columns`,
    (req) => {
      const db = getDatabase(ctx, req);
      const q = req.url.searchParams;
      const want = (k: string) => q.getAll(k).map((v) => v.toLowerCase());
      const [schemas, tables, columns] = [want('schema'), want('table'), want('column')];
      const sorters = q.getAll('orderBy').map((o) => {
        const [prop, dir = 'asc'] = o.trim().split(/\s+/);
        if (!ORDER_PROPERTIES.includes(prop.toLowerCase()))
          throw armError(
            400,
            'UnsupportedColumnOrderByProperty',
            `The order-by property '${prop}' is not supported. Supported: ${ORDER_PROPERTIES.join(', ')}.`,
          );
        if (!['asc', 'desc'].includes(dir.toLowerCase()))
          throw armError(400, 'UnsupportedColumnSortDirection', `The sort direction '${dir}' is not supported. Supported: asc, desc.`);
        return { prop: prop.toLowerCase() as 'schema' | 'table' | 'column', sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
      });
      const all = rowsOf(db).flatMap((r) => r.def.columns.map((c) => ({ r, c, schema: r.schema, table: r.table, column: c.name })));
      const picked = all.filter(
        (x) =>
          (schemas.length === 0 || schemas.includes(x.schema.toLowerCase())) &&
          (tables.length === 0 || tables.includes(x.table.toLowerCase())) &&
          (columns.length === 0 || columns.includes(x.column.toLowerCase())),
      );
      if (sorters.length > 0)
        picked.sort((a, b) => {
          for (const s of sorters) {
            const d = a[s.prop].localeCompare(b[s.prop]);
            if (d !== 0) return d * s.sign;
          }
          return 0;
        });
      return page(
        req,
        picked.map((x) => renderColumn(db, x.r, x.c)),
        '$skiptoken',
      );
    },
    opts,
  );
}
