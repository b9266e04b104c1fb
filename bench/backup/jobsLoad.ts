// What the Backup jobs view costs against the emulator's large seed (a vault with 500 protected
// databases and 5,000 jobs), through the real pipeline and the workflows the panel calls, at 50 ms
// injected latency: for the view's default window (7 days) and for all time, the requests, pages,
// time to the first page and time to every page ("Load more" until the last), and one refresh
// (the first page again) as the panel does while jobs run.
// Run: npx tsx bench/backup/jobsLoad.ts
import { periodFilter, type JobPeriod } from '../../src/backup/workflows/jobsQuery';
import { readJobsPage } from '../../src/backup/workflows/jobsWorkflows';
import { vaultRefOf } from '../../src/backup/backupTarget';
import { listVaults } from '../../src/backup/workflows/browseWorkflows';
import { backupReadContext, startBenchEmulator } from '../support/benchEmulator';

const LATENCY_MS = 50;

async function main(): Promise<void> {
  const bench = await startBenchEmulator();
  const { requests } = bench;
  try {
    const ctx = backupReadContext(bench);
    const clients = ctx.clients();
    const subs = await clients.subscriptions.list().toArray();
    let vault;
    for (const s of subs) {
      vault ??= vaultRefOf((await listVaults(ctx, s.subscriptionId!)).find((v) => v.name === 'large-backup-vault')?.id);
    }
    if (!vault) throw new Error('the large seed has no large-backup-vault');
    bench.emulator.control.setLatency(LATENCY_MS);

    for (const period of ['7d', 'all'] as JobPeriod[]) {
      const filters = periodFilter(period);
      const from = requests.length;
      const t0 = performance.now();
      let page = await readJobsPage(ctx, vault, filters);
      const firstMs = performance.now() - t0;
      let jobs = page.jobs.length;
      let pages = 1;
      while (page.skipToken) {
        page = await readJobsPage(ctx, vault, filters, page.skipToken);
        jobs += page.jobs.length;
        pages++;
      }
      const allMs = performance.now() - t0;
      console.log(
        `jobs, ${period.padEnd(3)} window: ${String(jobs).padStart(5)} jobs ${String(pages).padStart(4)} pages ${String(requests.length - from).padStart(4)} requests` +
          `  first page ${(firstMs / 1000).toFixed(2)} s  all pages ${(allMs / 1000).toFixed(2)} s`,
      );
    }
    const from = requests.length;
    const t0 = performance.now();
    await readJobsPage(ctx, vault, periodFilter('7d'));
    console.log(`refresh (first page again):  ${requests.length - from} request  ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  } finally {
    await bench.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
