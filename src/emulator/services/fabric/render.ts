// Wire shapes of Fabric resources, as in the mirroredDatabase and platform specs' examples.
import { createHash } from 'node:crypto';
import type {
  ConnectionRecord,
  ItemRecord,
  MirroredDatabaseRecord,
  MirroredTableRecord,
  RoleAssignmentRecord,
  WorkspaceRecord,
} from '../../fabricModel';

export const MIRRORED_DATABASE_TYPE = 'MirroredDatabase';

export function renderWorkspace(w: WorkspaceRecord, region?: string): unknown {
  return {
    id: w.id,
    displayName: w.displayName,
    description: w.description,
    type: w.type,
    ...(w.capacityId ? { capacityId: w.capacityId } : {}),
    ...(w.domainId ? { domainId: w.domainId } : {}),
    ...(region ? { capacityRegion: region } : {}),
  };
}

export function renderItem(i: ItemRecord): unknown {
  return {
    id: i.id,
    type: i.type,
    displayName: i.displayName,
    description: i.description,
    workspaceId: i.workspaceId,
    ...(i.folderId ? { folderId: i.folderId } : {}),
  };
}

/** The create / update answer: the item without properties. */
export function renderMirroredDatabaseItem(md: MirroredDatabaseRecord): Record<string, unknown> {
  return {
    id: md.id,
    type: MIRRORED_DATABASE_TYPE,
    displayName: md.displayName,
    description: md.description,
    workspaceId: md.workspaceId,
    ...(md.folderId ? { folderId: md.folderId } : {}),
  };
}

const endpointHost = (md: MirroredDatabaseRecord): string => {
  const h = createHash('sha256')
    .update(md.workspaceId + md.id)
    .digest('hex');
  return `${h.slice(0, 26)}-${h.slice(26, 52)}.datawarehouse.fabric.microsoft.com`;
};

export function renderMirroredDatabase(md: MirroredDatabaseRecord): unknown {
  const defaultSchema = md.mirroring.properties.target.typeProperties.defaultSchema;
  return {
    ...renderMirroredDatabaseItem(md),
    properties: {
      oneLakeTablesPath: `https://onelake.dfs.fabric.microsoft.com/${md.workspaceId}/${md.id}/Tables`,
      sqlEndpointProperties: {
        connectionString: endpointHost(md),
        id: md.sqlEndpointId,
        provisioningStatus: md.status === 'Initializing' ? 'InProgress' : 'Success',
      },
      ...(defaultSchema ? { defaultSchema } : {}),
    },
  };
}

export function renderMirroringStatus(md: MirroredDatabaseRecord): unknown {
  return { status: md.status, ...(md.error ? { error: { ...md.error } } : {}) };
}

export function renderTableStatus(t: MirroredTableRecord): unknown {
  return {
    sourceObjectType: 'Table',
    sourceSchemaName: t.schemaName,
    sourceTableName: t.tableName,
    status: t.status,
    ...(t.lastSyncAt !== undefined
      ? {
          metrics: {
            processedBytes: t.processedBytes,
            processedRows: t.processedRows,
            lastSyncDateTime: new Date(t.lastSyncAt).toISOString(),
            ...(t.lastSyncLatencyInSeconds !== undefined ? { lastSyncLatencyInSeconds: t.lastSyncLatencyInSeconds } : {}),
          },
        }
      : {}),
    ...(t.status === 'Failed' && t.error ? { error: { ...t.error } } : {}),
  };
}

export function renderRoleAssignment(r: RoleAssignmentRecord): unknown {
  return { id: r.id, principal: { ...r.principal }, role: r.role };
}

export function renderConnection(c: ConnectionRecord): unknown {
  return {
    id: c.id,
    displayName: c.displayName,
    connectivityType: c.connectivityType,
    connectionDetails: { type: 'SQL', path: c.path },
    privacyLevel: 'Organizational',
    credentialDetails: {
      credentialType: c.credentialType,
      singleSignOnType: 'None',
      connectionEncryption: 'Encrypted',
      skipTestConnection: false,
    },
  };
}
