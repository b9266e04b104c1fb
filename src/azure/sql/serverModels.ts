// SQL servers and databases (Microsoft.Sql 2025-01-01), only the fields the extension reads; every
// other key the service sends is kept by the deserializer.
import { armResource, model } from '../models/modelSchema';
import type { ArmResource } from './syncModels';

export interface ServerProperties {
  administratorLogin?: string;
  version?: string;
  state?: string;
  fullyQualifiedDomainName?: string;
  publicNetworkAccess?: string;
  minimalTlsVersion?: string;
  [extra: string]: unknown;
}
export type SqlServer = ArmResource<ServerProperties> & { location?: string; kind?: string; identity?: Record<string, unknown> };

export interface DatabaseProperties {
  collation?: string;
  status?: string;
  databaseId?: string;
  creationDate?: string;
  currentServiceObjectiveName?: string;
  maxSizeBytes?: number;
  [extra: string]: unknown;
}
export type SqlDatabase = ArmResource<DatabaseProperties> & {
  location?: string;
  kind?: string;
  sku?: { name?: string; tier?: string; capacity?: number; [extra: string]: unknown };
};

export const SQL_SERVER = armResource(
  'Server',
  {
    administratorLogin: 'string',
    version: 'string',
    state: 'string',
    fullyQualifiedDomainName: 'string',
    publicNetworkAccess: 'string',
    minimalTlsVersion: 'string',
  },
  { identity: 'object' },
);
export const SQL_DATABASE = armResource(
  'Database',
  {
    collation: 'string',
    status: 'string',
    databaseId: 'string',
    creationDate: 'string',
    currentServiceObjectiveName: 'string',
    maxSizeBytes: 'number',
  },
  { sku: model('Sku', { name: 'string', tier: 'string', capacity: 'number' }) },
);

/** `master` comes back in database lists (kind "v12.0,system") and cannot join a sync group. */
export function isSystemDatabase(db: SqlDatabase): boolean {
  return db.name?.toLowerCase() === 'master' || (db.kind ?? '').toLowerCase().split(',').includes('system');
}
