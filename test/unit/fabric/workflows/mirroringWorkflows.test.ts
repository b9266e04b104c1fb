// Start / stop mirroring against the emulator: refused with a typed error naming the status where the
// status does not allow it (nothing sent), otherwise sent and followed by the operations center until
// Running / Stopped; status and table reads (every page).
import * as assert from 'node:assert/strict';
import { isMirroringStateError } from '../../../../src/fabric/workflows/mirroringStates';
import { readMirroringStatus, readTableStatuses, startMirroring, stopMirroring } from '../../../../src/fabric/workflows/mirroringWorkflows';
import { demoItems, startFabricHarness, statusIn, type FabricHarness } from '../fabricHarness';

describe('Fabric mirroring workflows (emulator)', function () {
  this.timeout(30_000);
  let h: FabricHarness;

  beforeEach(async () => {
    h = await startFabricHarness({ pageSize: 2, fabric: { startMs: 300, stopMs: 300 } });
  });
  afterEach(async () => {
    await h.stop();
  });

  const posts = (tail: string) => h.requests.filter((r) => r.method === 'POST' && r.url.split('?')[0].endsWith(tail));

  it('starts a stopped database; the tracked operation passes Starting and ends when the status is Running', async () => {
    const { stopped } = demoItems(h);
    const progress: Array<string | undefined> = [];
    const sub = h.tracker.onDidChange((r) => {
      if (r?.title.startsWith('Start mirroring')) progress.push(r.serviceStatus);
    });
    const { from, operation } = await startMirroring(h.ctx, stopped);
    assert.equal(from, 'Stopped');
    assert.equal(posts('/startMirroring').length, 1);
    assert.deepEqual(h.refreshed, [stopped.itemId]);
    assert.equal(await operation.result, 'Running');
    sub.dispose();
    assert.equal(statusIn(h, stopped.itemId), 'Running');
    assert.ok(progress.includes('Starting'), `progress seen: ${progress.join(', ')}`);
    const { running, history } = h.tracker.list();
    const record = [...running, ...history].find((r) => r.id === operation.id);
    assert.equal(record?.status, 'succeeded');
    assert.equal(
      record?.target.resourceId,
      `/workspaces/${stopped.workspaceId.toLowerCase()}/mirroredDatabases/${stopped.itemId.toLowerCase()}`,
    );
  });

  it('stops a running database and ends when Stopped', async () => {
    const { running } = demoItems(h);
    const { from, operation } = await stopMirroring(h.ctx, running);
    assert.equal(from, 'Running');
    assert.equal(await operation.result, 'Stopped');
    assert.equal(statusIn(h, running.itemId), 'Stopped');
  });

  it('refuses to start a running database and to stop an initialized one, naming the status, without sending the action', async () => {
    const { running, initialized } = demoItems(h);
    await assert.rejects(startMirroring(h.ctx, running), (e: unknown) => {
      assert.ok(isMirroringStateError(e));
      assert.equal(e.status, 'Running');
      assert.match(e.message, /can't be started: it is Running/);
      assert.match(e.message, /Initialized or Stopped/);
      return true;
    });
    await assert.rejects(
      stopMirroring(h.ctx, initialized),
      (e: unknown) => isMirroringStateError(e) && /it is Initialized/.test(e.message),
    );
    assert.equal(posts('/startMirroring').length + posts('/stopMirroring').length, 0);
    assert.equal(statusIn(h, running.itemId), 'Running');
  });

  it('allows stopping a paused database', async () => {
    const { paused } = demoItems(h);
    const { operation } = await stopMirroring(h.ctx, paused);
    assert.equal(await operation.result, 'Stopped');
  });

  it('reads the mirroring status and every page of the table statuses', async () => {
    const { running } = demoItems(h);
    assert.equal((await readMirroringStatus(h.ctx, running)).status, 'Running');
    const before = posts('/getTablesMirroringStatus').length;
    const tables = await readTableStatuses(h.ctx, running);
    const pages = posts('/getTablesMirroringStatus').length - before;
    assert.ok(tables.length > 2, `${tables.length} tables`);
    assert.equal(pages, Math.ceil(tables.length / 2), 'one request per page of two');
    const failed = tables.find((t) => t.sourceTableName === 'PriceListHistory');
    assert.equal(failed?.status, 'Failed');
    assert.ok(failed?.error?.errorCode);
  });
});
