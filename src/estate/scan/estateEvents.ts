// What an estate scan reports, one event at a time as answers arrive, so a view can fill in while the
// scan is still running. A failure in one subscription, server or workspace is an event beside the rest.
import type { SqlServer } from '../../azure/sql/serverModels';
import type { SyncAgent, SyncGroup, SyncMember } from '../../azure/sql/syncModels';
import type { MirroredDatabase, MirroringStatusResponse, TableMirroringStatus, Workspace } from '../../azure/fabric/fabricModels';
import type { BackupJob, ProtectedItem, Vault } from '../../azure/backup/backupModels';

export type EstatePart = 'dataSync' | 'fabric' | 'backup';

export type EstateEvent =
  | { kind: 'syncGroup'; subscriptionId: string; databaseId: string; group: SyncGroup; members: SyncMember[] }
  | { kind: 'syncAgents'; subscriptionId: string; server: SqlServer; agents: SyncAgent[] }
  | {
      kind: 'mirroredDatabase';
      workspace: Workspace;
      item: MirroredDatabase;
      status?: MirroringStatusResponse;
      /** Every table's mirroring status (read only while the database is Running). */
      tables: TableMirroringStatus[];
      /** Tables whose mirroring status is Failed. */
      failedTables: TableMirroringStatus[];
    }
  | { kind: 'protectedDatabase'; subscriptionId: string; vault: Vault; item: ProtectedItem; lastJob?: BackupJob }
  /** A job of the last 24 hours that failed (any operation: backup, restore, configure protection…). */
  | { kind: 'failedBackupJob'; subscriptionId: string; vault: Vault; job: BackupJob }
  | {
      kind: 'failure';
      part: EstatePart;
      /** The subscription id, ARM id or workspace id whose part of the scan failed. */
      scope: string;
      error: unknown;
    };

export type EstateListener = (event: EstateEvent) => void;

export interface EstateCounts {
  subscriptions: number;
  servers: number;
  databases: number;
  syncGroups: number;
  syncMembers: number;
  syncAgents: number;
  workspaces: number;
  mirroredDatabases: number;
  vaults: number;
  protectedDatabases: number;
  failures: number;
}

export const emptyCounts = (): EstateCounts => ({
  subscriptions: 0,
  servers: 0,
  databases: 0,
  syncGroups: 0,
  syncMembers: 0,
  syncAgents: 0,
  workspaces: 0,
  mirroredDatabases: 0,
  vaults: 0,
  protectedDatabases: 0,
  failures: 0,
});
