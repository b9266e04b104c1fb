// The Backup workflows against a real emulator (demo seed, Backup time compressed so jobs end in
// fractions of a second): the shared emulator harness plus the Backup clients and a BackupContext.
import { backupClientsFor, type BackupClients, type BackupContext } from '../../../src/backup/backupContext';
import type { EmulatorOptions } from '../../../src/emulator/index';
import { startEmulatorHarness, type EmulatorHarness } from '../helpers/emulatorHarness';

export interface BackupHarness extends EmulatorHarness {
  ctx: BackupContext;
  clients: BackupClients;
  /** The ids passed to ctx.refresh (undefined: everything). */
  refreshed: Array<string | undefined>;
}

export async function startBackupHarness(options: Partial<EmulatorOptions> = {}): Promise<BackupHarness> {
  const base = await startEmulatorHarness({ owner: 'backup-workflow-tests', backupTimeScale: 3600, ...options });
  const clients = backupClientsFor(base.cloud, base.conn.arm);
  const refreshed: Array<string | undefined> = [];
  return {
    ...base,
    clients,
    refreshed,
    ctx: {
      clients: () => clients,
      operations: base.tracker,
      environmentKey: () => 'LocalEmulator',
      refresh: (id) => refreshed.push(id),
    },
  };
}
