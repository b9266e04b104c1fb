// Backup state across restarts: a protection started before a restart completes after it (operations
// and jobs are data, their effects code), and a state saved before Backup existed still loads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator } from '../helpers';
import { b, backupIds, enc, track, waitForJob } from './backupTestKit';
import { errorOf, jobIdOf, jobOf, pointsOf, policiesOf, vaultOf, vaultsOf } from './backupAnswers';

describe('Backup persistence', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-backup-persist-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a backup job running at shutdown finishes after the restart and adds its point', async () => {
    const dir = tmp();
    // Scale 30: the Full job runs 4 s, longer than the restart.
    const a = await startTestEmulator({ backupTimeScale: 30 }, dir);
    const ids = backupIds(a.emu);
    const points = async (t: typeof a) =>
      pointsOf(await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints?$filter=restorePointQueryType eq 'Full'`)))).value.length;
    const before = await points(a);
    const r = await a.call('POST', b(`${enc(ids.salesItem)}/backup`), {
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
    });
    const jobId = jobIdOf((await track(a, r.headers['azure-asyncoperation'])).final);
    assert.equal(jobOf(await a.call('GET', b(`${ids.vault}/backupJobs/${jobId}`))).properties.status, 'InProgress');
    await a.stop(true);

    const c = await startTestEmulator({ backupTimeScale: 30 }, dir);
    try {
      const job = jobOf(await waitForJob(c, ids.vault, jobId));
      assert.equal(job.properties.status, 'Completed');
      assert.equal(await points(c), before + 1);
    } finally {
      await c.stop(true);
    }
  });

  it('loads a state saved before Backup existed (no vaults, no VMs) and serves empty lists', async () => {
    const dir = tmp();
    const a = await startTestEmulator({}, dir);
    const ids = backupIds(a.emu);
    await a.stop(true);
    const file = path.join(dir, 'state.json');
    const old = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete old.backup;
    delete old.virtualMachines;
    fs.writeFileSync(file, JSON.stringify(old));
    const c = await startTestEmulator({}, dir);
    try {
      const vaults = await c.call('GET', b(`/subscriptions/${ids.prod}/providers/Microsoft.RecoveryServices/vaults`, '2026-08-01'));
      assert.equal(vaults.status, 200, vaults.text);
      assert.deepEqual(vaultsOf(vaults).value, []);
      const created = await c.call('PUT', b(ids.vault, '2026-08-01'), { body: { location: 'westeurope' } });
      assert.equal(created.status, 201, created.text);
      const policies = await c.call('GET', b(`${ids.vault}/backupPolicies`));
      assert.deepEqual(policiesOf(policies).value, []);
      const again = await c.call('PUT', b(ids.vault, '2026-08-01'), { body: { location: 'westeurope', tags: { a: 'b' } } });
      assert.equal(again.status, 200);
      assert.deepEqual(vaultOf(again).tags, { a: 'b' });
      const missing = await c.call('PUT', b(ids.vault, '2026-08-01'), { body: {} });
      assert.equal(missing.status, 400);
      assert.equal(errorOf(missing).code, 'LocationRequired');
    } finally {
      await c.stop();
    }
  });
});
