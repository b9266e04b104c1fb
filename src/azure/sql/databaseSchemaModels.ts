// A database's schemas, tables and columns as ARM reads them without a SQL connection
// (DatabaseSchemas / DatabaseTables / DatabaseColumns, 2025-01-01). Every property is optional: the
// spec's own examples return tables without `properties`. Enums are open strings.
import { armResource } from '../models/modelSchema';
import type { ArmResource } from './syncModels';

/** NonTemporalTable | HistoryTable | SystemVersionedTemporalTable (open). */
export type TableTemporalType = string;

export interface DatabaseTableProperties {
  temporalType?: TableTemporalType;
  memoryOptimized?: boolean;
  [extra: string]: unknown;
}
export interface DatabaseColumnProperties {
  /** ColumnDataType: int, nvarchar, geography, timestamp… (open: json, vector and newer types pass through). */
  columnType?: string;
  temporalType?: TableTemporalType;
  memoryOptimized?: boolean;
  isComputed?: boolean;
  [extra: string]: unknown;
}

export type DatabaseSchema = ArmResource<Record<string, unknown>>;
export type DatabaseTable = ArmResource<DatabaseTableProperties>;
export type DatabaseColumn = ArmResource<DatabaseColumnProperties>;

export const DATABASE_SCHEMA = armResource('DatabaseSchema', {});
export const DATABASE_TABLE = armResource('DatabaseTable', { temporalType: 'string', memoryOptimized: 'boolean' });
export const DATABASE_COLUMN = armResource('DatabaseColumn', {
  columnType: 'string',
  temporalType: 'string',
  memoryOptimized: 'boolean',
  isComputed: 'boolean',
});
