// Sync agent workflows against the emulator: create (PUT with the metadata database), a new key, delete;
// a bad name or a missing metadata database is refused before any request.
import * as assert from 'node:assert/strict';
import { createAgent, deleteAgent, generateAgentKey } from '../../../../src/dataSync/workflows/syncAgentWorkflows';
import { listAgents } from '../../../../src/dataSync/workflows/resourceLists';
import { DataSyncValidationError } from '../../../../src/dataSync/workflows/validationError';
import { demoEstate, lastWriteTo, startWorkflowHarness, type WorkflowHarness } from './workflowHarness';

describe('sync agent workflows (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let ids: ReturnType<typeof demoEstate>;

  before(async () => {
    h = await startWorkflowHarness();
    ids = demoEstate(h);
  });
  after(async () => {
    await h.stop();
  });

  it('creates an agent with its sync metadata database, tracked', async () => {
    const from = h.requests.length;
    const op = await createAgent(h.ctx, { serverId: ids.weu, name: 'wf-agent', syncDatabaseId: ids.syncMeta });
    const agent = await op.result;
    assert.equal(agent.name, 'wf-agent');
    const put = lastWriteTo(h, '/syncAgents/wf-agent', from);
    assert.equal(put.method, 'PUT');
    assert.deepEqual(put.body, { properties: { syncDatabaseId: ids.syncMeta } });
    const record = h.tracker.list().history.find((r) => r.id === op.id);
    assert.equal(record?.title, 'Create sync agent wf-agent');
    assert.equal(record?.target.resourceId, `${ids.weu}/syncAgents/wf-agent`);
  });

  it('generates a key with a bodiless POST and returns it', async () => {
    const from = h.requests.length;
    const key = await generateAgentKey(h.ctx, `${ids.weu}/syncAgents/wf-agent`);
    assert.ok(key.length >= 20, 'a key');
    const post = lastWriteTo(h, '/syncAgents/wf-agent/generateKey', from);
    assert.equal(post.method, 'POST');
    assert.equal(post.body, undefined);
    assert.notEqual(await generateAgentKey(h.ctx, `${ids.weu}/syncAgents/wf-agent`), key, 'each call makes a new key');
  });

  it('refuses a bad name and a missing metadata database without a request', async () => {
    const from = h.requests.length;
    const e = await createAgent(h.ctx, { serverId: ids.weu, name: 'bad/name', syncDatabaseId: '' }).then(
      () => assert.fail('expected a validation error'),
      (err: unknown) => err,
    );
    assert.ok(e instanceof DataSyncValidationError);
    assert.match(e.fields.name, /Sync agent name cannot contain "\/"/);
    assert.match(e.fields.syncDatabaseId, /Sync metadata database is required/);
    assert.equal(h.requests.length, from);
  });

  it('deletes an agent with a DELETE, tracked', async () => {
    const from = h.requests.length;
    const op = await deleteAgent(h.ctx, `${ids.weu}/syncAgents/wf-agent`);
    await op.result;
    const del = lastWriteTo(h, '/syncAgents/wf-agent', from);
    assert.equal(del.method, 'DELETE');
    assert.equal(del.body, undefined);
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Delete sync agent wf-agent');
    assert.ok(!(await listAgents(h.ctx, ids.weu)).some((a) => a.name === 'wf-agent'));
  });
});
