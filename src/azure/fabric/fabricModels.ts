// Fabric REST v1 models: workspaces and mirrored databases. Enums are open strings.
import { arrayOf, model } from '../models/modelSchema';

export interface Workspace {
  id?: string;
  displayName?: string;
  description?: string;
  /** Personal | Workspace | AdminWorkspace (open). */
  type?: string;
  capacityId?: string;
  apiEndpoint?: string;
  domainId?: string;
  capacityRegion?: string;
  [extra: string]: unknown;
}

export interface SqlEndpointProperties {
  connectionString?: string;
  id?: string;
  provisioningStatus?: string;
  [extra: string]: unknown;
}
export interface MirroredDatabaseProperties {
  oneLakeTablesPath?: string;
  sqlEndpointProperties?: SqlEndpointProperties;
  defaultSchema?: string;
  [extra: string]: unknown;
}
export interface MirroredDatabase {
  id?: string;
  displayName?: string;
  description?: string;
  type?: string;
  workspaceId?: string;
  folderId?: string;
  properties?: MirroredDatabaseProperties;
  [extra: string]: unknown;
}

export interface DefinitionPart {
  /** mirroring.json (required) or .platform. */
  path: string;
  payload: string;
  /** InlineBase64 (open). */
  payloadType: string;
}
export interface MirroredDatabaseDefinition {
  format?: string;
  parts: DefinitionPart[];
}
export interface CreateMirroredDatabaseRequest {
  displayName: string;
  description?: string;
  folderId?: string;
  definition: MirroredDatabaseDefinition;
  [extra: string]: unknown;
}
export interface UpdateMirroredDatabaseRequest {
  displayName?: string;
  description?: string;
}

/** Initializing, Initialized, Starting, Running, Paused, Stopping, Stopped (open). */
export type MirroringStatus = string;
export interface FabricErrorBody {
  errorCode?: string;
  message?: string;
  [extra: string]: unknown;
}
export interface MirroringStatusResponse {
  status?: MirroringStatus;
  error?: FabricErrorBody;
  [extra: string]: unknown;
}
export interface TableMirroringMetrics {
  processedBytes?: number;
  processedRows?: number;
  lastSyncDateTime?: string;
  lastSyncLatencyInSeconds?: number;
}
export interface TableMirroringStatus {
  /** Table | View (open). */
  sourceObjectType?: string;
  sourceSchemaName?: string;
  sourceTableName?: string;
  /** Initialized, Snapshotting, Replicating, Reseeding, Stopped, Failed (open). */
  status?: string;
  metrics?: TableMirroringMetrics;
  error?: FabricErrorBody;
  [extra: string]: unknown;
}

export const WORKSPACE = model('Workspace', {
  id: 'string',
  displayName: 'string',
  description: 'string',
  type: 'string',
  capacityId: 'string',
  apiEndpoint: 'string',
  domainId: 'string',
  capacityRegion: 'string',
  tags: arrayOf('object'),
});
export const MIRRORED_DATABASE = model('MirroredDatabase', {
  id: 'string',
  displayName: 'string',
  description: 'string',
  type: 'string',
  workspaceId: 'string',
  folderId: 'string',
  properties: model('MirroredDatabaseProperties', {
    oneLakeTablesPath: 'string',
    defaultSchema: 'string',
    sqlEndpointProperties: model('SqlEndpointProperties', { connectionString: 'string', id: 'string', provisioningStatus: 'string' }),
  }),
});
export const DEFINITION = model('MirroredDatabaseDefinition', {
  format: 'string',
  parts: arrayOf(model('MirroredDatabaseDefinitionPart', { path: 'string', payload: 'string', payloadType: 'string' })),
});
export const DEFINITION_RESPONSE = model('MirroredDatabaseDefinitionResponse', { definition: DEFINITION });
const fabricError = model('ErrorResponse', {
  errorCode: 'string',
  message: 'string',
  requestId: 'string',
  moreDetails: arrayOf('object'),
  relatedResource: 'object',
});
export const MIRRORING_STATUS = model('MirroringStatusResponse', { status: 'string', error: fabricError });
export const TABLE_MIRRORING_STATUS = model('TableMirroringStatusResponse', {
  sourceObjectType: 'string',
  sourceSchemaName: 'string',
  sourceTableName: 'string',
  status: 'string',
  error: fabricError,
  metrics: model('TableMirroringMetrics', {
    processedBytes: 'number',
    processedRows: 'number',
    lastSyncDateTime: 'string',
    lastSyncLatencyInSeconds: 'number',
  }),
});

/** Builds a definition part from a JSON document (mirroring.json), base64-encoded as the API wants. */
export function jsonPart(path: string, document: unknown): DefinitionPart {
  return { path, payload: Buffer.from(JSON.stringify(document, null, 2), 'utf8').toString('base64'), payloadType: 'InlineBase64' };
}

/** Decodes an InlineBase64 part; throws for other payload types. */
export function decodePart(part: DefinitionPart): string {
  if (part.payloadType !== 'InlineBase64')
    throw new Error(`Definition part ${part.path} uses payload type ${part.payloadType}, which this version cannot read.`);
  return Buffer.from(part.payload, 'base64').toString('utf8');
}

/** Any Fabric item (list items, the result of a create operation). */
export const FABRIC_ITEM = model('Item', {
  id: 'string',
  type: 'string',
  displayName: 'string',
  description: 'string',
  workspaceId: 'string',
  folderId: 'string',
});
/** GET /operations/{id}: NotStarted | Running | Succeeded | Failed | Undefined (open). */
export const OPERATION_STATE = model('OperationState', {
  status: 'string',
  createdTimeUtc: 'string',
  lastUpdatedTimeUtc: 'string',
  percentComplete: 'number',
  error: fabricError,
});
