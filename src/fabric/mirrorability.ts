// Fabric mirroring's documented limits for an Azure SQL Database source, as far as ARM can see them
// (the schema APIs give each table's temporal type and memory optimization and each column's type and
// whether it is computed — not which columns form the primary key, nor precision or scale; the Data Sync
// hub schema has keys, but only for a database already in a sync group). Where a key decides, the
// readiness report gives the T-SQL that lists the key columns and names what Fabric refuses. One pure module:
// the wizard's table list, the readiness checks and their tests all use it.
// Source: Fabric docs "Limitations in Microsoft Fabric mirrored databases from Azure SQL Database".

export interface ColumnFacts {
  name: string;
  /** ColumnDataType as ARM reports it (rowversion comes back as timestamp). */
  columnType?: string;
  isComputed?: boolean;
}

export interface TableFacts {
  schema: string;
  name: string;
  /** NonTemporalTable | HistoryTable | SystemVersionedTemporalTable (open). */
  temporalType?: string;
  memoryOptimized?: boolean;
  columns: ColumnFacts[];
}

/**
 * `mirrorable`: nothing ARM shows stops it. `notMirrorable`: a documented limit stops it (`reason`).
 * `checkKey`: it can be mirrored unless the named columns are part of its primary key (or clustered
 * index), which ARM cannot tell: `reason` says what to check.
 */
export type Mirrorability = 'mirrorable' | 'notMirrorable' | 'checkKey';

export interface TableVerdict {
  schema: string;
  name: string;
  status: Mirrorability;
  reason?: string;
  /** Columns Fabric skips while still mirroring the table. */
  skippedColumns: string[];
}

/** Types a table may not have at all. */
export const UNSUPPORTED_TABLE_COLUMN_TYPES = ['json', 'vector'];
/** Types a primary key (or clustered index) may not use; computed columns are refused there too. */
export const UNSUPPORTED_KEY_TYPES = ['geometry', 'geography', 'hierarchyid', 'sql_variant', 'timestamp', 'rowversion'];
/** Types a key may use only below precision 7 (fractional seconds); ARM reports the type but not the precision. */
export const KEY_TYPES_LIMITED_TO_PRECISION_6 = ['datetime2', 'datetimeoffset', 'time'];

const KEY_RULE =
  'keys may not use computed columns, user-defined types, geometry, geography, hierarchyid, sql_variant or timestamp/rowversion, ' +
  'nor datetime2(7), datetimeoffset(7) or time(7).';
/** Types of columns Fabric does not replicate (the table is mirrored without them). */
export const SKIPPED_COLUMN_TYPES = ['image', 'text', 'ntext', 'xml', 'timestamp', 'rowversion', 'sql_variant', 'geometry', 'geography'];

/** The Azure SQL limitations page's table limit for one mirrored database. */
export const MAX_MIRRORED_TABLES = 500;

const typeOf = (c: ColumnFacts): string => (c.columnType ?? '').toLowerCase();
const list = (names: string[]): string => names.map((n) => `'${n}'`).join(', ');

export function tableVerdict(t: TableFacts): TableVerdict {
  const base = { schema: t.schema, name: t.name };
  const skippedColumns = t.columns.filter((c) => c.isComputed || SKIPPED_COLUMN_TYPES.includes(typeOf(c))).map((c) => c.name);
  const no = (reason: string): TableVerdict => ({ ...base, status: 'notMirrorable', reason, skippedColumns });
  if (t.memoryOptimized) return no('Memory-optimized (In-Memory OLTP) tables cannot be mirrored.');
  if ((t.temporalType ?? '').toLowerCase() === 'historytable') return no('Temporal history tables cannot be mirrored.');
  const badType = t.columns.find((c) => UNSUPPORTED_TABLE_COLUMN_TYPES.includes(typeOf(c)));
  if (badType)
    return no(`Column '${badType.name}' is of type ${typeOf(badType)}; tables with ${typeOf(badType)} columns cannot be mirrored.`);
  const risky = t.columns.filter((c) => c.isComputed || UNSUPPORTED_KEY_TYPES.includes(typeOf(c)));
  if (risky.length)
    return {
      ...base,
      status: 'checkKey',
      reason:
        `Cannot be mirrored if ${list(risky.map((c) => c.name))} is part of the primary key (or of the clustered index when there is none): ` +
        `${KEY_RULE} ARM shows no keys; the readiness report gives the T-SQL that lists them.`,
      skippedColumns,
    };
  return { ...base, status: 'mirrorable', skippedColumns };
}

const sqlString = (s: string) => `N'${s.replace(/'/g, "''")}'`;
const sqlList = (names: string[]) => names.map((n) => `'${n}'`).join(', ');

/**
 * What Fabric refuses in a key column, as a T-SQL CASE over sys.columns `c` and sys.types `ty`: the reason,
 * or NULL for a column that is fine. sys.types names rowversion `timestamp`.
 */
const UNSUPPORTED_KEY_COLUMN = [
  '  CASE',
  "    WHEN c.is_computed = 1 THEN N'computed column'",
  "    WHEN ty.is_user_defined = 1 THEN N'user-defined type ' + ty.name",
  `    WHEN ty.name IN (${sqlList(UNSUPPORTED_KEY_TYPES)}) THEN ty.name + N' is not supported in a key'`,
  `    WHEN ty.name IN (${sqlList(KEY_TYPES_LIMITED_TO_PRECISION_6)}) AND c.scale = 7 THEN ty.name + N'(7) is not supported in a key; precision 6 or less is'`,
  '  END',
].join('\n');

/** The index Fabric treats as the key: the primary key, or the clustered index of a table without one. */
const KEY_INDEX =
  '(i.is_primary_key = 1 OR (i.index_id = 1 AND NOT EXISTS (SELECT 1 FROM sys.indexes p WHERE p.object_id = i.object_id AND p.is_primary_key = 1)))';

const KEY_COLUMNS_FROM = [
  'FROM sys.indexes i',
  'JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0',
  'JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id',
  'JOIN sys.types ty ON ty.user_type_id = c.user_type_id',
];

/**
 * T-SQL listing a table's key columns (primary key, or clustered index when there is none) with their types;
 * `unsupported` names what stops mirroring, NULL where the column is fine. For a `checkKey` verdict.
 */
export function keyCheckQuery(t: { schema: string; name: string }): string {
  return [
    `-- Key columns of [${t.schema}].[${t.name}]: Fabric refuses the table if any row has "unsupported" set.`,
    "SELECT CASE WHEN i.is_primary_key = 1 THEN N'primary key' ELSE N'clustered index' END AS key_kind,",
    '  c.name AS column_name, ty.name AS type_name, c.precision, c.scale, c.is_computed,',
    `${UNSUPPORTED_KEY_COLUMN} AS unsupported`,
    ...KEY_COLUMNS_FROM,
    `WHERE i.object_id = OBJECT_ID(${sqlString(`[${t.schema}].[${t.name}]`)}) AND ${KEY_INDEX}`,
    'ORDER BY ic.key_ordinal;',
  ].join('\n');
}

/** T-SQL listing, across the database, every key column that stops its table from being mirrored (none: all keys are fine). */
export function keyLimitsQuery(): string {
  return [
    '-- Key columns that stop their table from being mirrored; no rows means every key is fine.',
    'SELECT * FROM (',
    'SELECT s.name AS schema_name, o.name AS table_name,',
    "  CASE WHEN i.is_primary_key = 1 THEN N'primary key' ELSE N'clustered index' END AS key_kind,",
    '  c.name AS column_name, ty.name AS type_name, c.scale,',
    `${UNSUPPORTED_KEY_COLUMN} AS unsupported`,
    ...KEY_COLUMNS_FROM,
    'JOIN sys.tables o ON o.object_id = i.object_id',
    'JOIN sys.schemas s ON s.schema_id = o.schema_id',
    `WHERE o.is_ms_shipped = 0 AND ${KEY_INDEX}`,
    ') k WHERE k.unsupported IS NOT NULL',
    'ORDER BY schema_name, table_name, column_name;',
  ].join('\n');
}

export interface TierVerdict {
  supported: boolean | undefined;
  reason: string;
}

const VCORE_TIERS = ['generalpurpose', 'businesscritical', 'hyperscale'];

/** Free, Basic and Standard below 100 DTU (S0–S2) cannot be mirrored; vCore tiers and S3+ / Premium can. */
export function tierVerdict(sku: { name?: string; tier?: string; capacity?: number } | undefined): TierVerdict {
  const tier = (sku?.tier ?? '').toLowerCase();
  const name = sku?.name ?? sku?.tier ?? 'unknown';
  if (!sku || (!sku.tier && !sku.name)) return { supported: undefined, reason: 'The database did not report its service tier.' };
  if (tier === 'free' || tier === 'basic' || /^(free|basic)$/i.test(sku.name ?? ''))
    return { supported: false, reason: `${name} is not supported: mirroring needs at least Standard S3 (100 DTU) or a vCore tier.` };
  if (tier === 'standard') {
    const dtu = sku.capacity ?? ({ s0: 10, s1: 20, s2: 50 } as Record<string, number>)[(sku.name ?? '').toLowerCase()];
    if (dtu === undefined) return { supported: undefined, reason: `Standard tier ${name}: its DTU count is not known.` };
    return dtu < 100
      ? { supported: false, reason: `Standard ${name} (${dtu} DTU) is not supported: mirroring needs at least 100 DTU (S3).` }
      : { supported: true, reason: `Standard ${name} (${dtu} DTU) is supported.` };
  }
  if (tier === 'premium' || VCORE_TIERS.includes(tier.replace(/\s/g, '')))
    return { supported: true, reason: `${sku.tier} (${name}) is supported.` };
  return { supported: undefined, reason: `Tier ${sku.tier ?? name} is not one the mirroring documentation lists.` };
}
