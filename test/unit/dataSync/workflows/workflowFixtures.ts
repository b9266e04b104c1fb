// What several workflow tests start from or check: a group on the demo hub with nothing in it yet, an Azure
// member "replica" in it, and the refusal of a request field by field before anything is sent.
import * as assert from 'node:assert/strict';
import { createGroup } from '../../../../src/dataSync/workflows/syncGroupWorkflows';
import { addMember } from '../../../../src/dataSync/workflows/syncMemberWorkflows';
import { DataSyncValidationError } from '../../../../src/dataSync/workflows/validationError';
import type { demoEstate, WorkflowHarness } from './workflowHarness';

type DemoIds = ReturnType<typeof demoEstate>;

/** Creates a group on SalesArchive (no schema yet), waits for it, and returns its id. */
export async function createDemoGroup(h: WorkflowHarness, ids: DemoIds, name: string): Promise<string> {
  const created = await createGroup(h.ctx, {
    hubDatabaseId: ids.salesArchive,
    name,
    syncDatabaseId: ids.syncMeta,
    interval: -1,
    conflictResolutionPolicy: 'HubWin',
    enableConflictLogging: false,
    usePrivateLinkConnection: false,
    hubDatabaseUserName: 'hubUser',
    hubDatabasePassword: 'Hub!Passw0rd',
  });
  await created.operation.result;
  return created.groupId;
}

/** Adds SalesReplicaEast as the member "replica" of the group and waits for it. */
export async function addReplicaMember(h: WorkflowHarness, ids: DemoIds, groupId: string): Promise<void> {
  const added = await addMember(h.ctx, {
    groupId,
    name: 'replica',
    kind: 'azure',
    databaseId: ids.east,
    syncDirection: 'Bidirectional',
    userName: 'u',
    password: 'Member!Passw0rd',
  });
  await added.operation.result;
}

/** Asserts that `p` fails with a validation error on exactly these fields, each message matching its pattern. */
export async function rejectsFields(p: Promise<unknown>, fields: Record<string, RegExp>): Promise<void> {
  const e = await p.then(
    () => assert.fail('expected a validation error'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof DataSyncValidationError, String(e));
  assert.deepEqual(Object.keys(e.fields).sort(), Object.keys(fields).sort(), JSON.stringify(e.fields));
  for (const [f, re] of Object.entries(fields)) assert.match(e.fields[f], re);
}
