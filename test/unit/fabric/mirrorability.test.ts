// Fabric's Azure SQL mirroring limits as the pure rules apply them to what ARM reports.
import * as assert from 'node:assert/strict';
import { keyCheckQuery, tableVerdict, tierVerdict, type TableFacts } from '../../../src/fabric/mirrorability';

const table = (o: Partial<TableFacts> = {}): TableFacts => ({
  schema: 'dbo',
  name: 'Orders',
  temporalType: 'NonTemporalTable',
  memoryOptimized: false,
  columns: [
    { name: 'OrderId', columnType: 'int', isComputed: false },
    { name: 'Total', columnType: 'money', isComputed: false },
  ],
  ...o,
});

describe('mirrorability rules', () => {
  it('a plain table is mirrorable with nothing skipped', () => {
    assert.deepEqual(tableVerdict(table()), { schema: 'dbo', name: 'Orders', status: 'mirrorable', skippedColumns: [] });
  });

  it('memory-optimized and temporal history tables cannot be mirrored, with the reason', () => {
    const mem = tableVerdict(table({ memoryOptimized: true }));
    assert.equal(mem.status, 'notMirrorable');
    assert.match(mem.reason!, /Memory-optimized/);
    const hist = tableVerdict(table({ temporalType: 'HistoryTable' }));
    assert.equal(hist.status, 'notMirrorable');
    assert.match(hist.reason!, /temporal history/i);
    assert.equal(
      tableVerdict(table({ temporalType: 'SystemVersionedTemporalTable' })).status,
      'mirrorable',
      'the current table of a temporal pair is fine',
    );
  });

  it('json and vector columns make the whole table unmirrorable', () => {
    for (const type of ['json', 'vector', 'JSON']) {
      const v = tableVerdict(table({ columns: [{ name: 'Doc', columnType: type }] }));
      assert.equal(v.status, 'notMirrorable', type);
      assert.match(v.reason!, /'Doc'/);
    }
  });

  it('computed or key-restricted columns ask for a key check (ARM shows no keys) and are skipped', () => {
    const computed = tableVerdict(
      table({
        columns: [
          { name: 'Id', columnType: 'int' },
          { name: 'ShipKey', columnType: 'varchar', isComputed: true },
        ],
      }),
    );
    assert.equal(computed.status, 'checkKey');
    assert.match(computed.reason!, /'ShipKey' is part of the primary key/);
    assert.deepEqual(computed.skippedColumns, ['ShipKey']);
    for (const type of ['geography', 'geometry', 'hierarchyid', 'sql_variant', 'timestamp']) {
      const v = tableVerdict(table({ columns: [{ name: 'K', columnType: type }] }));
      assert.equal(v.status, 'checkKey', type);
    }
  });

  it('lists skipped column types while the table stays mirrorable', () => {
    const v = tableVerdict(
      table({
        columns: [
          { name: 'Id', columnType: 'int' },
          { name: 'Notes', columnType: 'ntext' },
          { name: 'X', columnType: 'xml' },
        ],
      }),
    );
    assert.equal(v.status, 'mirrorable');
    assert.deepEqual(v.skippedColumns, ['Notes', 'X']);
  });

  it('unknown column types pass through', () => {
    assert.equal(tableVerdict(table({ columns: [{ name: 'Id', columnType: 'someFutureType' }] })).status, 'mirrorable');
  });

  it('the key check query names the table, quoted', () => {
    const q = keyCheckQuery({ schema: 'sales', name: "O'Brien" });
    assert.match(q, /OBJECT_ID\(N'\[sales\]\.\[O''Brien\]'\)/);
    assert.match(q, /is_primary_key = 1/);
  });

  it('service tiers: Free, Basic and Standard under 100 DTU are not supported', () => {
    assert.equal(tierVerdict({ name: 'Basic', tier: 'Basic', capacity: 5 }).supported, false);
    assert.equal(tierVerdict({ name: 'Free', tier: 'Free' }).supported, false);
    assert.equal(tierVerdict({ name: 'S0', tier: 'Standard', capacity: 10 }).supported, false);
    assert.equal(tierVerdict({ name: 'S2', tier: 'Standard' }).supported, false, 'DTU from the objective name');
    assert.match(tierVerdict({ name: 'S0', tier: 'Standard', capacity: 10 }).reason, /10 DTU/);
    assert.equal(tierVerdict({ name: 'S3', tier: 'Standard', capacity: 100 }).supported, true);
    assert.equal(tierVerdict({ name: 'P1', tier: 'Premium', capacity: 125 }).supported, true);
    assert.equal(tierVerdict({ name: 'GP_Gen5', tier: 'GeneralPurpose', capacity: 8 }).supported, true);
    assert.equal(tierVerdict({ name: 'HS_Gen5', tier: 'Hyperscale' }).supported, true);
    assert.equal(tierVerdict({ name: 'DW100c', tier: 'DataWarehouse' }).supported, undefined, 'not claimed either way');
    assert.equal(tierVerdict(undefined).supported, undefined);
  });
});
