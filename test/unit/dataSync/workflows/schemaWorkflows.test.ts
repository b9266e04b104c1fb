// Schema workflows against the emulator, in the walkthrough's order: refresh the hub schema, read it
// (and the members'), then save the chosen tables as the group's schema together with
// masterSyncMemberName — with the rules that refuse a selection before anything is sent.
import * as assert from 'node:assert/strict';
import type { SyncFullSchemaTable } from '../../../../src/azure/sql/syncModels';
import {
  readGroupSchemas,
  refreshHubSchema,
  refreshMemberSchema,
  refreshMemberSchemas,
  saveSchema,
  schemaFor,
} from '../../../../src/dataSync/workflows/schemaWorkflows';
import { DataSyncValidationError } from '../../../../src/dataSync/workflows/validationError';
import { SEED_UPDATE_GROUP_ADDS } from './seedBodies';
import { addReplicaMember, createDemoGroup } from './workflowFixtures';
import { demoEstate, lastWriteTo, startWorkflowHarness, type WorkflowHarness } from './workflowHarness';

describe('schema workflows (emulator)', function () {
  this.timeout(30_000);
  let h: WorkflowHarness;
  let ids: ReturnType<typeof demoEstate>;
  let groupId: string;
  let emptyGroupId: string;
  let hub: SyncFullSchemaTable[];

  before(async () => {
    h = await startWorkflowHarness();
    ids = demoEstate(h);
    groupId = await createDemoGroup(h, ids, 'wf-schema');
    emptyGroupId = await createDemoGroup(h, ids, 'wf-no-members');
    await addReplicaMember(h, ids, groupId);
  });
  after(async () => {
    await h.stop();
  });

  it('refreshes the hub schema with a POST (no body), tracked, and reads it with the members', async () => {
    const from = h.requests.length;
    const op = await refreshHubSchema(h.ctx, groupId, { retry: { command: 'retry.me', args: [groupId] } });
    await op.result;
    const post = lastWriteTo(h, '/syncGroups/wf-schema/refreshHubSchema', from);
    assert.equal(post.method, 'POST');
    assert.equal(post.body, undefined);
    const record = h.tracker.list().history.find((r) => r.id === op.id);
    assert.equal(record?.title, 'Refresh hub schema of wf-schema');
    assert.deepEqual(record?.retry, { command: 'retry.me', args: [groupId] });
    const read = await readGroupSchemas(h.ctx, groupId);
    hub = read.hub;
    assert.deepEqual(
      hub.map((t) => t.quotedName),
      ['[dbo].[Customers]', '[dbo].[Orders]', '[dbo].[OrderLines]', '[dbo].[Products]'],
    );
    assert.ok(read.lastUpdateTime && Date.now() - Date.parse(read.lastUpdateTime) < 60_000, 'refreshed just now');
    assert.deepEqual(read.members, [{ name: 'replica', error: 'not read yet — refresh the member schema to compare it' }]);
  });

  it("refreshes a member's schema (and all members'), each a tracked POST", async () => {
    const from = h.requests.length;
    const op = await refreshMemberSchema(h.ctx, `${groupId}/syncMembers/replica`);
    await op.result;
    const post = lastWriteTo(h, '/syncMembers/replica/refreshSchema', from);
    assert.equal(post.method, 'POST');
    assert.equal(post.body, undefined);
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Refresh schema of member replica');
    assert.deepEqual(await refreshMemberSchemas(h.ctx, groupId), { failed: [] });
    const read = await readGroupSchemas(h.ctx, groupId);
    assert.equal(read.members[0].error, undefined);
    assert.ok((read.members[0].tables?.length ?? 0) > 0, 'the member schema can be compared now');
  });

  it('saves the selection as schema + masterSyncMemberName with a PATCH; primary keys are always included', async () => {
    const from = h.requests.length;
    const op = await saveSchema(h.ctx, groupId, hub, {
      tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Name]'] }],
      masterSyncMemberName: 'replica',
    });
    const group = await op.result;
    const patch = lastWriteTo(h, '/syncGroups/wf-schema', from);
    assert.equal(patch.method, 'PATCH');
    assert.deepEqual(patch.body, {
      properties: {
        schema: {
          tables: [
            {
              quotedName: '[dbo].[Customers]',
              columns: [
                { quotedName: '[CustomerId]', dataSize: '4', dataType: 'int' },
                { quotedName: '[Name]', dataSize: '200', dataType: 'nvarchar' },
              ],
            },
          ],
          masterSyncMemberName: 'replica',
        },
      },
    });
    // The walkthrough: "Include your schema and masterSyncMemberName".
    const schema = (patch.body as { properties: { schema: Record<string, unknown> } }).properties.schema;
    assert.ok(SEED_UPDATE_GROUP_ADDS.every((k) => k === 'schema' || k in schema));
    assert.equal(group.properties?.schema?.masterSyncMemberName, 'replica');
    assert.equal(h.tracker.list().history.find((r) => r.id === op.id)?.title, 'Update schema of sync group wf-schema');
  });

  it('names the only member as master when the selection names none', async () => {
    const from = h.requests.length;
    await (
      await saveSchema(h.ctx, groupId, hub, { tables: [{ quotedName: '[dbo].[Orders]', columns: [] }] })
    ).result;
    const body = lastWriteTo(h, '/syncGroups/wf-schema', from).body as { properties: { schema: { masterSyncMemberName?: string } } };
    assert.equal(body.properties.schema.masterSyncMemberName, 'replica');
  });

  it('refuses an empty, unknown or unsyncable selection, a master that is no member, and a group without members', async () => {
    const rejects = async (p: Promise<unknown>, messages: RegExp[]) => {
      const e = await p.then(
        () => assert.fail('expected a validation error'),
        (err: unknown) => err,
      );
      assert.ok(e instanceof DataSyncValidationError, String(e));
      assert.equal(e.messages.length, messages.length, e.messages.join(' | '));
      messages.forEach((m, i) => assert.match(e.messages[i], m));
      return e;
    };
    const from = h.requests.length;
    await rejects(saveSchema(h.ctx, groupId, hub, { tables: [], masterSyncMemberName: 'replica' }), [/at least one table/]);
    const e = await rejects(
      saveSchema(h.ctx, groupId, hub, {
        tables: [
          { quotedName: '[dbo].[Nope]', columns: [] },
          { quotedName: '[dbo].[Customers]', columns: ['[Missing]'] },
        ],
        masterSyncMemberName: 'stranger',
      }),
      [/\[dbo\]\.\[Nope\] is not in the hub schema/, /\[Missing\] is not in the hub schema/i, /"stranger" is not a member/],
    );
    assert.deepEqual(Object.keys(e.fields).sort(), ['masterSyncMemberName', 'tables']);
    await rejects(saveSchema(h.ctx, emptyGroupId, hub, { tables: [{ quotedName: '[dbo].[Orders]', columns: [] }] }), [
      /Add a member first/,
    ]);
    assert.deepEqual(h.writes(from), [], 'nothing but reads was sent');
    // Unsyncable tables are named with the reason.
    const noKey: SyncFullSchemaTable = {
      quotedName: '[dbo].[Log]',
      columns: [{ quotedName: '[At]', dataType: 'datetime2', dataSize: '8' }],
    };
    assert.match(schemaFor([noKey], { tables: [{ quotedName: '[dbo].[Log]', columns: [] }] }, ['m']).problems[0].message, /no primary key/);
  });
});
