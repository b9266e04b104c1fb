// Running a sync against the emulator: trigger and cancel are bodiless POSTs that refresh the group in
// the tree, the status read follows the group through Progressing, and the log pages can be read.
import * as assert from 'node:assert/strict';
import { buildGroupSchema } from '../../../../src/dataSync/syncRules';
import { readGroupSchemas, refreshHubSchema, saveSchema } from '../../../../src/dataSync/workflows/schemaWorkflows';
import { cancelSync, readSyncStatus, syncLogPages, triggerSync } from '../../../../src/dataSync/workflows/syncRunWorkflows';
import { waitFor } from '../../emulator/helpers';
import { addReplicaMember, createDemoGroup } from './workflowFixtures';
import { demoEstate, lastWriteTo, startWorkflowHarness, type WorkflowHarness } from './workflowHarness';

describe('sync run workflows (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let groupId: string;

  before(async () => {
    h = await startWorkflowHarness();
    const ids = demoEstate(h);
    groupId = await createDemoGroup(h, ids, 'wf-run');
    await addReplicaMember(h, ids, groupId);
    await (
      await refreshHubSchema(h.ctx, groupId)
    ).result;
    const { hub } = await readGroupSchemas(h.ctx, groupId);
    assert.ok(buildGroupSchema(hub, { tables: [{ quotedName: '[dbo].[Customers]', columns: [] }] }).schema);
    await (
      await saveSchema(h.ctx, groupId, hub, { tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Name]'] }] })
    ).result;
  });
  after(async () => {
    await h.stop();
  });

  it('triggers a sync with a bodiless POST, refreshes the group, and the status shows it running then done', async () => {
    const from = h.requests.length;
    const refreshed = h.refreshed.length;
    await triggerSync(h.ctx, groupId);
    const post = lastWriteTo(h, '/syncGroups/wf-run/triggerSync', from);
    assert.equal(post.method, 'POST');
    assert.equal(post.body, undefined);
    assert.deepEqual(h.refreshed.slice(refreshed), [groupId]);
    const states: string[] = [];
    const done = await waitFor(async () => {
      const s = await readSyncStatus(h.ctx, groupId);
      states.push(s.group.properties?.syncState ?? '');
      return states.includes('Progressing') && s.group.properties?.syncState !== 'Progressing' ? s : undefined;
    }, 15_000);
    assert.ok(states.includes('Progressing'), states.join(','));
    assert.deepEqual(
      done.members.map((m) => m.name),
      ['replica'],
    );
  });

  it('cancels a running sync with a bodiless POST', async () => {
    await triggerSync(h.ctx, groupId);
    const from = h.requests.length;
    const refreshed = h.refreshed.length;
    assert.equal(await cancelSync(h.ctx, groupId), true);
    const post = lastWriteTo(h, '/syncGroups/wf-run/cancelSync', from);
    assert.equal(post.method, 'POST');
    assert.equal(post.body, undefined);
    assert.deepEqual(h.refreshed.slice(refreshed), [groupId]);
  });

  it('cancel with no sync running sends nothing and says so (false)', async () => {
    await waitFor(async () => (await readSyncStatus(h.ctx, groupId)).group.properties?.syncState !== 'Progressing', 20_000);
    const from = h.requests.length;
    assert.equal(await cancelSync(h.ctx, groupId), false);
    assert.ok(!h.requests.slice(from).some((r) => r.method === 'POST'), 'no cancelSync POST');
  });

  it('reads the sync log page by page with the query it was given', async () => {
    const from = h.requests.length;
    const pages = syncLogPages(h.ctx, groupId, {
      startTime: new Date(Date.now() - 3_600_000).toISOString(),
      endTime: new Date(Date.now() + 60_000).toISOString(),
      type: 'All',
    });
    const first = await pages.next();
    assert.equal(first.done, false);
    assert.ok(!first.done && first.value.items.length > 0, 'the syncs wrote log entries');
    const get = h.requests.slice(from).find((r) => r.path.endsWith('/syncGroups/wf-run/logs'));
    assert.equal(get?.method, 'GET');
  });
});
