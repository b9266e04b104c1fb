import assert from 'node:assert/strict';
import type { SyncFullSchemaTable } from '../../../src/azure/sql/syncModels';
import { buildSchemaView, summarizeSelection } from '../../../src/dataSync/webviews/schemaViewModel';
import { syncGroupIdOf, targetKindOf } from '../../../src/dataSync/webviews/targetArgs';
import { resourceIdOf } from '../../../src/ui/targetResourceId';

const c = (name: string, dataType = 'int', isPrimaryKey = false) => ({
  name,
  quotedName: `[${name}]`,
  dataType,
  dataSize: '4',
  isPrimaryKey,
});
const hub: SyncFullSchemaTable[] = [
  { name: 'dbo.A', quotedName: '[dbo].[A]', columns: [c('Id', 'int', true), c('X'), c('V', 'timestamp')] },
  { name: 'dbo.Log', quotedName: '[dbo].[Log]', columns: [c('At')] },
];

describe('schema picker view model', () => {
  it('marks the current selection, primary keys, disabled rows and member drift', () => {
    const view = buildSchemaView({
      groupName: 'g',
      hub,
      current: { tables: [{ quotedName: '[dbo].[A]', columns: [{ quotedName: '[X]' }] }], masterSyncMemberName: 'm2' },
      members: [
        { name: 'm1', tables: [{ quotedName: '[dbo].[A]', columns: [c('Id', 'int', true)] }] },
        { name: 'm2', error: 'not read yet' },
      ],
    });
    const [a, log] = view.tables;
    assert.equal(a.selected, true);
    assert.deepEqual(
      a.columns.map((x) => [x.name, x.selected, Boolean(x.disabledReason)]),
      [
        ['Id', true, false],
        ['X', true, false],
        ['V', false, true],
      ],
    );
    assert.match(log.disabledReason ?? '', /no primary key/);
    assert.equal(log.drift.m1, 'table missing');
    assert.equal(a.columns[1].drift.m1, 'column missing');
    assert.deepEqual(view.memberErrors, { m2: 'not read yet' });
    assert.equal(view.masterSyncMemberName, 'm2');
    assert.equal(view.maxTables, 500);
  });
  it('labels each column type as SQL writes it, never with a storage size', () => {
    const view = buildSchemaView({
      groupName: 'g',
      hub: [
        {
          quotedName: '[dbo].[E]',
          columns: [
            { ...c('Id', 'int', true), dataSize: '4' },
            { ...c('Org', 'hierarchyid'), dataSize: '892' },
            { ...c('At', 'datetime2'), dataSize: '8' },
            { ...c('Name', 'nvarchar'), dataSize: '50' },
            { ...c('Notes', 'varchar'), dataSize: '-1' },
          ],
        },
      ],
      members: [],
    });
    assert.deepEqual(
      view.tables[0].columns.map((x) => x.typeLabel),
      ['int', 'hierarchyid', 'datetime2', 'nvarchar(50)', 'varchar(max)'],
    );
  });
  it('summarises a selection against the saved schema and lists what blocks saving', () => {
    const current = { tables: [{ quotedName: '[dbo].[A]', columns: [{ quotedName: '[Id]' }, { quotedName: '[X]' }] }] };
    const s = summarizeSelection(hub, current, { tables: [{ quotedName: '[dbo].[A]', columns: [] }] });
    assert.deepEqual(s.removedColumns, ['[dbo].[A].[X]']);
    assert.deepEqual(s.errors, []);
    assert.match(summarizeSelection(hub, current, { tables: [] }).errors[0], /at least one table/);
    assert.match(summarizeSelection(hub, current, { tables: [{ quotedName: '[dbo].[Log]', columns: [] }] }).errors[0], /no primary key/);
  });
});

describe('command targets', () => {
  const g = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/g';
  it('accepts an id or an object with resourceId', () => {
    assert.equal(resourceIdOf(g), g);
    assert.equal(resourceIdOf({ resourceId: g }), g);
    assert.equal(resourceIdOf({ id: g }), undefined);
    assert.equal(resourceIdOf(42), undefined);
    assert.equal(resourceIdOf(null), undefined);
    assert.equal(resourceIdOf(` ${g} `), g, 'blanks around an id are dropped');
    assert.equal(resourceIdOf('  '), undefined, 'a blank id is no target');
    assert.equal(resourceIdOf({ resourceId: '' }), undefined);
  });
  it('knows servers, databases and groups; a member id leads to its group', () => {
    assert.equal(targetKindOf(g), 'syncGroup');
    assert.equal(targetKindOf(g.replace(/\/syncGroups\/g$/, '')), 'database');
    assert.equal(targetKindOf('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv'), 'server');
    assert.equal(targetKindOf('/subscriptions/s'), undefined);
    assert.equal(syncGroupIdOf(`${g}/syncMembers/m`), g);
  });
});
