import assert from 'node:assert/strict';
import { schemaPickerStateOf, setupWizardStateOf, syncLogsStateOf } from '../../../src/dataSync/webviews/panelStates';

const group = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/g';
const database = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db';

describe('states the Data Sync pages keep for a window reload', () => {
  it('reads back a log view: the group and valid filters only', () => {
    const filters = { range: { start: '2026-01-01T00:00:00.000Z', end: '2026-01-02T00:00:00.000Z' }, logType: 'Error' };
    assert.deepEqual(syncLogsStateOf({ groupId: group, filters }), { groupId: group, filters });
    assert.deepEqual(syncLogsStateOf({ groupId: `${group}/syncMembers/m`, filters: { range: { preset: 'forever' }, logType: 'All' } }), {
      groupId: group,
      filters: undefined,
    });
    for (const junk of [undefined, null, 'x', [], { groupId: database }, { groupId: 7 }]) assert.equal(syncLogsStateOf(junk), undefined);
  });
  it('reads back a schema picker and a wizard, dropping what does not fit', () => {
    assert.deepEqual(schemaPickerStateOf({ groupId: group, extra: 'ignored' }), { groupId: group });
    assert.equal(schemaPickerStateOf({}), undefined);
    assert.deepEqual(setupWizardStateOf({ target: { kind: 'database', id: database }, step: 'group' }), {
      target: { kind: 'database', id: database },
      groupId: undefined,
      step: 'group',
    });
    assert.deepEqual(setupWizardStateOf({ target: { kind: 'server', id: database }, groupId: 'nope', step: 'finale' }), {
      target: undefined,
      groupId: undefined,
      step: undefined,
    });
    assert.deepEqual(setupWizardStateOf(undefined), { target: undefined, groupId: undefined, step: undefined });
  });
});
