// Sync group workflows against the emulator: the exact bodies sent (compared with the walkthrough's),
// the tracked operations, and the rules that refuse a request before anything is sent.
import * as assert from 'node:assert/strict';
import { databaseRefFromId, syncGroupRefFromId } from '../../../../src/dataSync/dataSyncRefs';
import {
  createGroup,
  deleteGroup,
  readGroupSettings,
  updateGroupSettings,
  type CreateGroupInput,
} from '../../../../src/dataSync/workflows/syncGroupWorkflows';
import { SEED_CREATE_GROUP, writableKeys } from './seedBodies';
import { rejectsFields as rejects } from './workflowFixtures';
import { demoEstate, lastWriteTo, startWorkflowHarness, type WorkflowHarness } from './workflowHarness';

const PASSWORD = 'Hub!Passw0rd-wf';

describe('sync group workflows (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let ids: ReturnType<typeof demoEstate>;
  const input = (o: Partial<CreateGroupInput> = {}): CreateGroupInput => ({
    hubDatabaseId: ids.salesArchive,
    name: 'wf-group',
    syncDatabaseId: ids.syncMeta,
    interval: -1,
    conflictResolutionPolicy: 'HubWin',
    enableConflictLogging: false,
    usePrivateLinkConnection: false,
    hubDatabaseUserName: ' hubUser ',
    hubDatabasePassword: PASSWORD,
    ...o,
  });

  before(async () => {
    h = await startWorkflowHarness();
    ids = demoEstate(h);
  });
  after(async () => {
    await h.stop();
  });

  it('creates a group with the documented body (no schema, no masterSyncMemberName) through the tracker', async () => {
    const from = h.requests.length;
    const { groupId, operation } = await createGroup(h.ctx, input());
    assert.equal(groupId, `${ids.salesArchive}/syncGroups/wf-group`);
    const group = await operation.result;
    assert.equal(group.name, 'wf-group');
    const put = lastWriteTo(h, '/syncGroups/wf-group', from);
    assert.equal(put.method, 'PUT');
    assert.equal(put.apiVersion, '2025-01-01');
    assert.deepEqual(put.body, {
      properties: {
        interval: -1,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: ids.syncMeta,
        hubDatabaseUserName: 'hubUser',
        hubDatabasePassword: PASSWORD,
        enableConflictLogging: false,
        usePrivateLinkConnection: false,
      },
    });
    // Every property the walkthrough sends is sent, and nothing it says to leave out.
    const sent = (put.body as { properties: Record<string, unknown> }).properties;
    for (const k of writableKeys(SEED_CREATE_GROUP)) assert.ok(k in sent, `sends ${k}`);
    assert.equal(sent.hubDatabaseUserName, SEED_CREATE_GROUP.properties.hubDatabaseUserName);
    assert.ok(!('schema' in sent) && !('masterSyncMemberName' in sent));
    const record = h.tracker.list().history.find((r) => r.id === operation.id);
    assert.equal(record?.title, 'Create sync group wf-group');
    assert.equal(record?.status, 'succeeded');
    assert.equal(record?.target.resourceId, groupId);
    assert.equal(record?.environment, 'LocalEmulator');
  });

  it('refuses a name the hub already has, before sending anything', async () => {
    const from = h.requests.length;
    await rejects(createGroup(h.ctx, input({ name: 'WF-GROUP' })), { name: /already has a sync group named "WF-GROUP"/ });
    assert.deepEqual(h.writes(from), [], 'nothing but reads was sent');
  });

  it('refuses every broken rule at once, field by field, without a request', async () => {
    const from = h.requests.length;
    await rejects(
      createGroup(
        h.ctx,
        input({
          name: 'bad name',
          interval: 3,
          conflictResolutionPolicy: 'Nobody',
          enableConflictLogging: true,
          conflictLoggingRetentionInDays: 45,
          syncDatabaseId: '',
          hubDatabaseUserName: ' ',
          hubDatabasePassword: '',
        }),
      ),
      {
        name: /only letters, digits/,
        interval: /at least 5 seconds/,
        conflictResolutionPolicy: /Hub wins or Member wins/,
        conflictLoggingRetentionInDays: /1 to 30/,
        syncDatabaseId: /Sync metadata database is required/,
        hubDatabaseUserName: /user name is required/,
        hubDatabasePassword: /password is required/,
      },
    );
    await rejects(createGroup(h.ctx, input({ interval: Number.NaN })), { interval: /whole number/ });
    await rejects(createGroup(h.ctx, input({ hubDatabaseId: '' })), { hubDatabaseId: /Hub database is required/ });
    assert.equal(h.requests.length, from, 'not even a read');
  });

  it('refuses a sixth group on one hub (quota) on the hub field', async () => {
    const hubRef = databaseRefFromId(ids.salesArchive);
    for (let i = (await h.ctx.clients().groups.list(hubRef).toArray()).length; i < 5; i++)
      await (
        await createGroup(h.ctx, input({ name: `wf-fill-${i}` }))
      ).operation.result;
    const from = h.requests.length;
    await rejects(createGroup(h.ctx, input({ name: 'wf-sixth' })), { hubDatabaseId: /at most 5 per database/ });
    assert.deepEqual(h.writes(from), []);
  });

  it('updates the settings with a PATCH of only those settings', async () => {
    const groupId = `${ids.salesArchive}/syncGroups/wf-group`;
    const from = h.requests.length;
    const op = await updateGroupSettings(h.ctx, groupId, {
      interval: 600,
      conflictResolutionPolicy: 'MemberWin',
      enableConflictLogging: true,
      conflictLoggingRetentionInDays: 7,
      usePrivateLinkConnection: false,
    });
    await op.result;
    const patch = lastWriteTo(h, '/syncGroups/wf-group', from);
    assert.equal(patch.method, 'PATCH');
    assert.deepEqual(patch.body, {
      properties: {
        interval: 600,
        conflictResolutionPolicy: 'MemberWin',
        enableConflictLogging: true,
        conflictLoggingRetentionInDays: 7,
        usePrivateLinkConnection: false,
      },
    });
    const now = await readGroupSettings(h.ctx, groupId);
    assert.equal(now.interval, 600);
    assert.equal(now.conflictLoggingRetentionInDays, 7);
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Update sync group wf-group');
    // Retention is not sent while logging is off; a bad interval is refused before any request.
    const off = h.requests.length;
    await (
      await updateGroupSettings(h.ctx, groupId, {
        interval: -1,
        conflictResolutionPolicy: 'HubWin',
        enableConflictLogging: false,
        conflictLoggingRetentionInDays: 99,
        usePrivateLinkConnection: false,
      })
    ).result;
    assert.deepEqual(lastWriteTo(h, '/syncGroups/wf-group', off).body, {
      properties: { interval: -1, conflictResolutionPolicy: 'HubWin', enableConflictLogging: false, usePrivateLinkConnection: false },
    });
    const before = h.requests.length;
    await rejects(
      updateGroupSettings(h.ctx, groupId, {
        interval: 4,
        conflictResolutionPolicy: 'HubWin',
        enableConflictLogging: false,
        usePrivateLinkConnection: false,
      }),
      { interval: /at least 5 seconds/ },
    );
    assert.equal(h.requests.length, before);
  });

  it('deletes a group with a DELETE and no body, tracked', async () => {
    const groupId = `${ids.salesArchive}/syncGroups/wf-fill-4`;
    const from = h.requests.length;
    const op = await deleteGroup(h.ctx, groupId);
    await op.result;
    const del = lastWriteTo(h, '/syncGroups/wf-fill-4', from);
    assert.equal(del.method, 'DELETE');
    assert.equal(del.body, undefined);
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Delete sync group wf-fill-4');
    const left = await h.ctx.clients().groups.list(syncGroupRefFromId(groupId)).toArray();
    assert.ok(!left.some((g) => g.name === 'wf-fill-4'));
  });
});
