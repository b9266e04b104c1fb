import { strict as assert } from 'node:assert';
import type { VaultRef } from '../../../src/azure/backup/backupPaths';
import { isAzureRequestError } from '../../../src/azure/http/azureError';
import { vaultRefOf } from '../../../src/backup/backupTarget';
import {
  newPolicyDocument,
  policyChanged,
  policyDocument,
  policyExists,
  policyNameProblem,
  readPolicy,
  savePolicy,
} from '../../../src/backup/workflows/policyWorkflows';
import { startBackupHarness, type BackupHarness } from './backupHarness';

describe('backup policy workflows (emulator)', function () {
  this.timeout(60_000);
  let h: BackupHarness;
  let vault: VaultRef;

  before(async () => {
    h = await startBackupHarness();
    const subs = await h.clients.subscriptions.list().toArray();
    const prod = subs.find((s) => s.displayName === 'Contoso Production');
    const vaults = await h.clients.vaults.listVaults(prod!.subscriptionId!).toArray();
    vault = vaultRefOf(vaults.find((v) => v.name === 'contoso-backup-weu')?.id)!;
    assert.ok(vault);
  });
  after(() => h.stop());

  it('the document is the PUT body without read-only fields', async () => {
    const policy = await readPolicy(h.ctx, vault, 'SqlHourlyLog');
    const doc = policyDocument(policy);
    assert.deepEqual(Object.keys(doc), ['properties']);
    assert.equal(doc.properties.protectedItemsCount, undefined);
    assert.equal(doc.properties.workLoadType, 'SQLDataBase');
    assert.equal(policyChanged(policy, doc), false);
  });

  it('saves an edit with PUT through the operations center and reads the result back', async () => {
    const doc = policyDocument(await readPolicy(h.ctx, vault, 'SqlDailyFull'));
    const full = (doc.properties.subProtectionPolicy as Array<Record<string, Record<string, Record<string, Record<string, unknown>>>>>)[0];
    full.retentionPolicy.dailySchedule.retentionDuration = { count: 45, durationType: 'Days' };
    h.requests.length = 0;
    const saved = await savePolicy(h.ctx, vault, 'SqlDailyFull', doc);
    const put = h.requests.find((r) => r.method === 'PUT');
    assert.ok(put?.path.endsWith('/backupPolicies/SqlDailyFull'));
    assert.deepEqual(put?.body, { properties: doc.properties });
    assert.ok(
      h.requests.some((r) => r.method === 'GET' && /\/backupPolicies\/SqlDailyFull\/operation/.test(r.path)),
      'the 202 was followed',
    );
    assert.equal(policyChanged(saved, doc), false);
    const op = h.tracker.list().history.find((r) => r.title === 'Save backup policy SqlDailyFull');
    assert.equal(op?.status, 'succeeded');
    assert.ok(h.refreshed.some((id) => id?.endsWith('/backupPolicies/SqlDailyFull')));
  });

  it('creates a policy from the template; its name is checked first', async () => {
    assert.match(policyNameProblem('1abc') ?? '', /starts with a letter/);
    assert.match(policyNameProblem('ab') ?? '', /3–150/);
    assert.equal(policyNameProblem('Nightly-Full_1'), undefined);
    assert.equal(await policyExists(h.ctx, vault, 'NightlyFull'), false);
    assert.equal(await policyExists(h.ctx, vault, 'DefaultPolicy'), true, 'an Azure VM policy counts too');
    await savePolicy(h.ctx, vault, 'NightlyFull', newPolicyDocument(), { creating: true });
    assert.equal(await policyExists(h.ctx, vault, 'NightlyFull'), true);
  });

  it('a policy the service refuses fails with its code and request id, and nothing changes', async () => {
    const before = policyDocument(await readPolicy(h.ctx, vault, 'SqlHourlyLog'));
    const bad = JSON.parse(JSON.stringify(before)) as typeof before;
    const log = (bad.properties.subProtectionPolicy as Array<Record<string, Record<string, unknown>>>)[1];
    log.schedulePolicy.scheduleFrequencyInMins = 45;
    await assert.rejects(
      () => savePolicy(h.ctx, vault, 'SqlHourlyLog', bad),
      (e: unknown) => isAzureRequestError(e) && e.code === 'BMSUserErrorInvalidPolicyInput' && e.status === 400 && !!e.requestId,
    );
    assert.equal(policyChanged(await readPolicy(h.ctx, vault, 'SqlHourlyLog'), before), false);
  });
});
