// What Data Sync cannot sync (Microsoft Learn, "SQL Data Sync – limitations"): tables without a primary
// key, and columns of unsupported types (FileStream, SQL/CLR UDT, XMLSchemaCollection, cursor, rowversion /
// timestamp, hierarchyid). Used both for hub/member schema errors and validation.
import type { TableDef } from '../../model';

export const UNSUPPORTED_DATA_TYPES = ['timestamp', 'rowversion', 'hierarchyid', 'cursor', 'filestream', 'xmlschemacollection', 'clr_udt'];

export const MAX_TABLES_PER_GROUP = 500;
export const MAX_GROUPS_PER_DATABASE = 5;
export const MAX_MEMBERS_PER_GROUP = 30;
/** The spec's InvalidSyncGroupInterval text: "Sync Interval should be greater than or equal to 5 seconds." (-1 = manual) */
export const MIN_INTERVAL_SECONDS = 5;

export const isUnsupportedType = (dataType: string): boolean => UNSUPPORTED_DATA_TYPES.includes(dataType.toLowerCase());

export function schemaTableErrors(t: TableDef): { table?: string; columns: Map<string, string> } {
  const columns = new Map<string, string>();
  for (const c of t.columns) if (isUnsupportedType(c.dataType)) columns.set(c.name, 'Schema_UnsupportedDataType');
  const table = !t.columns.some((c) => c.isPrimaryKey) ? 'Schema_TableHasNoPrimaryKey' : undefined;
  return { table, columns };
}
