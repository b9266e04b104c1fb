// The workload error codes the emulator can produce (from Azure Backup's SQL troubleshooting guide), with
// the message and recommendation a job's errorDetails / an item's lastBackupErrorDetail carry. The integer
// errorCode values are the emulator's own: the service's numbers are not published.
import type { BackupJobFailure } from '../../model';

interface CatalogEntry {
  errorCode: number;
  message: string;
  recommendation: string;
}

const CATALOG: Record<string, CatalogEntry> = {
  UserErrorSQLNoSysadminMembership: {
    errorCode: 59001,
    message: "Azure Backup service's workload extension does not have sysadmin privileges on the SQL instance.",
    recommendation:
      'Grant the NT SERVICE\\AzureWLBackupPluginSvc account the sysadmin role on every SQL instance of the VM, then re-run discovery.',
  },
  UserErrorOpeningSQLConnection: {
    errorCode: 59002,
    message: 'Azure Backup is not able to connect to the SQL instance.',
    recommendation: 'Check that the SQL instance is running and that NT AUTHORITY\\SYSTEM can log in, then retry.',
  },
  UserErrorSQLPODoesNotSupportBackupType: {
    errorCode: 59003,
    message: 'The database does not support the requested backup type.',
    recommendation: 'Log backups need the FULL or BULK_LOGGED recovery model; master supports only Full backups.',
  },
  UserErrorParentFullBackupMissing: {
    errorCode: 59004,
    message: 'A full backup of the database is missing. Differential and log backups need a full backup first.',
    recommendation: 'Trigger a Full backup, then retry the operation.',
  },
  UserErrorSQLLSNValidationFailure: {
    errorCode: 59005,
    message: 'The log chain is broken: a log backup was taken by another tool.',
    recommendation: 'Trigger a Full backup to start a new log chain; stop other tools from taking log backups.',
  },
  UserErrorBackupFailedAsTransactionLogIsFull: {
    errorCode: 59006,
    message: 'The transaction log of the database is full.',
    recommendation: 'Free space on the log volume or grow the log file, then retry the backup.',
  },
  UserErrorCannotRestoreExistingDBWithoutForceOverwrite: {
    errorCode: 59007,
    message: 'A database with the same name already exists at the target location.',
    recommendation: 'Choose another database name, or restore with the overwrite option.',
  },
  UserErrorSQLPODoesNotExist: {
    errorCode: 59008,
    message: 'The SQL database does not exist: it was deleted or renamed.',
    recommendation: 'Stop protection of the database if it was dropped, or re-run discovery if it was renamed.',
  },
  UserErrorVMInternetConnectivityIssue: {
    errorCode: 59009,
    message: 'The VM cannot reach the Azure Backup service.',
    recommendation: 'Allow outbound access to the AzureBackup, Storage and AzureActiveDirectory service tags.',
  },
  WorkloadExtensionNotReachable: {
    errorCode: 59010,
    message: 'The Azure Backup workload extension on the VM is not reachable.',
    recommendation: 'Re-register the VM (operationType Reregister) to repair the extension.',
  },
  CloudInternalError: {
    errorCode: 59099,
    message: 'Microsoft Azure Backup encountered an internal error.',
    recommendation: 'Wait a few minutes and try the operation again. If the issue persists, contact Microsoft support.',
  },
};

export const KNOWN_ERROR_CODES = Object.keys(CATALOG);

export function failureFor(code: string, message?: string, recommendation?: string): BackupJobFailure {
  const entry = CATALOG[code];
  return {
    code,
    errorCode: entry?.errorCode ?? 59000,
    message: message ?? entry?.message ?? code,
    recommendations: [recommendation ?? entry?.recommendation ?? 'Retry the operation.'],
  };
}
