// Fabric mirroring's documented limits for an Azure SQL Database source, as far as ARM can see them
// (the schema APIs give each table's temporal type and memory optimization and each column's type and
// whether it is computed — not which columns form the primary key, nor precision). One pure module:
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
        'keys may not use computed columns or geometry, geography, hierarchyid, sql_variant or timestamp/rowversion columns.',
      skippedColumns,
    };
  return { ...base, status: 'mirrorable', skippedColumns };
}

/** T-SQL that lists the key columns ARM cannot show, for a table whose verdict is `checkKey`. */
export function keyCheckQuery(t: { schema: string; name: string }): string {
  const quote = (s: string) => `N'${s.replace(/'/g, "''")}'`;
  return [
    'SELECT c.name, t.name AS type_name, c.is_computed, c.scale',
    'FROM sys.index_columns ic',
    'JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id',
    'JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id',
    'JOIN sys.types t ON t.user_type_id = c.user_type_id',
    `WHERE ic.object_id = OBJECT_ID(${quote(`[${t.schema}].[${t.name}]`)}) AND (i.is_primary_key = 1 OR i.index_id = 1);`,
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
