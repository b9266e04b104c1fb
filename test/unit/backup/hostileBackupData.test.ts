// The typed Backup clients over the hostile seed: a failed job's error, recommendations and property bag
// arrive as plain strings, whole (the views built on them must show them as text).
import * as assert from 'node:assert/strict';
import { LONG_TAIL, PAYLOADS } from '../../../src/emulator/seeds/payloads';
import { vaultRefOf } from '../../../src/backup/backupTarget';
import { startBackupHarness, type BackupHarness } from './backupHarness';

describe('Backup clients over the hostile seed', function () {
  this.timeout(30_000);
  let h: BackupHarness;
  before(async () => {
    h = await startBackupHarness({ seed: 'hostile' });
  });
  after(() => h.stop());

  it("reads a failed job's error, recommendations and property bag whole", async () => {
    const vault = Object.values(h.emulator.control.state().backup!.vaults)[0];
    const ref = vaultRefOf(vault.id)!;
    const jobs = await h.clients.protection.listJobs(ref).toArray();
    const failed = jobs.find((j) => j.properties?.status === 'Failed');
    assert.ok(failed?.name, JSON.stringify(jobs.map((j) => j.properties?.status)));
    assert.ok(failed.properties?.entityFriendlyName?.includes(PAYLOADS.img), 'the entity name carries markup');
    const job = await h.clients.protection.getJob(ref, failed.name);
    const text = JSON.stringify(job.properties);
    for (const p of Object.values(PAYLOADS)) assert.ok(text.includes(JSON.stringify(p).slice(1, -1)), `the job carries ${p}`);
    assert.ok(text.includes(LONG_TAIL), 'the 10,000-character message arrives whole');
  });
});
