// The emulator's persisted Microsoft Fabric state: capacities, workspaces (with role assignments and
// generic items), connections to the ARM estate's SQL databases, mirrored databases with their
// per-table replication progress, and Fabric long-running operations. Keys are lower-cased GUIDs.

export type CapacityState = 'Active' | 'Paused';

export interface CapacityRecord {
  id: string;
  displayName: string;
  sku: string;
  region: string;
  state: CapacityState;
}

export interface WorkspaceRecord {
  id: string;
  displayName: string;
  description: string;
  /** Workspace | Personal | AdminWorkspace */
  type: string;
  capacityId?: string;
  domainId?: string;
  /** The signed-in caller's role here (drives ?roles=); default Admin. */
  callerRole?: string;
}

export interface PrincipalRecord {
  id: string;
  /** User | ServicePrincipal | Group | ServicePrincipalProfile | EntireTenant */
  type: string;
  displayName?: string;
}

export interface RoleAssignmentRecord {
  id: string;
  workspaceId: string;
  principal: PrincipalRecord;
  /** Admin | Member | Contributor | Viewer */
  role: string;
}

/** An item that is not a mirrored database (Lakehouse, Notebook, …): listed, never operated on. */
export interface ItemRecord {
  id: string;
  workspaceId: string;
  type: string;
  displayName: string;
  description: string;
  folderId?: string;
}

export interface ConnectionRecord {
  id: string;
  displayName: string;
  /** ShareableCloud | PersonalCloud | OnPremisesGateway | … */
  connectivityType: string;
  /** `<server>.database.windows.net;<database>` */
  path: string;
  /** The ARM database the path names (the connection is listed only while it exists). */
  databaseId: string;
  credentialType: string;
}

/** Initializing, Initialized, Starting, Running, Paused, Stopping, Stopped (open in the API). */
export type MirroringStatus = 'Initializing' | 'Initialized' | 'Starting' | 'Running' | 'Paused' | 'Stopping' | 'Stopped';
/** Initialized, Snapshotting, Replicating, Reseeding, Stopped, Failed (open in the API). */
export type TableStatus = 'Initialized' | 'Snapshotting' | 'Replicating' | 'Reseeding' | 'Stopped' | 'Failed';

export interface FabricErrorInfo {
  errorCode: string;
  message: string;
}

export interface MirroredTableRecord {
  schemaName: string;
  tableName: string;
  status: TableStatus;
  /** When the current snapshot (or reseed) began. */
  phaseStartedAt?: number;
  processedRows: number;
  processedBytes: number;
  /** Rows the initial snapshot copies (deterministic per table). */
  snapshotRows: number;
  /** Average bytes per row (from the column sizes). */
  rowBytes: number;
  /** Changes replicated per second once Replicating. */
  rowsPerSecond: number;
  lastSyncAt?: number;
  lastSyncLatencyInSeconds?: number;
  /** Set when the table is Failed: a limitation of the source table, or a failure injected through the control API. */
  error?: FabricErrorInfo;
  /** Failed through the control API: cleared by a reseed or the next start; a stop turns the table Stopped. */
  injectedFailure?: boolean;
}

/** The decoded mirroring.json, as validated (kept as the client sent it, so getDefinition returns it unchanged). */
export interface MirroringDocument {
  properties: {
    source: { type: string; typeProperties?: { connection?: string; database?: string; [k: string]: unknown } };
    target: {
      type: string;
      typeProperties: { format: string; defaultSchema?: string; retentionInDays?: number; [k: string]: unknown };
    };
    mountedTables?: { source: { typeProperties: { schemaName: string; tableName: string } } }[];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

export interface MirroredDatabaseRecord {
  id: string;
  workspaceId: string;
  displayName: string;
  description: string;
  folderId?: string;
  /** The `mirroring.json` part, decoded. */
  mirroring: MirroringDocument;
  /** The `.platform` part as sent (base64), when there was one. */
  platformPayload?: string;
  sqlEndpointId: string;
  status: MirroringStatus;
  /** When the current status began (drives the timed transitions). */
  statusSince: number;
  tables: MirroredTableRecord[];
  /** Database-level error (getMirroringStatus `error`). */
  error?: FabricErrorInfo;
  /** Counts getDefinition / updateDefinition calls: the emulator answers every other one with 202. */
  definitionCalls: number;
  /** Last time the replication metrics advanced. */
  metricsAt?: number;
}

export type FabricOperationStatus = 'NotStarted' | 'Running' | 'Succeeded' | 'Failed';

export interface FabricOperationRecord {
  id: string;
  createdAt: number;
  finishAt: number;
  /** Fault injection (lro-fail): the operation fails at this time, changing nothing. */
  failAt?: number;
  /** Set at the end: the /result body (undefined = the operation has no result). */
  result?: unknown;
  /** What the operation does when it finishes (applied by the module). */
  action:
    | { kind: 'getDefinition'; mirroredDatabaseId: string; format?: string }
    | {
        kind: 'updateDefinition';
        mirroredDatabaseId: string;
        mirroring: MirroringDocument;
        platformPayload?: string;
        /** ?updateMetadata=true: the item's displayName / description follow the .platform metadata. */
        updateMetadata?: boolean;
      };
  status: FabricOperationStatus;
  error?: FabricErrorInfo;
}

export interface FabricState {
  capacities: Record<string, CapacityRecord>;
  workspaces: Record<string, WorkspaceRecord>;
  roleAssignments: Record<string, RoleAssignmentRecord>;
  items: Record<string, ItemRecord>;
  connections: Record<string, ConnectionRecord>;
  mirroredDatabases: Record<string, MirroredDatabaseRecord>;
  operations: Record<string, FabricOperationRecord>;
}

export function emptyFabricState(): FabricState {
  return { capacities: {}, workspaces: {}, roleAssignments: {}, items: {}, connections: {}, mirroredDatabases: {}, operations: {} };
}
