// The estate as the health view reads it, against the emulator's demo estate: every service's facts, a
// failing part reported beside the rest, the chosen subscriptions only, cancellation.
import { strict as assert } from 'node:assert';
import { scanEstate } from '../../../src/estate/scan/estateScan';
import type { EstateFact } from '../../../src/estate/workflows/estateFacts';
import { factsOf } from '../../../src/estate/workflows/estateFactsOf';
import { problemsOf } from '../../../src/estate/workflows/healthRules';
import { startEmulatorHarness, type EmulatorHarness } from '../helpers/emulatorHarness';

describe('estate facts (emulator)', function () {
  this.timeout(60_000);
  let h: EmulatorHarness;
  before(async () => {
    h = await startEmulatorHarness({ owner: 'estate-facts-tests' });
  });
  after(() => h.stop());
  beforeEach(() => {
    h.emulator.control.clearFaults();
    h.requests.length = 0;
  });

  const scan = async (options: Parameters<typeof scanEstate>[3] = {}) => {
    const facts: EstateFact[] = [];
    const counts = await scanEstate(
      h.conn.arm,
      h.conn.fabric,
      (e) => facts.push(...factsOf(e, { now: Date.now(), staleAfterMs: 30 * 60_000 })),
      options,
    );
    return { facts, counts };
  };
  const names = (facts: EstateFact[], kind: EstateFact['kind']) =>
    facts
      .filter((f) => f.kind === kind)
      .map((f) => ('name' in f ? f.name : f.kind === 'failedBackupJob' ? f.entity : ''))
      .sort();

  it('reads sync groups, members, agents, mirrored databases, protected databases and recent failed jobs', async () => {
    const { facts, counts } = await scan();
    assert.equal(counts.failures, 0);
    assert.ok(names(facts, 'syncGroup').includes('sales-sync'));
    assert.ok(names(facts, 'syncMember').includes('replica-east'));
    assert.ok(names(facts, 'syncAgent').includes('onprem-agent-03'));
    assert.ok(names(facts, 'mirroredDatabase').includes('RetailOps mirror'));
    assert.deepEqual(names(facts, 'protectedDatabase'), ['DevSales', 'InventoryDb', 'SalesDb', 'msdb']);
    // Only the failure of the last 24 hours: the two-day-old failed log backup is not a problem now.
    assert.deepEqual(names(facts, 'failedBackupJob'), ['DevSales [sqlvm-dev-01]']);
    const retail = facts.find((f) => f.kind === 'mirroredDatabase' && f.name === 'RetailOps mirror');
    assert.ok(retail?.kind === 'mirroredDatabase' && retail.failedTables.some((t) => t.name === 'dbo.PriceListHistory'));
    const group = facts.find((f) => f.kind === 'syncGroup' && f.name === 'sales-sync');
    assert.ok(group?.kind === 'syncGroup' && /^contoso-sales-weu\/SalesHub$/i.test(group.hub));
  });

  it('uses the shortcuts: no sync group list for master, no container walk, one recent-jobs query per vault', async () => {
    await scan();
    const paths = h.requests.map((r) => `${r.method} ${r.path}`);
    assert.ok(!paths.some((p) => /\/databases\/master\/syncGroups$/i.test(p)), 'master is never asked for sync groups');
    assert.ok(!paths.some((p) => /protectionContainers$|\/items$/i.test(p)), 'no container or instance walk');
    const itemLists = h.requests.filter((r) => /\/backupProtectedItems$/.test(r.path));
    assert.equal(itemLists.length, new Set(itemLists.map((r) => r.path)).size, 'one protected-item list per vault');
    const jobQueries = h.requests.filter((r) => /\/backupJobs$/.test(r.path));
    assert.ok(jobQueries.length > 0 && jobQueries.every((r) => /startTime eq '.+' and endTime eq '.+'/.test(r.query.$filter ?? '')));
    assert.equal(h.requests.filter((r) => /getTablesMirroringStatus$/.test(r.path)).length, 1, 'tables only of the one Running mirror');
  });

  it('reports a part that cannot be read beside the rest, with its request id', async () => {
    h.emulator.control.addFaults('500*20@GET /workspaces/[^/]+/mirroredDatabases$');
    const { facts, counts } = await scan();
    const errors = facts.filter((f) => f.kind === 'scanError');
    assert.ok(errors.length >= 1 && errors.every((e) => e.kind === 'scanError' && e.service === 'fabric'));
    assert.ok(
      errors.some((e) => e.kind === 'scanError' && e.requestId),
      'the failure carries its request id',
    );
    assert.equal(counts.failures, errors.length);
    assert.ok(names(facts, 'syncGroup').includes('sales-sync'), 'Data Sync still scanned');
    assert.equal(names(facts, 'protectedDatabase').length, 4, 'Backup still scanned');
    assert.ok(problemsOf(facts, { now: Date.now() }).some((p) => p.summary.startsWith('Could not be read')));
  });

  it('scans only the chosen subscriptions', async () => {
    const dev = (
      await h.conn.arm.json<{ value: Array<{ subscriptionId: string; displayName: string }> }>({
        operationName: 'List subscriptions',
        method: 'GET',
        url: '/subscriptions',
        query: { 'api-version': '2022-12-01' },
      })
    ).value.find((s) => s.displayName === 'Contoso Dev/Test');
    assert.ok(dev);
    const { facts } = await scan({ subscriptionIds: [dev.subscriptionId] });
    assert.deepEqual(names(facts, 'protectedDatabase'), ['DevSales']);
    assert.ok(!names(facts, 'syncGroup').includes('sales-sync'));
  });
});
