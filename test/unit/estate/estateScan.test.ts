// The estate scan against the emulator's demo estate: every service's facts, a failing part reported
// beside the rest, the chosen subscriptions only, cancellation.
import { strict as assert } from 'node:assert';
import type { EstateFact } from '../../../src/estate/workflows/estateFacts';
import { scanEstate } from '../../../src/estate/workflows/estateScan';
import { problemsOf } from '../../../src/estate/workflows/healthRules';
import { startEmulatorHarness, type EmulatorHarness } from '../helpers/emulatorHarness';
import { estateClients } from './estateHarness';

describe('estate scan (emulator)', function () {
  this.timeout(60_000);
  let h: EmulatorHarness;
  before(async () => {
    h = await startEmulatorHarness({ owner: 'estate-scan-tests' });
  });
  after(() => h.stop());
  beforeEach(() => {
    h.emulator.control.clearFaults();
    h.requests.length = 0;
  });

  const scan = async (options: Partial<Parameters<typeof scanEstate>[1]> = {}) => {
    const facts: EstateFact[] = [];
    const summary = await scanEstate(estateClients(h), { ...options, onFact: (f) => facts.push(f) });
    return { facts, summary };
  };
  const names = (facts: EstateFact[], kind: EstateFact['kind']) =>
    facts
      .filter((f) => f.kind === kind)
      .map((f) => ('name' in f ? f.name : f.kind === 'failedBackupJob' ? f.entity : ''))
      .sort();

  it('reads sync groups, members, agents, mirrored databases, protected databases and recent failed jobs', async () => {
    const { facts, summary } = await scan();
    assert.equal(summary.errors, 0);
    assert.ok(names(facts, 'syncGroup').includes('sales-sync'));
    assert.ok(names(facts, 'syncMember').includes('replica-east'));
    assert.ok(names(facts, 'syncAgent').includes('onprem-agent-03'));
    assert.ok(names(facts, 'mirroredDatabase').includes('RetailOps mirror'));
    assert.deepEqual(names(facts, 'protectedDatabase'), ['DevSales', 'InventoryDb', 'SalesDb', 'msdb']);
    // Only the failure of the last 24 hours: the two-day-old failed log backup is not a problem now.
    assert.deepEqual(names(facts, 'failedBackupJob'), ['DevSales [sqlvm-dev-01]']);
    const retail = facts.find((f) => f.kind === 'mirroredDatabase' && f.name === 'RetailOps mirror');
    assert.ok(retail?.kind === 'mirroredDatabase' && retail.failedTables.some((t) => t.name === 'dbo.PriceListHistory'));
  });

  it('uses the shortcuts: no sync group list for master, one protected-item list and one failed-job query per vault', async () => {
    await scan();
    const paths = h.requests.map((r) => `${r.method} ${r.path}`);
    assert.ok(!paths.some((p) => /\/databases\/master\/syncGroups$/i.test(p)), 'master is never asked for sync groups');
    assert.ok(!paths.some((p) => /protectionContainers$|\/items$/i.test(p)), 'no container or instance walk');
    const vaults = new Set(h.requests.filter((r) => /\/backupProtectedItems$/.test(r.path)).map((r) => r.path));
    assert.equal(h.requests.filter((r) => /\/backupProtectedItems$/.test(r.path)).length, vaults.size);
    const jobQueries = h.requests.filter((r) => /\/backupJobs$/.test(r.path));
    assert.ok(jobQueries.length > 0 && jobQueries.every((r) => /status eq 'Failed'/.test(r.query.$filter ?? '')));
    const tableReads = h.requests.filter((r) => /getTablesMirroringStatus$/.test(r.path)).length;
    assert.equal(tableReads, 1, 'tables are read only for the one Running mirrored database');
  });

  it('reports a part that cannot be read beside the rest, with its request id', async () => {
    h.emulator.control.addFaults('500*20@GET /workspaces/[^/]+/mirroredDatabases$');
    const { facts, summary } = await scan();
    const errors = facts.filter((f) => f.kind === 'scanError');
    assert.ok(errors.length >= 1 && errors.every((e) => e.kind === 'scanError' && e.service === 'fabric'));
    assert.ok(
      errors.some((e) => e.kind === 'scanError' && e.requestId),
      'the failure carries its request id',
    );
    assert.equal(summary.errors, errors.length);
    assert.ok(names(facts, 'syncGroup').includes('sales-sync'), 'Data Sync still scanned');
    assert.ok(names(facts, 'protectedDatabase').length === 4, 'Backup still scanned');
    const problems = problemsOf(facts, { now: Date.now() });
    assert.ok(problems.some((p) => p.summary.startsWith('Could not be read')));
  });

  it('scans only the chosen subscriptions', async () => {
    const { facts } = await scan({ chooseSubscriptions: (all) => all.filter((s) => s.displayName === 'Contoso Dev/Test') });
    assert.deepEqual(names(facts, 'protectedDatabase'), ['DevSales']);
    assert.ok(!names(facts, 'syncGroup').includes('sales-sync'));
  });

  it('stops when cancelled, and reports nothing after', async () => {
    const abort = new AbortController();
    h.emulator.control.addFaults('latency=300@GET /providers/Microsoft.Sql/servers$');
    const facts: EstateFact[] = [];
    const run = scanEstate(estateClients(h), { signal: abort.signal, onFact: (f) => facts.push(f) });
    abort.abort();
    await assert.rejects(run, (e: Error) => e.name === 'AbortError' || /abort/i.test(e.message));
    const seen = facts.length;
    await new Promise((r) => setImmediate(r));
    assert.equal(facts.length, seen);
  });
});
