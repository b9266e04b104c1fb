// Fault matrix: every REST client operation the emulator answers (matrixOperations.ts) under every fault it can
// inject (matrixFaults.ts), through the real pipeline (retry, token, timeout) with small delays. Each cell
// asserts its outcome — retried where safe, else a typed error with code, message and request id — and that
// nothing waits past its budget. One emulator per fault, so the cells of a column start from the demo estate.
// The matrix is printed at the end.
import assert from 'node:assert/strict';
import { createAzureConnection, type AzureConnection } from '../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import { emulatorCloud } from '../../../src/azure/clouds';
import type { RequestLogEntry } from '../../../src/azure/http/requestLogger';
import { databaseRefFromId, serverRefFromId, syncAgentRefFromId } from '../../../src/dataSync/dataSyncRefs';
import { DEFAULT_CREDENTIALS } from '../../../src/emulator/index';
import { demoIds, startTestEmulator, type TestEmulator } from '../emulator/helpers';
import { FAULTS, type Expected, type MatrixFault } from './matrixFaults';
import { OPERATIONS, matrixContext, type MatrixContext, type MatrixOperation } from './matrixOperations';
import { BACKUP_OPERATIONS, FABRIC_OPERATIONS, serviceMatrixContext, type ServiceMatrixContext } from './matrixServiceOperations';
import { containerRefOf, protectedItemRefOf } from '../../../src/backup/backupTarget';
import { backupIds } from '../emulator/backup/backupTestKit';

type Context = MatrixContext & ServiceMatrixContext;
/** Data Sync, then Fabric, then Backup: every client operation the emulator answers. */
const ALL: MatrixOperation<Context>[] = [...OPERATIONS, ...FABRIC_OPERATIONS, ...BACKUP_OPERATIONS];

/** Per-attempt timeout of the matrix's pipeline (the product's default is 30 s). */
const REQUEST_TIMEOUT_MS = 400;
/** No cell may take longer, whatever happens. */
const CELL_BUDGET_MS = 4_000;
const RETRY = { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 3_000 };

interface Attempt extends RequestLogEntry {
  endedAt: number;
}

const results = new Map<string, string>();
const tally = { expected: 0, unexpected: 0, notApplicable: 0 };

describe('fault matrix: every operation × every fault', function () {
  this.timeout(CELL_BUDGET_MS + 2_000);

  after(() => printMatrix());

  for (const fault of FAULTS) {
    describe(fault.name, () => {
      let t: TestEmulator;
      let conn: AzureConnection;
      let context: Context;
      const attempts: Attempt[] = [];

      before(async () => {
        t = await startTestEmulator({
          lroDurationMs: 40,
          syncDurationMs: 40,
          retryAfterSeconds: 0,
          // Every getDefinition/updateDefinition answers 202, so an operation can fail midway.
          fabric: { definitionLro: 'always' },
          // Fast, yet a Full backup job runs long enough (0.4 s) to be cancelled.
          backupTimeScale: 300,
        });
        const secrets = new InMemorySecretStore();
        await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
        conn = createAzureConnection({
          cloud: emulatorCloud({ ...t.emu.endpoints, certificate: t.emu.certificatePem }),
          secrets,
          source: { kind: 'emulator', tenantId: t.emu.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
          logger: { log: (e) => attempts.push({ ...e, endedAt: Date.now() }) },
          retry: RETRY,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        });
        context = contextFor(t, conn);
      });
      afterEach(() => t.emu.control.clearFaults());
      after(async () => {
        conn.dispose();
        await t.stop();
      });

      for (const op of ALL) {
        const expected = fault.expect(op);
        if (expected.kind === 'n/a') {
          results.set(key(op, fault), '—');
          tally.notApplicable++;
          continue;
        }
        it(`${op.name}: ${describeExpected(expected)}`, async () => {
          t.emu.control.addFaults([{ ...fault.rule, method: op.method, path: op.path }]);
          attempts.length = 0;
          const started = Date.now();
          const outcome = await op.run(context).then(
            () => undefined,
            (e: unknown) => e,
          );
          const elapsed = Date.now() - started;
          const mine = attempts.filter((a) => a.method === op.method && new RegExp(op.path, 'i').test(new URL(a.url).pathname));
          results.set(key(op, fault), summary(outcome, mine.length));
          tally.unexpected++; // until every check below passed
          assert.ok(elapsed < CELL_BUDGET_MS, `took ${elapsed} ms`);
          checkOutcome(expected, outcome, mine, elapsed);
          tally.unexpected--;
          tally.expected++;
        });
      }
    });
  }
});

function checkOutcome(expected: Expected, outcome: unknown, mine: Attempt[], elapsed: number): void {
  if (expected.kind === 'retried') {
    assert.equal(outcome, undefined, `expected success after a retry, got ${describeError(outcome)}`);
    assert.ok(mine.length >= 2, `the faulted request was retried (${mine.length} attempt(s))`);
    if (expected.minGapMs !== undefined) {
      const gap = mine[1].endedAt - mine[1].durationMs - mine[0].endedAt;
      assert.ok(gap >= expected.minGapMs, `waited ${gap} ms before retrying (Retry-After)`);
    }
    return;
  }
  if (expected.kind !== 'error') return;
  assert.ok(outcome instanceof Error, `expected a ${expected.code} error, the operation succeeded`);
  const e = outcome as Error & { code?: unknown; requestId?: unknown; clientRequestId?: unknown };
  assert.equal(e.code, expected.code, describeError(outcome));
  assert.ok(typeof e.message === 'string' && e.message.length > 10, 'a message that says what happened');
  if (expected.serverAnswered) assert.ok(typeof e.requestId === 'string' && e.requestId, 'the service request id');
  else assert.ok(typeof e.clientRequestId === 'string' && e.clientRequestId, 'the client request id');
  if (expected.requests === 'all') assert.equal(mine.length, RETRY.maxRetries + 1, 'retried until the retries were spent');
  else if (expected.requests !== undefined) assert.equal(mine.length, expected.requests, 'requests sent');
  if (expected.code === 'RequestTimeout') assert.ok(elapsed < REQUEST_TIMEOUT_MS + 1_500, `timed out after ${elapsed} ms`);
}

function contextFor(t: TestEmulator, conn: AzureConnection): Context {
  const ids = demoIds(t.emu);
  const salesHub = databaseRefFromId(ids.salesHub);
  const fabric = t.emu.control.state().fabric!;
  const ws = (name: string) => Object.values(fabric.workspaces).find((w) => w.displayName === name)!.id;
  const md = (name: string) => {
    const found = Object.values(fabric.mirroredDatabases).find((m) => m.displayName === name)!;
    return { workspaceId: found.workspaceId, mirroredDatabaseId: found.id };
  };
  const b = backupIds(t.emu);
  const service = serviceMatrixContext(
    conn.fabric!,
    conn.arm,
    {
      sales: ws('Sales Analytics'),
      hr: ws('HR Reporting'),
      running: md('RetailOps mirror'),
      stopped: md('Sales replica (east)'),
      paused: md('HR core'),
      retailOpsConnection: Object.values(fabric.connections).find((c) => c.path === 'fabrikam-bi-sea.database.windows.net;RetailOps')!.id,
    },
    {
      subscriptionId: b.prod,
      vault: b.vaultRef,
      prod01: containerRefOf(b.prod01)!,
      ag01: containerRefOf(b.ag01)!,
      ag02: containerRefOf(b.ag02)!,
      vmAg02: b.vmAg02,
      salesDb: protectedItemRefOf(b.salesItem)!,
      msdb: protectedItemRefOf(b.msdbItem)!,
    },
    { minDelayMs: 10, maxDelayMs: 30 },
  );
  const dataSync = matrixContext(conn.arm, {
    subscriptionId: ids.prod,
    weu: serverRefFromId(ids.weu),
    salesHub,
    salesArchive: databaseRefFromId(`${ids.weu}/databases/SalesArchive`),
    syncMetadataId: ids.syncMeta,
    replicaEastId: ids.east,
    salesSync: { ...salesHub, syncGroup: 'sales-sync' },
    salesReporting: { ...salesHub, syncGroup: 'sales-reporting' },
    hrReplication: { ...databaseRefFromId(ids.hrReplica.replace('/HRReplica', '/HRCore')), syncGroup: 'hr-replication' },
    replicaEast: { ...salesHub, syncGroup: 'sales-sync', syncMember: 'replica-east' },
    reportingEast: { ...salesHub, syncGroup: 'sales-reporting', syncMember: 'reporting-east' },
    onlineAgent: syncAgentRefFromId(ids.onlineAgent),
    neverConnectedAgent: syncAgentRefFromId(`${ids.weu}/syncAgents/onprem-agent-03`),
    wait: { minDelayMs: 10, maxDelayMs: 30 },
  });
  return { ...dataSync, ...service };
}

function key(op: MatrixOperation<Context>, fault: MatrixFault): string {
  return `${op.name}\u0000${fault.name}`;
}

function describeExpected(e: Expected): string {
  if (e.kind === 'retried') return e.minGapMs ? 'retried after Retry-After, succeeds' : 'retried, succeeds';
  if (e.kind === 'error') return `${e.code}${e.requests === 1 ? ', not retried' : ''}`;
  return 'n/a';
}

function summary(outcome: unknown, attempts: number): string {
  if (outcome === undefined) return `ok (${attempts} tries)`;
  const code = (outcome as { code?: unknown }).code;
  return `${typeof code === 'string' ? code : 'untyped!'} (${attempts})`;
}

function describeError(e: unknown): string {
  if (e === undefined) return 'success';
  const err = e as { name?: unknown; code?: unknown; message?: unknown };
  return `${String(err.name)} ${String(err.code)}: ${String(err.message)}`;
}

function printMatrix(): void {
  const header = ['operation', ...FAULTS.map((f) => f.name)];
  const rows = ALL.map((op) => [op.name, ...FAULTS.map((f) => results.get(key(op, f)) ?? 'not run')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(
    [
      '',
      'Fault matrix (operation × fault → outcome, attempts of the faulted request):',
      line(header),
      widths.map((w) => '-'.repeat(w)).join('-|-'),
      ...rows.map(line),
      '',
      `Totals: ${ALL.length} operations × ${FAULTS.length} faults = ${ALL.length * FAULTS.length} cells: ` +
        `${tally.expected} as expected, ${tally.unexpected} unexpected, ${tally.notApplicable} not applicable.`,
      '',
    ].join('\n'),
  );
}
