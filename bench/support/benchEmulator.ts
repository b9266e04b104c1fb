// What every benchmark starts from: the emulator on a seed (large by default) in a throw-away folder, a
// signed-in connection whose request log is kept, read-only service contexts over it, and `measure`,
// which prints one line per step — requests sent, pages of a kind, seconds. Benchmarks read; nothing
// here starts an operation.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection, type AzureConnection } from '../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../src/auth/secretStore';
import { emulatorCloud, type AzureCloud } from '../../src/azure/clouds';
import { MirroredDatabasesClient } from '../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../src/azure/fabric/workspacesClient';
import type { RequestLogEntry } from '../../src/azure/http/requestLogger';
import { SubscriptionsClient } from '../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../src/azure/sql/sqlServersClient';
import { backupClientsFor, type BackupContext } from '../../src/backup/backupContext';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator/index';
import type { FabricContext } from '../../src/fabric/fabricContext';

export interface BenchEmulator {
  emulator: EmulatorHandle;
  cloud: AzureCloud;
  conn: AzureConnection;
  /** Every request the connection sent, in order. */
  requests: RequestLogEntry[];
  /** Runs `body`, then prints its requests, the requests whose URL matches `pages` (counted as pages) and its time. */
  measure<T>(what: string, body: () => Promise<T>, pages?: { label: string; url: RegExp }): Promise<T>;
  stop(): Promise<void>;
}

export async function startBenchEmulator(options: Partial<EmulatorOptions> = {}): Promise<BenchEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-bench-'));
  const emulator = await startEmulator({ seed: 'large', port: 0, dataDir, ...options });
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
  return {
    emulator,
    cloud,
    conn,
    requests,
    async measure(what, body, pages) {
      const from = requests.length;
      const t0 = performance.now();
      const result = await body();
      const seconds = (performance.now() - t0) / 1000;
      const sent = requests.slice(from);
      const paged = pages ? ` ${String(sent.filter((r) => pages.url.test(r.url)).length).padStart(4)} ${pages.label}` : '';
      console.log(`${what.padEnd(52)} ${String(sent.length).padStart(5)} requests${paged} ${seconds.toFixed(2).padStart(7)} s`);
      return result;
    },
    async stop() {
      conn.dispose();
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A service context for reads: operations are not available (a benchmark that starts one is a mistake). */
function readOnly<C>(clients: C) {
  return {
    clients: () => clients,
    get operations(): never {
      throw new Error('not used by reads');
    },
    environmentKey: () => 'LocalEmulator',
    refresh: () => undefined,
  };
}

export function backupReadContext({ conn, cloud }: Pick<BenchEmulator, 'conn' | 'cloud'>): BackupContext {
  return readOnly(backupClientsFor(cloud, conn.arm));
}

export function fabricReadContext({ conn, cloud }: Pick<BenchEmulator, 'conn' | 'cloud'>): FabricContext {
  const fabric = conn.fabric;
  if (!fabric) throw new Error('the emulator connection has no Fabric endpoint');
  return readOnly({
    cloud,
    fabric,
    arm: conn.arm,
    workspaces: new FabricWorkspacesClient(fabric),
    mirroredDatabases: new MirroredDatabasesClient(fabric),
    subscriptions: new SubscriptionsClient(conn.arm),
    servers: new SqlServersClient(conn.arm),
  });
}
