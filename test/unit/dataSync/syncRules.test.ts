import assert from 'node:assert/strict';
import type { SyncFullSchemaTable } from '../../../src/azure/sql/syncModels';
import {
  buildGroupSchema,
  CONFLICT_POLICIES,
  describeDrift,
  diffSchemas,
  isEmptyDiff,
  MAX_TABLES_PER_GROUP,
  memberDrift,
  parseIntervalText,
  parseWholeNumber,
  SYNC_DIRECTIONS,
  syncabilityOf,
  validateConflictPolicy,
  validateGroupQuota,
  validateInterval,
  validateIntervalText,
  validateMemberQuota,
  validateRequired,
  validateRetentionDays,
  validateRetentionText,
  validateSyncDirection,
  validateSyncGroupName,
  validateSyncMemberName,
} from '../../../src/dataSync/syncRules';

const col = (name: string, dataType: string, extra: Record<string, unknown> = {}) => ({
  name,
  quotedName: `[${name}]`,
  dataType,
  dataSize: '4',
  ...extra,
});
const table = (name: string, columns: ReturnType<typeof col>[]): SyncFullSchemaTable => ({
  name,
  quotedName: name
    .split('.')
    .map((p) => `[${p}]`)
    .join('.'),
  columns,
});

const customers = table('dbo.Customers', [
  col('Id', 'int', { isPrimaryKey: true }),
  col('Name', 'nvarchar'),
  col('Ver', 'rowversion'),
  col('Org', 'hierarchyid'),
]);
const noKey = table('dbo.Audit', [col('At', 'datetime2'), col('What', 'nvarchar')]);
const variantKey = table('dbo.Odd', [col('K', 'sql_variant', { isPrimaryKey: true }), col('V', 'int')]);
const flagged = table('dbo.Calc', [
  col('Id', 'int', { isPrimaryKey: true }),
  col('Total', 'int', { hasError: true, errorId: 'Schema_ComputedColumn' }),
  col('C2', 'int', { isComputed: true }),
]);

describe('syncRules: names', () => {
  it('accepts letters, digits, dash and underscore up to 150 characters', () => {
    assert.equal(validateSyncGroupName('sales-sync_01'), undefined);
    assert.equal(validateSyncGroupName('x'.repeat(150)), undefined);
  });
  it('refuses empty, too long, path characters and other punctuation, naming the field', () => {
    assert.match(validateSyncGroupName('') ?? '', /^Sync group name is required/);
    assert.match(validateSyncGroupName(undefined) ?? '', /required/);
    assert.match(validateSyncGroupName('x'.repeat(151)) ?? '', /too long \(151 characters, at most 150\)/);
    for (const c of ['/', '\\', '?', '#', '%']) assert.match(validateSyncGroupName(`a${c}b`) ?? '', /cannot contain/, c);
    for (const c of ['&', ' ', '.', '*', 'é']) assert.match(validateSyncGroupName(`a${c}b`) ?? '', /only letters, digits/, c);
    assert.match(validateSyncMemberName('bad name') ?? '', /^Sync member name/);
  });
});

describe('syncRules: interval, retention, required, quotas', () => {
  it('interval: -1 (manual) or at least 5 seconds, whole numbers only', () => {
    assert.equal(validateInterval(-1), undefined);
    assert.equal(validateInterval(5), undefined);
    assert.equal(validateInterval(3600), undefined);
    assert.match(validateInterval(4) ?? '', /at least 5 seconds/);
    assert.match(validateInterval(0) ?? '', /at least 5 seconds/);
    assert.match(validateInterval(-2) ?? '', /at least 5 seconds/);
    assert.match(validateInterval(7.5) ?? '', /whole number/);
    assert.match(validateInterval(Number.NaN) ?? '', /whole number/);
    assert.match(validateInterval('60') ?? '', /whole number/);
  });
  it('interval as typed (input boxes and the wizard): "manual" is -1, anything but a whole number is refused', () => {
    assert.equal(parseIntervalText(' manual '), -1);
    assert.equal(parseIntervalText('MANUAL'), -1);
    assert.equal(parseIntervalText(' 300 '), 300);
    assert.equal(parseIntervalText('-1'), -1);
    assert.ok(Number.isNaN(parseIntervalText('4.5')));
    assert.ok(Number.isNaN(parseIntervalText('soon')));
    assert.ok(Number.isNaN(parseIntervalText('')));
    assert.equal(validateIntervalText('manual'), undefined);
    assert.equal(validateIntervalText('5'), undefined);
    assert.match(validateIntervalText('3') ?? '', /at least 5 seconds/);
    assert.match(validateIntervalText('soon') ?? '', /whole number/);
    assert.equal(parseWholeNumber('12'), 12);
    assert.ok(Number.isNaN(parseWholeNumber('1e3')));
  });
  it('retention as typed', () => {
    assert.equal(validateRetentionText('7'), undefined);
    assert.match(validateRetentionText('45') ?? '', /1 to 30/);
    assert.match(validateRetentionText('-3') ?? '', /1 to 30/);
    assert.match(validateRetentionText('week') ?? '', /1 to 30/);
  });
  it('one list of sync directions and of conflict policies, the API values', () => {
    assert.deepEqual(
      SYNC_DIRECTIONS.map((d) => d.value),
      ['Bidirectional', 'OneWayMemberToHub', 'OneWayHubToMember'],
    );
    for (const d of SYNC_DIRECTIONS) assert.equal(validateSyncDirection(d.value), undefined);
    assert.match(validateSyncDirection('bidirectional') ?? '', /Choose a sync direction/);
    assert.deepEqual(
      CONFLICT_POLICIES.map((p) => p.value),
      ['HubWin', 'MemberWin'],
    );
    assert.equal(validateConflictPolicy('MemberWin'), undefined);
    assert.match(validateConflictPolicy('Nobody') ?? '', /Hub wins or Member wins/);
  });
  it('retention: 1 to 30 days', () => {
    assert.equal(validateRetentionDays(1), undefined);
    assert.equal(validateRetentionDays(30), undefined);
    assert.match(validateRetentionDays(0) ?? '', /1 to 30/);
    assert.match(validateRetentionDays(31) ?? '', /1 to 30/);
  });
  it('required fields', () => {
    assert.equal(validateRequired('sa', 'Hub user name'), undefined);
    assert.equal(validateRequired('  ', 'Hub password'), 'Hub password is required.');
    assert.equal(validateRequired(undefined, 'Hub password'), 'Hub password is required.');
  });
  it('5 groups per hub database, 30 members per group', () => {
    assert.equal(validateGroupQuota(4), undefined);
    assert.match(validateGroupQuota(5) ?? '', /at most 5 per database/);
    assert.equal(validateMemberQuota(29), undefined);
    assert.match(validateMemberQuota(30) ?? '', /at most 30/);
  });
});

describe('syncRules: syncability', () => {
  it('a table with a primary key is syncable; unsupported columns are not, with the reason', () => {
    const s = syncabilityOf(customers);
    assert.equal(s.syncable, true);
    assert.equal(s.columns.get('[name]')?.syncable, true);
    assert.match(s.columns.get('[ver]')?.reason ?? '', /rowversion/);
    assert.match(s.columns.get('[org]')?.reason ?? '', /hierarchyid/);
    for (const t of ['timestamp', 'cursor', 'filestream', 'xmlschemacollection', 'clr_udt']) {
      assert.equal(
        syncabilityOf(table('dbo.T', [col('Id', 'int', { isPrimaryKey: true }), col('X', t)])).columns.get('[x]')?.syncable,
        false,
        t,
      );
    }
  });
  it('a table without a primary key is disabled as a whole', () => {
    const s = syncabilityOf(noKey);
    assert.equal(s.syncable, false);
    assert.match(s.reason ?? '', /no primary key/);
  });
  it('a primary key of an unsupported key type disables the table', () => {
    const s = syncabilityOf(variantKey);
    assert.equal(s.syncable, false);
    assert.match(s.reason ?? '', /\[K\].*sql_variant/);
  });
  it('computed and service-flagged columns are disabled', () => {
    const s = syncabilityOf(flagged);
    assert.equal(s.syncable, true);
    assert.match(s.columns.get('[total]')?.reason ?? '', /Computed/);
    assert.match(s.columns.get('[c2]')?.reason ?? '', /Computed/);
  });
});

describe('syncRules: building the group schema', () => {
  it('adds the primary key, copies types from the hub and keeps the master member', () => {
    const r = buildGroupSchema([customers], {
      tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Name]'] }],
      masterSyncMemberName: 'm1',
    });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.schema, {
      masterSyncMemberName: 'm1',
      tables: [
        {
          quotedName: '[dbo].[Customers]',
          columns: [
            { quotedName: '[Id]', dataType: 'int', dataSize: '4' },
            { quotedName: '[Name]', dataType: 'nvarchar', dataSize: '4' },
          ],
        },
      ],
    });
  });
  it('refuses unsyncable tables and columns, unknown ones, and more than 500 tables', () => {
    assert.match(buildGroupSchema([noKey], { tables: [{ quotedName: '[dbo].[Audit]', columns: [] }] }).errors[0], /no primary key/);
    assert.match(
      buildGroupSchema([customers], { tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Ver]'] }] }).errors[0],
      /\[Ver\] cannot be synced/,
    );
    assert.match(
      buildGroupSchema([customers], { tables: [{ quotedName: '[dbo].[Nope]', columns: [] }] }).errors[0],
      /not in the hub schema/,
    );
    assert.match(
      buildGroupSchema([customers], { tables: [{ quotedName: '[dbo].[Customers]', columns: ['[Zip]'] }] }).errors[0],
      /\[zip\] is not in the hub/,
    );
    const many = Array.from({ length: MAX_TABLES_PER_GROUP + 1 }, (_, i) => table(`dbo.T${i}`, [col('Id', 'int', { isPrimaryKey: true })]));
    const r = buildGroupSchema(many, { tables: many.map((t) => ({ quotedName: t.quotedName!, columns: [] })) });
    assert.match(r.errors[0], /at most 500 tables; 501 are selected/);
    assert.equal(r.schema, undefined);
    assert.deepEqual(
      buildGroupSchema(many.slice(0, 500), { tables: many.slice(0, 500).map((t) => ({ quotedName: t.quotedName!, columns: [] })) }).errors,
      [],
    );
  });
});

describe('syncRules: diffs', () => {
  it('lists added and removed tables and columns, ignoring case', () => {
    const current = [
      { quotedName: '[dbo].[A]', columns: [{ quotedName: '[Id]' }, { quotedName: '[X]' }] },
      { quotedName: '[dbo].[B]', columns: [] },
    ];
    const next = [
      { quotedName: '[DBO].[a]', columns: [{ quotedName: '[id]' }, { quotedName: '[Y]' }] },
      { quotedName: '[dbo].[C]', columns: [] },
    ];
    assert.deepEqual(diffSchemas(current, next), {
      addedTables: ['[dbo].[C]'],
      removedTables: ['[dbo].[B]'],
      addedColumns: ['[dbo].[A].[Y]'],
      removedColumns: ['[dbo].[A].[X]'],
    });
    assert.equal(isEmptyDiff(diffSchemas(current, current)), true);
  });
  it('marks what a member lacks or types differently than the hub', () => {
    const member = [
      table('dbo.Customers', [
        col('Id', 'int', { isPrimaryKey: true }),
        { ...col('Name', 'nvarchar'), dataSize: '100' },
        col('Ver', 'rowversion'),
      ]),
    ];
    const d = memberDrift([customers, noKey], member);
    assert.deepEqual(d.tables.get('[dbo].[audit]'), { kind: 'missingTable' });
    assert.deepEqual(d.columns.get('[dbo].[customers].[org]'), { kind: 'missingColumn' });
    assert.equal(describeDrift(d.columns.get('[dbo].[customers].[name]')!), 'nvarchar(100) here, nvarchar(4) in the hub');
    assert.equal(d.columns.has('[dbo].[customers].[id]'), false);
  });
  it('names a differing type as a DBA writes it, without storage sizes', () => {
    const hubTable = table('dbo.T', [col('Id', 'int', { isPrimaryKey: true }), { ...col('At', 'datetime2'), dataSize: '8' }]);
    const memberTable = table('dbo.T', [
      { ...col('Id', 'bigint', { isPrimaryKey: true }), dataSize: '8' },
      { ...col('At', 'datetime'), dataSize: '8' },
    ]);
    const d = memberDrift([hubTable], [memberTable]);
    assert.equal(describeDrift(d.columns.get('[dbo].[t].[id]')!), 'bigint here, int in the hub');
    assert.equal(describeDrift(d.columns.get('[dbo].[t].[at]')!), 'datetime here, datetime2 in the hub');
    const sameLabel = memberDrift(
      [table('dbo.T', [{ ...col('Id', 'int', { isPrimaryKey: true }), dataSize: '4' }])],
      [table('dbo.T', [{ ...col('Id', 'int', { isPrimaryKey: true }), dataSize: '8' }])],
    );
    assert.equal(describeDrift(sameLabel.columns.get('[dbo].[t].[id]')!), 'int (size 8) here, int (size 4) in the hub');
  });
});
