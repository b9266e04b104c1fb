// Reads a database's schemas, tables and columns through ARM (no SQL connection needed). Read-only,
// no long-running operations; every list pages with nextLink.
import type { AzureClient } from '../http/azureClient';
import { deserialize } from '../models/modelSchema';
import { armNextLink, createPager, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';
import {
  DATABASE_COLUMN,
  DATABASE_SCHEMA,
  DATABASE_TABLE,
  type DatabaseColumn,
  type DatabaseSchema,
  type DatabaseTable,
} from './databaseSchemaModels';
import { databasePath, SQL_API_VERSION, type DatabaseRef } from './sqlPaths';

export interface DatabaseTableRef extends DatabaseRef {
  schema: string;
  table: string;
}

const schemaPath = (ref: DatabaseRef, schema: string): string =>
  `${databasePath(ref)}${buildPath(['schemas', { field: 'Schema name', value: schema }])}`;
const tablePath = (ref: DatabaseTableRef): string =>
  `${schemaPath(ref, ref.schema)}${buildPath(['tables', { field: 'Table name', value: ref.table }])}`;

export class DatabaseSchemaClient {
  constructor(private readonly client: AzureClient) {}

  private list<T>(operationName: string, url: string, spec: Parameters<typeof deserialize>[0], signal?: AbortSignal): PagedList<T> {
    return createPager({
      client: this.client,
      nextPage: armNextLink,
      deserialize: (raw) => deserialize<T>(spec, raw),
      first: { operationName, method: 'GET', url, query: { 'api-version': SQL_API_VERSION }, signal },
    });
  }

  listSchemas(ref: DatabaseRef, signal?: AbortSignal): PagedList<DatabaseSchema> {
    return this.list('List database schemas', `${databasePath(ref)}/schemas`, DATABASE_SCHEMA, signal);
  }

  listTables(ref: DatabaseRef, schema: string, signal?: AbortSignal): PagedList<DatabaseTable> {
    return this.list(`List tables of schema ${schema}`, `${schemaPath(ref, schema)}/tables`, DATABASE_TABLE, signal);
  }

  listTableColumns(ref: DatabaseTableRef, signal?: AbortSignal): PagedList<DatabaseColumn> {
    return this.list(`List columns of ${ref.schema}.${ref.table}`, `${tablePath(ref)}/columns`, DATABASE_COLUMN, signal);
  }

  /** Every column of the database in one paged list (the id names each column's schema and table). */
  listDatabaseColumns(ref: DatabaseRef, signal?: AbortSignal): PagedList<DatabaseColumn> {
    return this.list('List database columns', `${databasePath(ref)}/columns`, DATABASE_COLUMN, signal);
  }
}
