// The definition editor's workflow against the emulator: decoding getDefinition (200 and 202 → result),
// the schema check, the source rule, conflict detection, and saves answered with 200 and with 202.
import * as assert from 'node:assert/strict';
import { isAzureRequestError } from '../../../../src/azure/http/azureError';
import { jsonPart } from '../../../../src/azure/fabric/fabricModels';
import {
  DefinitionInvalidError,
  MIRRORING_PART,
  PLATFORM_PART,
  SourceLockedError,
  changedSourceFields,
  commitDefinitionSave,
  partText,
  prepareDefinitionSave,
  readDefinition,
  waitForSourceEditable,
} from '../../../../src/fabric/workflows/definitionWorkflows';
import type { FabricItemTarget } from '../../../../src/fabric/fabricTarget';
import { startFabricHarness, type FabricHarness } from '../fabricHarness';

type Doc = {
  properties: {
    source: { type: string; typeProperties: { connection?: string; database?: string } };
    target: { typeProperties: { retentionInDays?: number; defaultSchema?: string } };
    mountedTables?: { source: { typeProperties: { schemaName: string; tableName: string } } }[];
  };
};

describe('Fabric definition workflows (emulator)', function () {
  this.timeout(30_000);
  let h: FabricHarness;
  let running: FabricItemTarget;
  let stopped: FabricItemTarget;
  let initialized: FabricItemTarget;

  const serverDoc = async (t: FabricItemTarget): Promise<Doc> =>
    JSON.parse(partText(await readDefinition(h.ctx, t), MIRRORING_PART)!) as Doc;
  const definitionCalls = (kind: 'getDefinition' | 'updateDefinition', itemId: string) =>
    h.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/mirroredDatabases/${itemId}/${kind}`));

  before(async () => {
    h = await startFabricHarness({ retry: { maxRetries: 0 } }); // a failed call is reported as it came
    running = { workspaceId: h.ids.sales, itemId: h.ids.running };
    stopped = { workspaceId: h.ids.sales, itemId: h.ids.stopped };
    initialized = { workspaceId: h.ids.finance, itemId: h.ids.initialized };
  });
  after(async () => {
    await h.stop();
  });
  afterEach(() => {
    h.emulator.control.clearFaults();
  });

  it('decodes getDefinition into mirroring.json and .platform, whether answered with 200 or 202', async () => {
    const before = definitionCalls('getDefinition', h.ids.running).length;
    const first = await readDefinition(h.ctx, running);
    const second = await readDefinition(h.ctx, running);
    const statuses = definitionCalls('getDefinition', h.ids.running)
      .slice(before)
      .map((r) => r.status)
      .sort();
    assert.deepEqual(statuses, [200, 202], 'one answer of each kind');
    assert.ok(
      h.requests.some((r) => /\/operations\/[^/]+\/result$/.test(r.path)),
      'the 202 was followed to the operation result',
    );
    assert.deepEqual(first, second);
    assert.deepEqual(
      first.parts.map((p) => p.path),
      [MIRRORING_PART, PLATFORM_PART],
    );
    const doc = JSON.parse(partText(first, MIRRORING_PART)!) as Doc;
    assert.equal(doc.properties.source.type, 'AzureSqlDatabase');
    assert.equal(doc.properties.source.typeProperties.connection, h.ids.retailOpsConnection);
    assert.equal(doc.properties.mountedTables?.length, 8);
    const platform = JSON.parse(partText(first, PLATFORM_PART)!) as { metadata: { displayName: string; type: string } };
    assert.deepEqual([platform.metadata.type, platform.metadata.displayName], ['MirroredDatabase', 'RetailOps mirror']);
  });

  it('refuses a document the schema rejects, naming the property, before any request', async () => {
    const doc = await serverDoc(stopped);
    doc.properties.target.typeProperties.retentionInDays = 99;
    const sent = h.requests.length;
    await assert.rejects(
      prepareDefinitionSave(h.ctx, stopped, JSON.stringify(doc), doc),
      (e: unknown) =>
        e instanceof DefinitionInvalidError &&
        e.problems.some((p) => p.property === 'properties.target.typeProperties.retentionInDays' && /30/.test(p.message)) &&
        /retentionInDays/.test(e.message),
    );
    await assert.rejects(prepareDefinitionSave(h.ctx, stopped, '{ "properties": ', doc), /not valid JSON/);
    delete doc.properties.source.typeProperties.connection;
    doc.properties.target.typeProperties.retentionInDays = 3;
    await assert.rejects(
      prepareDefinitionSave(h.ctx, stopped, JSON.stringify(doc), doc),
      /properties\.source\.typeProperties\.connection is required/,
    );
    assert.equal(h.requests.length, sent, 'nothing was sent');
  });

  it('refuses a source change while Running, naming the status and the fields; mountedTables may change', async () => {
    const doc = await serverDoc(running);
    const changed = structuredClone(doc);
    changed.properties.source.typeProperties.database = 'OtherDb';
    changed.properties.target.typeProperties.defaultSchema = 'sales';
    await assert.rejects(
      prepareDefinitionSave(h.ctx, running, JSON.stringify(changed), doc),
      (e: unknown) =>
        e instanceof SourceLockedError &&
        e.status === 'Running' &&
        e.changed.join() === 'database,defaultSchema' &&
        /Running/.test(e.message),
    );
    assert.deepEqual(changedSourceFields(doc, changed), ['database', 'defaultSchema']);
    const upper = structuredClone(doc);
    upper.properties.source.typeProperties.connection = doc.properties.source.typeProperties.connection!.toUpperCase();
    assert.deepEqual(changedSourceFields(doc, upper), [], 'connection ids compare without case');
    const fewer = structuredClone(doc);
    fewer.properties.mountedTables = doc.properties.mountedTables!.slice(1);
    const prepared = await prepareDefinitionSave(h.ctx, running, JSON.stringify(fewer, null, 2), doc);
    assert.equal(prepared.conflict, false);
    assert.equal(prepared.status, 'Running');
  });

  it('saves with updateDefinition through the operations center, answered with 200 and with 202', async () => {
    const before = definitionCalls('updateDefinition', h.ids.stopped).length;
    let baseline: unknown = await serverDoc(stopped);
    // Each save reads, updates, then the check reads: three definition calls, so the emulator's
    // every-other-call 202 falls on one update of the two.
    for (const tables of [3, 2]) {
      const doc = structuredClone(baseline) as Doc;
      doc.properties.mountedTables = doc.properties.mountedTables!.slice(0, tables);
      const prepared = await prepareDefinitionSave(h.ctx, stopped, JSON.stringify(doc, null, 2), baseline);
      assert.equal(prepared.conflict, false);
      await commitDefinitionSave(h.ctx, prepared, 'Sales replica (east)');
      assert.equal((await serverDoc(stopped)).properties.mountedTables?.length, tables, 'the server has the saved table list');
      baseline = prepared.document;
    }
    const updates = definitionCalls('updateDefinition', h.ids.stopped).slice(before);
    assert.deepEqual(updates.map((r) => r.status).sort(), [200, 202]);
    const ops = h.tracker
      .list()
      .history.filter((r) => r.target.resourceId === `/workspaces/${h.ids.sales}/mirroredDatabases/${h.ids.stopped}`);
    assert.equal(ops.length, 2, 'both saves were tracked');
    assert.ok(ops.every((o) => o.status === 'succeeded' && o.title === 'Save the definition of Sales replica (east)'));
    assert.ok(h.refreshed.includes(h.ids.stopped), 'the tree node is refreshed');
  });

  it('lets the source change while Initialized or Stopped', async () => {
    const doc = await serverDoc(initialized);
    const changed = structuredClone(doc);
    changed.properties.target.typeProperties.defaultSchema = 'ops';
    const prepared = await prepareDefinitionSave(h.ctx, initialized, JSON.stringify(changed), doc);
    assert.equal(prepared.status, 'Initialized');
    await commitDefinitionSave(h.ctx, prepared, 'RetailOps sandbox');
    assert.equal((await serverDoc(initialized)).properties.target.typeProperties.defaultSchema, 'ops');
  });

  it('reports a conflict when the definition changed on the server since it was opened', async () => {
    const opened = await serverDoc(running);
    const mine = structuredClone(opened);
    mine.properties.target.typeProperties.retentionInDays = 5;
    assert.equal((await prepareDefinitionSave(h.ctx, running, JSON.stringify(mine), opened)).conflict, false, 'unchanged: no conflict');
    // Someone else removes a table behind the editor's back.
    const theirs = structuredClone(opened);
    theirs.properties.mountedTables = opened.properties.mountedTables!.slice(0, -1);
    await (
      await h.ctx
        .clients()
        .mirroredDatabases.beginUpdateDefinition(
          { workspaceId: running.workspaceId, mirroredDatabaseId: running.itemId },
          { parts: [jsonPart(MIRRORING_PART, theirs)] },
        )
    ).pollUntilDone({ minDelayMs: 20 });
    const prepared = await prepareDefinitionSave(h.ctx, running, JSON.stringify(mine), opened);
    assert.equal(prepared.conflict, true);
    assert.deepEqual(JSON.parse(partText(prepared.server, MIRRORING_PART)!), theirs, 'the server version is handed back for comparing');
  });

  it('rejects with the service error when updateDefinition fails, and the operation is not reported done', async () => {
    const doc = await serverDoc(stopped);
    doc.properties.target.typeProperties.retentionInDays = 9;
    const prepared = await prepareDefinitionSave(h.ctx, stopped, JSON.stringify(doc), doc);
    h.emulator.control.addFaults('500*1@POST updateDefinition$');
    await assert.rejects(
      commitDefinitionSave(h.ctx, prepared, 'Sales replica (east)'),
      (e: unknown) => isAzureRequestError(e) && e.status === 500 && Boolean(e.code) && Boolean(e.requestId),
    );
    assert.equal((await serverDoc(stopped)).properties.target.typeProperties.retentionInDays, 7, 'nothing changed');
  });

  it('waits after a stop until the source may change', async () => {
    const paused = { workspaceId: h.ids.hr, itemId: h.ids.paused };
    await h.ctx.clients().mirroredDatabases.stopMirroring({ workspaceId: paused.workspaceId, mirroredDatabaseId: paused.itemId });
    assert.equal(await waitForSourceEditable(h.ctx, paused, { intervalMs: 20, timeoutMs: 10_000 }), 'Stopped');
    await assert.rejects(waitForSourceEditable(h.ctx, running, { intervalMs: 20, timeoutMs: 0 }), /still Running/);
  });
});
