// Fabric's Azure SQL mirroring limits as the pure rules apply them to what ARM reports.
import * as assert from 'node:assert/strict';
import {
  KEY_TYPES_LIMITED_TO_PRECISION_6,
  UNSUPPORTED_KEY_TYPES,
  keyCheckQuery,
  keyLimitsQuery,
  tableVerdict,
  tierVerdict,
  type TableFacts,
} from '../../../src/fabric/mirrorability';

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

  it('the key check reason names every documented key limit, the precision-7 types included', () => {
    const v = tableVerdict(table({ columns: [{ name: 'K', columnType: 'hierarchyid' }] }));
    for (const limit of [
      'computed',
      'user-defined',
      'hierarchyid',
      'sql_variant',
      'timestamp/rowversion',
      'datetime2(7)',
      'datetimeoffset(7)',
      'time(7)',
    ])
      assert.ok(v.reason!.includes(limit), limit);
  });

  it('the key check query lists the key columns (the primary key, else the clustered index) in key order, with types', () => {
    const q = keyCheckQuery({ schema: 'sales', name: 'Shipments' });
    assert.match(q, /^-- Key columns of \[sales\]\.\[Shipments\]/);
    assert.match(q, /c\.name AS column_name, ty\.name AS type_name, c\.precision, c\.scale, c\.is_computed/);
    // The clustered index counts only for a table without a primary key; included columns are not key columns.
    assert.match(
      q,
      /i\.is_primary_key = 1 OR \(i\.index_id = 1 AND NOT EXISTS \(SELECT 1 FROM sys\.indexes p WHERE p\.object_id = i\.object_id AND p\.is_primary_key = 1\)\)/,
    );
    assert.match(q, /ic\.key_ordinal > 0/);
    assert.match(q, /ORDER BY ic\.key_ordinal;$/);
    assert.match(q, /JOIN sys\.types ty ON ty\.user_type_id = c\.user_type_id/);
  });

  it('the key check query names each unsupported key column with the reason', () => {
    const q = keyCheckQuery({ schema: 'dbo', name: 'T' });
    const unsupported = /CASE\n([\s\S]*?)\n\s*END AS unsupported/.exec(q)?.[1] ?? '';
    assert.match(unsupported, /WHEN c\.is_computed = 1 THEN N'computed column'/);
    assert.match(unsupported, /WHEN ty\.is_user_defined = 1 THEN N'user-defined type ' \+ ty\.name/);
    const notSupported = /WHEN ty\.name IN \(([^)]*)\) THEN ty\.name \+ N' is not supported in a key'/.exec(unsupported)?.[1];
    assert.deepEqual(
      notSupported?.split(', ').map((n) => n.replace(/'/g, '')),
      UNSUPPORTED_KEY_TYPES,
      'geometry, geography, hierarchyid, sql_variant, timestamp (rowversion)',
    );
    const precise =
      /WHEN ty\.name IN \(([^)]*)\) AND c\.scale = 7 THEN ty\.name \+ N'\(7\) is not supported in a key; precision 6 or less is'/.exec(
        unsupported,
      )?.[1];
    assert.deepEqual(
      precise?.split(', ').map((n) => n.replace(/'/g, '')),
      KEY_TYPES_LIMITED_TO_PRECISION_6,
    );
    assert.deepEqual(KEY_TYPES_LIMITED_TO_PRECISION_6, ['datetime2', 'datetimeoffset', 'time']);
  });

  it('the database-wide key query returns only the key columns Fabric refuses, per table', () => {
    const q = keyLimitsQuery();
    assert.match(q, /s\.name AS schema_name, o\.name AS table_name/);
    assert.match(q, /\) k WHERE k\.unsupported IS NOT NULL/);
    assert.match(q, /o\.is_ms_shipped = 0/);
    assert.match(q, /c\.scale = 7/);
    assert.match(q, /NOT EXISTS \(SELECT 1 FROM sys\.indexes p/);
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
