// How long the SQL Data Sync tree takes to load, fully expanded, against the emulator's large seed:
// the same client calls the tree nodes make (subscriptions → servers → databases → sync groups →
// members), through the real pipeline with its per-host concurrency limit, at several latencies.
// Run: npx tsx bench/dataSync/treeLoad.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection } from '../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../src/auth/secretStore';
import { emulatorCloud } from '../../src/azure/clouds';
import type { RequestLogEntry } from '../../src/azure/http/requestLogger';
import { SubscriptionsClient } from '../../src/azure/resources/subscriptionsClient';
import { isSystemDatabase } from '../../src/azure/sql/serverModels';
import { SqlServersClient } from '../../src/azure/sql/sqlServersClient';
import { SyncGroupsClient } from '../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../src/azure/sql/syncMembersClient';
import { databaseRefFromId, serverRefFromId, syncGroupRefFromId } from '../../src/dataSync/dataSyncRefs';
import { startEmulator } from '../../src/emulator/index';

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tree-'));
  // Compares concurrency levels and latencies, so ARM throttling stays off (bench/estate measures it).
  const emulator = await startEmulator({ seed: 'large', port: 0, dataDir, throttling: false });
  try {
    console.log('latency  requests  servers  groups  members  time (s)  concurrency');
    // Serial loading at 100 ms would take minutes; its 50 ms row already shows the effect.
    const runs: [number, number][] = [
      [0, 1],
      [0, 8],
      [50, 1],
      [50, 8],
      [100, 8],
      [100, 16],
    ];
    for (const [latencyMs, maxConcurrencyPerHost] of runs) {
      {
        emulator.control.setLatency(latencyMs);
        const requests: RequestLogEntry[] = [];
        const secrets = new InMemorySecretStore();
        await secrets.store('emulator', 'emulator');
        const conn = createAzureConnection({
          cloud: emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem }),
          secrets,
          source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: 'emulator', secretKey: 'emulator' },
          logger: { log: (e) => requests.push(e) },
          maxConcurrencyPerHost,
        });
        const t0 = performance.now();
        const counts = await loadTree(conn.arm);
        const seconds = (performance.now() - t0) / 1000;
        console.log(
          `${String(latencyMs).padStart(5)} ms ${String(requests.length).padStart(9)} ${String(counts.servers).padStart(8)} ${String(counts.groups).padStart(7)} ${String(counts.members).padStart(8)} ${seconds.toFixed(2).padStart(9)}  ${maxConcurrencyPerHost}`,
        );
        conn.dispose();
      }
    }
  } finally {
    await emulator.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function loadTree(arm: ReturnType<typeof createAzureConnection>['arm']) {
  const subs = new SubscriptionsClient(arm);
  const servers = new SqlServersClient(arm);
  const groups = new SyncGroupsClient(arm);
  const members = new SyncMembersClient(arm);
  const counts = { servers: 0, groups: 0, members: 0 };
  for (const sub of await subs.list().toArray()) {
    const serverList = await servers.listServers(sub.subscriptionId as string).toArray();
    counts.servers += serverList.length;
    await Promise.all(
      serverList.map(async (server) => {
        const dbs = (await servers.listDatabases(serverRefFromId(server.id as string)).toArray()).filter((d) => !isSystemDatabase(d));
        const perDb = await Promise.all(dbs.map((db) => groups.list(databaseRefFromId(db.id as string)).toArray()));
        const all = perDb.flat();
        counts.groups += all.length;
        const perGroup = await Promise.all(all.map((g) => members.list(syncGroupRefFromId(g.id as string)).toArray()));
        counts.members += perGroup.flat().length;
      }),
    );
  }
  return counts;
}

void main();
