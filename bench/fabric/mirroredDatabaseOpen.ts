// What the Fabric Mirroring view and the replication monitor cost against the emulator's large seed
// (`wide mirror`, Running over 1,200 tables in a 300-item workspace), through the real pipeline and the
// same workflows the tree and the monitor call, at 50 ms injected latency:
// - opening the workspace (its mirrored databases with status and source) and the database (every
//   page of its tables): requests, table pages, time;
// - the monitor on an unchanging (stopped) database: requests per read measured, reads per minute
//   from its schedule (10 s, doubling while nothing changes, 2 min at most), and while hidden (none).
// Run: npx tsx bench/fabric/mirroredDatabaseOpen.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection } from '../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../src/auth/secretStore';
import { emulatorCloud } from '../../src/azure/clouds';
import { MirroredDatabasesClient } from '../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../src/azure/fabric/workspacesClient';
import type { RequestLogEntry } from '../../src/azure/http/requestLogger';
import { SubscriptionsClient } from '../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../src/azure/sql/sqlServersClient';
import { startEmulator } from '../../src/emulator/index';
import type { FabricContext } from '../../src/fabric/fabricContext';
import { fingerprint, nextRefreshMs } from '../../src/fabric/webviews/monitorModel';
import { connectionsOnce, listMirroredDatabases, listWorkspaces, readSourceDatabase } from '../../src/fabric/workflows/itemWorkflows';
import { readMirroringStatus, readTableStatuses } from '../../src/fabric/workflows/mirroringWorkflows';

const LATENCY_MS = 50;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fabric-'));
  const emulator = await startEmulator({ seed: 'large', port: 0, dataDir, fabric: { maxTables: 5000, stopMs: 200 } });
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
    const fabric = conn.fabric!;
    const clients = {
      cloud,
      fabric,
      arm: conn.arm,
      workspaces: new FabricWorkspacesClient(fabric),
      mirroredDatabases: new MirroredDatabasesClient(fabric),
      subscriptions: new SubscriptionsClient(conn.arm),
      servers: new SqlServersClient(conn.arm),
    };
    const ctx: FabricContext = {
      clients: () => clients,
      // Reads only: nothing here starts an operation.
      get operations(): never {
        throw new Error('not used by reads');
      },
      environmentKey: () => 'LocalEmulator',
      refresh: () => undefined,
    };
    emulator.control.setLatency(LATENCY_MS);

    const measure = async <T>(what: string, body: () => Promise<T>): Promise<T> => {
      const from = requests.length;
      const t0 = performance.now();
      const result = await body();
      const seconds = (performance.now() - t0) / 1000;
      const sent = requests.slice(from);
      const pages = sent.filter((r) => /getTablesMirroringStatus/.test(r.url)).length;
      console.log(
        `${what.padEnd(44)} ${String(sent.length).padStart(5)} requests ${String(pages).padStart(4)} table pages ${seconds.toFixed(2).padStart(7)} s`,
      );
      return result;
    };

    const workspaces = await measure('list workspaces (every page)', () => listWorkspaces(ctx));
    const large = workspaces.find((w) => w.displayName === 'Large Workspace');
    if (!large?.id) throw new Error('the large seed has no Large Workspace');
    const workspaceId = large.id;
    const dbs = await measure('open the workspace (databases, status, source)', async () => {
      const list = await listMirroredDatabases(ctx, workspaceId);
      const connections = connectionsOnce(ctx);
      await Promise.all(
        list.map((d) =>
          Promise.all([
            readMirroringStatus(ctx, { workspaceId, itemId: d.id as string }),
            readSourceDatabase(ctx, { workspaceId, itemId: d.id as string }, connections),
          ]),
        ),
      );
      return list;
    });
    const wide = dbs.find((d) => d.displayName === 'wide mirror');
    if (!wide?.id) throw new Error('the large seed has no wide mirror');
    const target = { workspaceId, itemId: wide.id };
    const tables = await measure('open the database (every table page)', () => readTableStatuses(ctx, target));
    console.log(`  ${tables.length} tables`);

    // An unchanging database: stop it, then read as the monitor does.
    await clients.mirroredDatabases.stopMirroring({ workspaceId, mirroredDatabaseId: wide.id });
    for (let i = 0; (await readMirroringStatus(ctx, target)).status !== 'Stopped'; i++) {
      if (i > 100) throw new Error('the wide mirror did not stop');
      await new Promise((r) => setTimeout(r, 100));
    }
    const readOnce = async () => {
      const [mirroring, t] = await Promise.all([readMirroringStatus(ctx, target), readTableStatuses(ctx, target)]);
      return fingerprint({ mirroring, tables: t });
    };
    const from = requests.length;
    const a = await readOnce();
    const perRead = requests.length - from;
    const b = await readOnce();
    if (a !== b) throw new Error('the stopped database changed between two reads');
    const minutes = 10;
    let reads = 1;
    let delay = nextRefreshMs(undefined, 'changed');
    for (let t = delay; t <= minutes * 60_000; t += delay) {
      reads++;
      delay = nextRefreshMs(delay, 'unchanged');
    }
    console.log(`monitor, one read (status + every table page)   ${perRead} requests`);
    console.log(
      `monitor visible, unchanging, first ${minutes} min     ${reads} reads, ${((reads * perRead) / minutes).toFixed(1)} requests/min ` +
        `(steady state: ${(perRead / 2).toFixed(1)} requests/min; without backoff: ${(perRead * 6).toFixed(0)})`,
    );
    console.log('monitor hidden                                   0 requests/min (no timer while hidden)');
    conn.dispose();
  } finally {
    await emulator.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
