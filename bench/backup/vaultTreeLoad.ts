// What the Backup view costs to open a vault of 500 protected databases (the emulator's large seed:
// `large-backup-vault`, 50 VMs × 10 databases), through the real pipeline and the same workflows the
// tree's nodes call, at 50 ms injected latency:
// - subscriptions, then the subscription's vaults;
// - expanding the vault: its registered VMs and its protected databases (every page), read once and
//   handed to the VMs, so expanding every VM and instance afterwards sends nothing;
// - for comparison, refreshing every VM (each reads only its own databases);
// - the vault's policies and a database's first page of recovery points.
// Run: npx tsx bench/backup/vaultTreeLoad.ts
import { containerRefOf, protectedItemRefOf, vaultRefOf } from '../../src/backup/backupTarget';
import {
  byContainer,
  byInstance,
  listContainers,
  listPolicies,
  listProtectedDatabases,
  listRecoveryPoints,
  listSubscriptions,
  listVaults,
} from '../../src/backup/workflows/browseWorkflows';
import { withLargeBackupEmulator } from './largeBackupEmulator';

const LATENCY_MS = 50;
const POINTS_PAGE = 20;

async function main(): Promise<void> {
  await withLargeBackupEmulator(async ({ ctx, requests, setLatency }) => {
    setLatency(LATENCY_MS);

    const measure = async <T>(what: string, body: () => Promise<T>): Promise<T> => {
      const from = requests.length;
      const t0 = performance.now();
      const result = await body();
      const seconds = (performance.now() - t0) / 1000;
      const sent = requests.slice(from);
      const pages = sent.filter((r) => /\/backupProtectedItems/.test(r.url)).length;
      console.log(
        `${what.padEnd(52)} ${String(sent.length).padStart(5)} requests ${String(pages).padStart(4)} item pages ${seconds.toFixed(2).padStart(7)} s`,
      );
      return result;
    };

    const subs = await measure('list subscriptions', () => listSubscriptions(ctx));
    let vaultId: string | undefined;
    await measure(`list vaults of ${subs.length} subscriptions (in parallel)`, async () => {
      const all = await Promise.all(subs.map((s) => listVaults(ctx, s.subscriptionId as string)));
      vaultId = all.flat().find((v) => v.name === 'large-backup-vault')?.id;
    });
    const vault = vaultId ? vaultRefOf(vaultId) : undefined;
    if (!vault) throw new Error('the large seed has no large-backup-vault');

    const { containers, items } = await measure('expand the vault (VMs + protected databases)', async () => {
      const [c, i] = await Promise.all([listContainers(ctx, vault), listProtectedDatabases(ctx, vault)]);
      return { containers: c, items: i };
    });
    const grouped = byContainer(items);
    let databases = 0;
    await measure('expand every VM and instance (prefetched)', () => {
      for (const c of containers) for (const g of byInstance(grouped.get((c.name ?? '').toLowerCase()) ?? [])) databases += g.items.length;
      return Promise.resolve();
    });
    console.log(`  ${containers.length} VMs, ${items.length} protected databases, ${databases} shown under their instances`);
    await measure(`refresh every VM (${containers.length}, in parallel)`, () =>
      Promise.all(containers.map((c) => listProtectedDatabases(ctx, vault, { container: containerRefOf(c.id)!.container }))),
    );
    await measure('expand Policies', () => listPolicies(ctx, vault));
    const first = protectedItemRefOf(items[0].id)!;
    await measure(`expand a database (first ${POINTS_PAGE} recovery points)`, () => listRecoveryPoints(ctx, first, POINTS_PAGE));
  });
}

void main();
