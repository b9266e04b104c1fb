// What the estate scan reports, one fact per resource that matters for health, streamed as it is read.
// Facts carry what the health rules and their actions need, nothing more.

export interface SyncGroupFact {
  kind: 'syncGroup';
  id: string;
  name: string;
  hub: string;
  syncState?: string;
  lastSyncTime?: string;
  /** Seconds; -1 = manual. */
  interval?: number;
}
export interface SyncMemberFact {
  kind: 'syncMember';
  id: string;
  name: string;
  groupName: string;
  syncState?: string;
}
export interface SyncAgentFact {
  kind: 'syncAgent';
  id: string;
  name: string;
  server: string;
  state?: string;
  expiryTime?: string;
}
export interface MirroredDatabaseFact {
  kind: 'mirroredDatabase';
  workspaceId: string;
  workspaceName: string;
  itemId: string;
  name: string;
  status?: string;
  error?: string;
  failedTables: ReadonlyArray<{ name: string; message?: string }>;
  /** Replicating tables whose last sync is older than the stale threshold. */
  staleTables: ReadonlyArray<{ name: string; lastSync?: string }>;
  tableCount: number;
}
export interface ProtectedDatabaseFact {
  kind: 'protectedDatabase';
  id: string;
  name: string;
  vault: string;
  server?: string;
  protectionState?: string;
  healthStatus?: string;
  lastBackupStatus?: string;
  lastBackupTime?: string;
  lastBackupError?: string;
}
export interface FailedJobFact {
  kind: 'failedBackupJob';
  id: string;
  vault: string;
  vaultId: string;
  entity: string;
  operation?: string;
  startTime?: string;
  error?: string;
  recommendation?: string;
}
/** A part of the estate that could not be read; reported beside the rest, never instead of it. */
export interface ScanErrorFact {
  kind: 'scanError';
  service: 'dataSync' | 'fabric' | 'backup';
  scope: string;
  message: string;
  requestId?: string;
}

export type EstateFact =
  SyncGroupFact | SyncMemberFact | SyncAgentFact | MirroredDatabaseFact | ProtectedDatabaseFact | FailedJobFact | ScanErrorFact;

export const serviceOf = (f: EstateFact): 'dataSync' | 'fabric' | 'backup' =>
  f.kind === 'scanError'
    ? f.service
    : f.kind === 'mirroredDatabase'
      ? 'fabric'
      : f.kind === 'protectedDatabase' || f.kind === 'failedBackupJob'
        ? 'backup'
        : 'dataSync';
