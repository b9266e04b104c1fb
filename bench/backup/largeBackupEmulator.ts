// What the Backup benchmarks share: the emulator's large seed (large-backup-vault), the real request
// pipeline with every request recorded, and a read-only BackupContext over it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection } from '../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../src/auth/secretStore';
import { emulatorCloud } from '../../src/azure/clouds';
import type { RequestLogEntry } from '../../src/azure/http/requestLogger';
import { backupClientsFor, type BackupClients, type BackupContext } from '../../src/backup/backupContext';
import { startEmulator } from '../../src/emulator/index';

export interface LargeBackupBench {
  ctx: BackupContext;
  clients: BackupClients;
  /** Every request sent so far. */
  requests: RequestLogEntry[];
  /** Adds this latency to every emulator answer. */
  setLatency: (ms: number) => void;
}

export async function withLargeBackupEmulator(run: (bench: LargeBackupBench) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-backup-'));
  const emulator = await startEmulator({ seed: 'large', port: 0, dataDir });
  try {
    const requests: RequestLogEntry[] = [];
    const secrets = new InMemorySecretStore();
    await secrets.store('emulator', 'emulator');
    const cloud = emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem });
    const conn = createAzureConnection({
      cloud,
      secrets,
      source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: 'emulator', secretKey: 'emulator' },
      logger: { log: (e) => requests.push(e) },
    });
    const clients = backupClientsFor(cloud, conn.arm);
    const ctx: BackupContext = {
      clients: () => clients,
      // Reads only: nothing here starts an operation.
      get operations(): never {
        throw new Error('not used by reads');
      },
      environmentKey: () => 'LocalEmulator',
      refresh: () => undefined,
    };
    try {
      await run({ ctx, clients, requests, setLatency: (ms) => emulator.control.setLatency(ms) });
    } finally {
      conn.dispose();
    }
  } finally {
    await emulator.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
