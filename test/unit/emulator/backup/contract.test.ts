// Contract tests: Backup and vault responses validate against the saved spec paths (bms 2026-02-01,
// vaults 2026-08-01) with the SDK-derived definitions (fixtures/README.md). Every call through the test
// harness is checked already; here each operation is checked explicitly, and mutated bodies prove the
// schemas reject what the service must not send (the polymorphic dispatch reaches the concrete models).
import assert from 'node:assert/strict';
import { startTestEmulator, type CallResult, type TestEmulator } from '../helpers';
import { anyPageOf, itemOf, jobsOf, pointOf, pointsOf } from './backupAnswers';
import { BACKUP_FILE, explain, responseValidator, VAULTS_FILE } from '../specSchemas';
import { b, backupIds, enc, FAST_BACKUP, track, VAULTS } from './backupTestKit';

const V = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}';
const C = `${V}/backupFabrics/{fabricName}/protectionContainers/{containerName}`;
const I = `${C}/protectedItems/{protectedItemName}`;

describe('Backup contract (responses match the spec schemas)', function () {
  this.timeout(30_000);
  let t: TestEmulator;
  let ids: ReturnType<typeof backupIds>;

  before(async () => {
    t = await startTestEmulator(FAST_BACKUP);
    ids = backupIds(t.emu);
  });
  after(() => t.stop());

  async function check(file: string, specPath: string, method: string, url: string, status: number): Promise<CallResult> {
    const r = await t.call(method, url);
    assert.equal(r.status, status, r.text);
    const validate = await responseValidator(file, specPath, method, status >= 400 ? 'default' : String(status));
    assert.ok(validate(r.body), `${method} ${url}\n${explain(validate)}\n${r.text.slice(0, 400)}`);
    return r;
  }

  it('vaults (list by subscription, by resource group; get) match VaultList / Vault', async () => {
    const list = await check(
      VAULTS_FILE,
      '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults',
      'GET',
      b(`/subscriptions/${ids.prod}/providers/Microsoft.RecoveryServices/vaults`, VAULTS),
      200,
    );
    assert.equal(anyPageOf(list).value.length, 2);
    const v = await responseValidator(
      VAULTS_FILE,
      '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults',
      'GET',
      '200',
    );
    const one = await t.call('GET', b(ids.vault, VAULTS));
    const vault = one.body as Record<string, unknown>;
    assert.ok(v({ value: [vault] }), explain(v));
    assert.ok(!v({ value: [{ ...vault, tags: { a: 1 } }] }), 'tag values must be strings');
  });

  it('policies, containers, protectable containers and items, protected items, points and jobs match their lists', async () => {
    await check(BACKUP_FILE, `${V}/backupPolicies`, 'GET', b(`${ids.vault}/backupPolicies`), 200);
    await check(BACKUP_FILE, `${V}/backupPolicies/{policyName}`, 'GET', b(`${ids.vault}/backupPolicies/SqlWeeklyFullDailyDiff`), 200);
    await check(BACKUP_FILE, `${V}/backupProtectionContainers`, 'GET', b(`${ids.vault}/backupProtectionContainers`), 200);
    await check(BACKUP_FILE, C, 'GET', b(enc(ids.prod01)), 200);
    await check(
      BACKUP_FILE,
      `${V}/backupFabrics/{fabricName}/protectableContainers`,
      'GET',
      b(`${ids.vault}/backupFabrics/Azure/protectableContainers`),
      200,
    );
    const items = await check(BACKUP_FILE, `${V}/backupProtectableItems`, 'GET', b(`${ids.vault}/backupProtectableItems`), 200);
    assert.ok(anyPageOf(items).value.length > 10);
    await check(BACKUP_FILE, `${V}/backupProtectedItems`, 'GET', b(`${ids.vault}/backupProtectedItems`), 200);
    await check(BACKUP_FILE, I, 'GET', b(enc(ids.salesItem)), 200);
    const points = await check(
      BACKUP_FILE,
      `${I}/recoveryPoints`,
      'GET',
      b(enc(`${ids.salesItem}/recoveryPoints?$filter=extendedInfo eq 'True'`)),
      200,
    );
    await check(
      BACKUP_FILE,
      `${I}/recoveryPoints/{recoveryPointId}`,
      'GET',
      b(enc(`${ids.salesItem}/recoveryPoints/${pointsOf(points).value[0].name}`)),
      200,
    );
    await check(
      BACKUP_FILE,
      `${I}/recoveryPoints/{recoveryPointId}`,
      'GET',
      b(enc(`${ids.salesItem}/recoveryPoints/DefaultRangeRecoveryPoint`)),
      200,
    );
    const jobs = await check(BACKUP_FILE, `${V}/backupJobs`, 'GET', b(`${ids.vault}/backupJobs`), 200);
    for (const j of jobsOf(jobs).value.slice(0, 20))
      await check(BACKUP_FILE, `${V}/backupJobs/{jobName}`, 'GET', b(`${ids.vault}/backupJobs/${j.name}`), 200);
  });

  it('operation status and errors match OperationStatus / ErrorResponse', async () => {
    const r = await t.call('POST', b(`${enc(ids.salesItem)}/backup`), {
      body: { properties: { objectType: 'AzureWorkloadBackupRequest', backupType: 'Full' } },
    });
    const opId = r.headers['azure-asyncoperation'].split('/').pop()!.split('?')[0];
    await track(t, r.headers['azure-asyncoperation']);
    await check(BACKUP_FILE, `${I}/operationsStatus/{operationId}`, 'GET', b(enc(`${ids.salesItem}/operationsStatus/${opId}`)), 200);
    await check(BACKUP_FILE, `${V}/backupOperations/{operationId}`, 'GET', b(`${ids.vault}/backupOperations/${opId}`), 200);
    await check(BACKUP_FILE, I, 'GET', b(enc(`${ids.prod01}/protectedItems/SQLDataBase;mssqlserver;nope`)), 404);
    const err = await responseValidator(BACKUP_FILE, I, 'GET', 'default');
    assert.ok(!err({ error: 'text' }), 'errors are objects');
  });

  it('the schemas reject the observed wire quirks the emulator does not send (integer enums) and bad dates', async () => {
    const job = jobsOf(await t.call('GET', b(`${ids.vault}/backupJobs?$filter=operation eq 'Backup'`))).value[0];
    const jobList = await responseValidator(BACKUP_FILE, `${V}/backupJobs`, 'GET', '200');
    assert.ok(jobList({ value: [job] }), explain(jobList));
    assert.ok(!jobList({ value: [{ ...job, properties: { ...job.properties, actionsInfo: [1] } }] }), 'actionsInfo is a string enum');
    const item = itemOf(await t.call('GET', b(enc(ids.salesItem))));
    const itemSchema = await responseValidator(BACKUP_FILE, I, 'GET', '200');
    assert.ok(!itemSchema({ ...item, properties: { ...item.properties, lastBackupTime: 'yesterday' } }), 'dates are date-times');
    assert.ok(!itemSchema({ ...item, properties: { ...item.properties, protectedItemType: undefined } }), 'the discriminator is required');
    const point = pointOf(await t.call('GET', b(enc(`${ids.salesItem}/recoveryPoints/DefaultRangeRecoveryPoint`))));
    const pointSchema = await responseValidator(BACKUP_FILE, `${I}/recoveryPoints/{recoveryPointId}`, 'GET', '200');
    assert.ok(
      !pointSchema({ ...point, properties: { ...point.properties, timeRanges: [{ startTime: 5 }] } }),
      'the point-in-time model is checked',
    );
  });
});
