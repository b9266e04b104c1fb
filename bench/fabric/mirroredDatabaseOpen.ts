// What the Fabric Mirroring view and the replication monitor cost against the emulator's large seed
// (`wide mirror`, Running over 1,200 tables in a 300-item workspace), through the real pipeline and the
// same workflows the tree and the monitor call, at 50 ms injected latency:
// - opening the workspace (its mirrored databases with status and source) and the database (every
//   page of its tables): requests, table pages, time;
// - the monitor on an unchanging (stopped) database: requests per read measured, reads per minute
//   from its schedule (10 s, doubling while nothing changes, 2 min at most), and while hidden (none).
// Run: npx tsx bench/fabric/mirroredDatabaseOpen.ts
import { fingerprint, nextRefreshMs } from '../../src/fabric/webviews/monitorModel';
import { connectionsOnce, listMirroredDatabases, listWorkspaces, readSourceDatabase } from '../../src/fabric/workflows/itemWorkflows';
import { readMirroringStatus, readTableStatuses } from '../../src/fabric/workflows/mirroringWorkflows';
import { fabricReadContext, startBenchEmulator } from '../support/benchEmulator';

const LATENCY_MS = 50;
const TABLE_PAGES = { label: 'table pages', url: /getTablesMirroringStatus/ };

async function main(): Promise<void> {
  const bench = await startBenchEmulator({ fabric: { maxTables: 5000, stopMs: 200 } });
  const { requests } = bench;
  try {
    const ctx = fabricReadContext(bench);
    const clients = ctx.clients();
    bench.emulator.control.setLatency(LATENCY_MS);
    const measure = <T>(what: string, body: () => Promise<T>) => bench.measure(what, body, TABLE_PAGES);

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
  } finally {
    await bench.stop();
  }
}

void main();
