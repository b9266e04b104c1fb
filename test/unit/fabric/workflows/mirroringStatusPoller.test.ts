// The mirroring status poller against the emulator: waits through the transient status, succeeds on
// the target, fails on any other status, and resumes from its saved state after a "reload".
import * as assert from 'node:assert/strict';
import { MirroringStatusPoller } from '../../../../src/azure/lro/mirroringStatusPoller';
import { resumePoller } from '../../../../src/azure/lro/resumePoller';
import { demoItems, startFabricHarness, type FabricHarness } from '../fabricHarness';

const fast = { minDelayMs: 20, maxDelayMs: 50 };

describe('MirroringStatusPoller (emulator)', function () {
  this.timeout(30_000);
  let h: FabricHarness;

  beforeEach(async () => {
    h = await startFabricHarness({ fabric: { startMs: 300, stopMs: 300 } });
  });
  afterEach(async () => {
    await h.stop();
  });

  const waitFor = (h: FabricHarness, item: { workspaceId: string; itemId: string }, target: string, transient: string[]) =>
    MirroringStatusPoller.waitFor(h.conn.fabric!, {
      workspaceId: item.workspaceId,
      mirroredDatabaseId: item.itemId,
      target,
      transient,
      operationName: 'Test wait',
    });

  it('reports Starting while running and succeeds with Running', async () => {
    const { stopped } = demoItems(h);
    await h.ctx.clients().mirroredDatabases.startMirroring({ workspaceId: stopped.workspaceId, mirroredDatabaseId: stopped.itemId });
    const poller = waitFor(h, stopped, 'Running', ['Starting']);
    const first = await poller.poll();
    assert.equal(first.status, 'running');
    assert.equal(first.serviceStatus, 'Starting');
    assert.equal(first.lastPoll?.method, 'POST');
    assert.equal(await poller.pollUntilDone(fast), 'Running');
    assert.equal(poller.latest.status, 'succeeded');
  });

  it('fails with a message naming the status when it is neither the target nor transient', async () => {
    const { initialized } = demoItems(h);
    const poller = waitFor(h, initialized, 'Running', ['Starting']);
    await assert.rejects(poller.pollUntilDone(fast), /Mirroring is Initialized, not Running/);
    assert.equal(poller.latest.status, 'failed');
    assert.equal(poller.latest.serviceStatus, 'Initialized');
  });

  it('resumes from its saved state (as after a window reload) and finishes', async () => {
    const { running } = demoItems(h);
    await h.ctx.clients().mirroredDatabases.stopMirroring({ workspaceId: running.workspaceId, mirroredDatabaseId: running.itemId });
    const poller = waitFor(h, running, 'Stopped', ['Stopping']);
    await poller.poll();
    const saved = JSON.parse(JSON.stringify(poller.toJSON())) as ReturnType<typeof poller.toJSON>;
    assert.equal(saved.kind, 'fabricMirroring');
    const resumed = resumePoller<string>(saved, { fabric: h.conn.fabric });
    assert.equal(resumed.kind, 'fabricMirroring');
    assert.equal(await resumed.pollUntilDone(fast), 'Stopped');
    assert.throws(() => resumePoller(saved, {}), /no Fabric client/);
  });
});
