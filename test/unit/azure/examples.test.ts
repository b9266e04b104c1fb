// Every example response vendored under test/fixtures/spec-examples (azure and fabric) goes through the typed
// deserializers and must come back deep-equal: no field lost, no type mismatch. A new example file
// without a mapping fails the suite, so coverage cannot silently shrink.
import assert from 'node:assert/strict';
import path from 'node:path';
import { exampleBodies, exampleFiles, SPECS_ROOT } from '../helpers/specExamples';
import { deserialize, type ModelSpec } from '../../../src/azure/models/modelSchema';
import { SUBSCRIPTION } from '../../../src/azure/resources/subscriptionsClient';
import { SQL_DATABASE, SQL_SERVER } from '../../../src/azure/sql/serverModels';
import {
  SYNC_AGENT,
  SYNC_AGENT_KEY,
  SYNC_AGENT_LINKED_DATABASE,
  SYNC_DATABASE_ID,
  SYNC_FULL_SCHEMA,
  SYNC_GROUP,
  SYNC_GROUP_LOG,
  SYNC_MEMBER,
} from '../../../src/azure/sql/syncModels';
import {
  DEFINITION_RESPONSE,
  FABRIC_ITEM,
  MIRRORED_DATABASE,
  MIRRORING_STATUS,
  OPERATION_STATE,
  TABLE_MIRRORING_STATUS,
  WORKSPACE,
} from '../../../src/azure/fabric/fabricModels';
import { OPERATION_STATUS, PROTECTION_CONTAINER, VAULT } from '../../../src/azure/backup/backupModels';

/** How each example's body is read: one model, or a list of it under `value` / `data`. */
type Reading = { one: ModelSpec } | { list: ModelSpec; field?: 'value' | 'data' };

const EXAMPLE_MODELS: Record<string, Reading> = {
  'ListBySubscriptionIds.json': { list: VAULT },
  'ProtectedItemOperationStatus.json': { one: OPERATION_STATUS },
  'ProtectionContainers_Register.json': { one: PROTECTION_CONTAINER },
  'GetSubscriptions.json': { list: SUBSCRIPTION },
  'ServerList.json': { list: SQL_SERVER },
  'ListVCoreDatabasesByServer.json': { list: SQL_DATABASE },
  'SyncAgentCreate.json': { one: SYNC_AGENT },
  'SyncAgentGenerateKey.json': { one: SYNC_AGENT_KEY },
  'SyncAgentGetLinkedDatabases.json': { list: SYNC_AGENT_LINKED_DATABASE },
  'SyncGroupGet.json': { one: SYNC_GROUP },
  'SyncGroupCreate.json': { one: SYNC_GROUP },
  'SyncGroupPatch.json': { one: SYNC_GROUP },
  'SyncGroupListByDatabase.json': { list: SYNC_GROUP },
  'SyncGroupGetHubSchema.json': { list: SYNC_FULL_SCHEMA },
  'SyncGroupGetLog.json': { list: SYNC_GROUP_LOG },
  'SyncGroupGetSyncDatabaseId.json': { list: SYNC_DATABASE_ID },
  'SyncMemberCreate.json': { one: SYNC_MEMBER },
  'SyncMemberListBySyncGroup.json': { list: SYNC_MEMBER },
  'CreateMirroredDatabase.json': { one: MIRRORED_DATABASE },
  'GetMirroredDatabase.json': { one: MIRRORED_DATABASE },
  'UpdateMirroredDatabase.json': { one: MIRRORED_DATABASE },
  'ListMirroredDatabasesInWorkspace.json': { list: MIRRORED_DATABASE },
  'GetMirroredDatabaseDefinition.json': { one: DEFINITION_RESPONSE },
  'GetMirroringStatus.json': { one: MIRRORING_STATUS },
  'GetTablesMirroringStatus.json': { list: TABLE_MIRRORING_STATUS, field: 'data' },
  'GetLongRunningOperationResult.json': { one: FABRIC_ITEM },
  'GetLongRunningOperationStateCompleted.json': { one: OPERATION_STATE },
  'GetLongRunningOperationStateRunning.json': { one: OPERATION_STATE },
  'GetWorkspace.json': { one: WORKSPACE },
  'ListWorkspaces.json': { list: WORKSPACE },
  'ListWorkspacesWithContinuation.json': { list: WORKSPACE },
  'ListWorkspacesWithPreferWorkspaceSpecificEndpoints.json': { list: WORKSPACE },
  'ListWorkspacesWithWorkspaceRoleFilter.json': { list: WORKSPACE },
  'ListItemsInWorkspace.json': { list: FABRIC_ITEM },
  'ListItemsInWorkspaceByType.json': { list: FABRIC_ITEM },
  'ListItemsInWorkspaceWithContinuation.json': { list: FABRIC_ITEM },
};

describe('every saved example response parses through the typed models with no field lost', () => {
  const files = exampleFiles();

  it('finds the saved examples (both azure and fabric)', () => {
    assert.ok(files.some((f) => f.includes('azure-rest-api-specs')) && files.some((f) => f.includes('fabric-rest-api-specs')));
    const names = new Set(files.map((f) => path.basename(f)));
    const missing = Object.keys(EXAMPLE_MODELS).filter((n) => !names.has(n));
    assert.deepEqual(missing, [], 'every mapped example is vendored');
  });

  for (const file of files) {
    const bodies = exampleBodies(file);
    if (!bodies.length) continue;
    const name = path.basename(file);
    it(`${path.relative(SPECS_ROOT, file)}`, () => {
      const reading = EXAMPLE_MODELS[name];
      assert.ok(reading, `no model mapped for ${name}: add it to EXAMPLE_MODELS`);
      for (const { status, body } of bodies) {
        if ('one' in reading) {
          assert.deepEqual(deserialize(reading.one, body), body, `${name} ${status}`);
        } else {
          const field = reading.field ?? 'value';
          const items = (body as Record<string, unknown>)[field];
          assert.ok(Array.isArray(items) && items.length > 0, `${name} ${status}: ${field} is a non-empty array`);
          const parsed = items.map((item) => deserialize(reading.list, item));
          assert.deepEqual(parsed, items, `${name} ${status}`);
          assert.deepEqual({ ...(body as object), [field]: parsed }, body);
        }
      }
    });
  }

  it('a wrong type is reported with its JSON path (not silently passed on)', () => {
    assert.throws(
      () => deserialize(SYNC_GROUP, { properties: { interval: '60' } }),
      /SyncGroup\.properties\.interval: expected number, got string/,
    );
    assert.throws(
      () => deserialize(TABLE_MIRRORING_STATUS, { metrics: { processedRows: [1] } }),
      /metrics\.processedRows: expected number, got array/,
    );
  });

  it('unknown enum values and unknown properties pass through unchanged', () => {
    const future = { properties: { syncState: 'SomethingNew2030', newFlag: { nested: [1, 2] } }, brandNew: true };
    assert.deepEqual(deserialize(SYNC_GROUP, future), future);
  });
});
