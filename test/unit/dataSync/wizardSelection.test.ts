// The Tables step's unsaved choice laid over a schema view read again: the choice wins over the saved
// schema, primary keys of chosen tables stay selected, tables no longer in the hub are dropped.
import * as assert from 'node:assert/strict';
import type { SchemaColumnView, SchemaTableView, SchemaView } from '../../../src/dataSync/webviews/protocol/dataSyncCommon';
import { withUnsavedSelection } from '../../../src/dataSync/webviews/wizardSelection';

const column = (name: string, selected: boolean, isPrimaryKey = false): SchemaColumnView => ({
  quotedName: `[${name}]`,
  name,
  dataType: 'int',
  typeLabel: 'int',
  dataSize: '4',
  isPrimaryKey,
  selected,
  drift: {},
});
const table = (name: string, selected: boolean, columns: SchemaColumnView[]): SchemaTableView => ({
  quotedName: `[dbo].[${name}]`,
  name,
  selected,
  drift: {},
  columns,
});
const view: SchemaView = {
  groupName: 'g',
  members: ['a', 'b'],
  masterSyncMemberName: 'a',
  maxTables: 500,
  memberErrors: {},
  tables: [
    table('Customers', true, [column('Id', true, true), column('Name', true), column('Email', false)]),
    table('Orders', false, [column('OrderId', false, true), column('Total', false)]),
  ],
};
const picked = (v: SchemaView) =>
  v.tables.filter((t) => t.selected).map((t) => [t.name, t.columns.filter((c) => c.selected).map((c) => c.name)]);

describe('unsaved table selection on the wizard', () => {
  it('shows the saved schema when nothing was chosen since', () => {
    assert.equal(withUnsavedSelection(view, undefined), view);
  });

  it('lays the unsaved choice over the view read again (case-insensitive names, keys always in)', () => {
    const v = withUnsavedSelection(view, {
      tables: [
        { quotedName: '[DBO].[ORDERS]', columns: ['[total]'] },
        { quotedName: '[dbo].[Gone]', columns: [] },
      ],
      masterSyncMemberName: 'b',
    });
    assert.deepEqual(picked(v), [['Orders', ['OrderId', 'Total']]]);
    assert.equal(v.masterSyncMemberName, 'b');
    assert.deepEqual(picked(view), [['Customers', ['Id', 'Name']]], 'the view it was given is unchanged');
  });
});
