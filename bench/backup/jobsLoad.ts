// What the Backup jobs view costs against the emulator's large seed (a vault with 500 protected
// databases and 5,000 jobs), through the real pipeline and the workflows the panel calls, at 50 ms
// injected latency: for the view's default window (7 days) and for all time, the requests, pages,
// time to the first page and time to every page ("Load more" until the last), and one refresh
// (the first page again) as the panel does while jobs run.
// Run: npx tsx bench/backup/jobsLoad.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection } from '../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../src/auth/secretStore';
import { BackupDiscoveryClient } from '../../src/azure/backup/backupDiscoveryClient';
import { BackupProtectionClient } from '../../src/azure/backup/backupProtectionClient';
import { BackupVaultsClient } from '../../src/azure/backup/vaultsClient';
import { emulatorCloud } from '../../src/azure/clouds';
import type { RequestLogEntry } from '../../src/azure/http/requestLogger';
import { SubscriptionsClient } from '../../src/azure/resources/subscriptionsClient';
import type { BackupContext } from '../../src/backup/backupContext';
import { periodFilter, type JobPeriod } from '../../src/backup/workflows/jobsQuery';
import { readJobsPage } from '../../src/backup/workflows/jobsWorkflows';
import { vaultRefOf } from '../../src/backup/backupTarget';
import { listVaults } from '../../src/backup/workflows/browseWorkflows';
import { startEmulator } from '../../src/emulator/index';

const LATENCY_MS = 50;

async function main(): Promise<void> {
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
    const clients = {
      cloud,
      arm: conn.arm,
      subscriptions: new SubscriptionsClient(conn.arm),
      vaults: new BackupVaultsClient(conn.arm),
      discovery: new BackupDiscoveryClient(conn.arm),
      protection: new BackupProtectionClient(conn.arm),
    };
    const ctx: BackupContext = {
      clients: () => clients,
      // Reads only: nothing here starts an operation.
      get operations(): never {
        throw new Error('not used by reads');
      },
      environmentKey: () => 'LocalEmulator',
      refresh: () => undefined,
    };
    const subs = await clients.subscriptions.list().toArray();
    let vault;
    for (const s of subs) {
      vault ??= vaultRefOf((await listVaults(ctx, s.subscriptionId!)).find((v) => v.name === 'large-backup-vault')?.id);
    }
    if (!vault) throw new Error('the large seed has no large-backup-vault');
    emulator.control.setLatency(LATENCY_MS);

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
    conn.dispose();
  } finally {
    await emulator.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
