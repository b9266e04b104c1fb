import assert from 'node:assert/strict';
import type { OperationRecord } from '../../../src/operations/operationRecord';
import { deletionOfGroup } from '../../../src/dataSync/webviews/groupGoneWatch';

const server = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv';
const database = `${server}/databases/Hub`;
const group = `${database}/syncGroups/sales`;

const ended = (resourceId: string, patch: Partial<OperationRecord> = {}): OperationRecord => ({
  id: 'op',
  title: 'Delete something',
  kind: 'arm',
  target: { resourceId, label: 'thing' },
  environment: 'env',
  startedAt: 0,
  status: 'succeeded',
  initialRequest: { method: 'DELETE', url: `https://arm${resourceId}`, at: '2026-01-01T00:00:00Z' },
  ...patch,
});

describe('a sync group deleted from anywhere', () => {
  it('is gone when a delete of the group, its database or its server succeeds (ids in any case)', () => {
    assert.match(deletionOfGroup(ended(group.toUpperCase()), group) ?? '', /Sync group sales was deleted/);
    assert.match(
      deletionOfGroup(ended(database, { target: { resourceId: database, label: 'database Hub' } }), group) ?? '',
      /its database Hub was deleted/,
    );
    assert.match(deletionOfGroup(ended(server), group) ?? '', /no longer exists/);
  });
  it('is not gone after a failed delete, a member delete, an update, or a delete of a look-alike', () => {
    assert.equal(deletionOfGroup(ended(group, { status: 'failed' }), group), undefined);
    assert.equal(deletionOfGroup(ended(`${group}/syncMembers/m1`), group), undefined);
    assert.equal(
      deletionOfGroup(ended(group, { title: 'Update sync group sales', initialRequest: { method: 'PATCH', url: 'x', at: 'y' } }), group),
      undefined,
    );
    assert.equal(deletionOfGroup(ended(`${database}/syncGroups/sal`), group), undefined);
    assert.equal(deletionOfGroup(ended(`${server}/databases/Hu`), group), undefined);
  });
});
