// The hand-written mirroring.json schema agrees with the definition article as the emulator enforces it:
// what the emulator refuses, the schema refuses on the same property, and the documented examples pass.
import * as assert from 'node:assert/strict';
import { validateMirroring } from '../../../../src/emulator/services/fabric/definition';
import { mirroringSchemaProblems } from '../../../../src/fabric/definition/mirroringSchema';

const connection = 'a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1';
const base = () => ({
  properties: {
    source: { type: 'AzureSqlDatabase', typeProperties: { connection, database: 'Sales' } },
    target: {
      type: 'MountedRelationalDatabase',
      typeProperties: { defaultSchema: 'dbo', format: 'Delta', retentionInDays: 7 } as Record<string, unknown>,
    },
    mountedTables: [{ source: { typeProperties: { schemaName: 'dbo', tableName: 't1' } as Record<string, unknown> } }],
  } as Record<string, unknown> & { source: { type: string; typeProperties: Record<string, unknown> } },
});

const emulatorProperty = (doc: unknown): string | undefined => {
  try {
    validateMirroring(doc);
    return undefined;
  } catch (e) {
    return /'([^']+)'/.exec((e as Error).message)?.[1];
  }
};

describe('mirroring.json schema', () => {
  it('accepts the documented examples (whole database, chosen tables, retention, open mirroring)', () => {
    assert.deepEqual(mirroringSchemaProblems(base()), []);
    const whole = base();
    delete whole.properties.mountedTables;
    assert.deepEqual(mirroringSchemaProblems(whole), []);
    const open = {
      properties: { source: { type: 'GenericMirror' }, target: { type: 'MountedRelationalDatabase', typeProperties: { format: 'Delta' } } },
    };
    assert.deepEqual(mirroringSchemaProblems(open), [], 'GenericMirror needs no connection');
  });

  const cases: [string, (d: ReturnType<typeof base>) => void, string][] = [
    [
      'retention above 30',
      (d) => ((d.properties.target as { typeProperties: Record<string, unknown> }).typeProperties.retentionInDays = 99),
      'properties.target.typeProperties.retentionInDays',
    ],
    [
      'retention of 0',
      (d) => ((d.properties.target as { typeProperties: Record<string, unknown> }).typeProperties.retentionInDays = 0),
      'properties.target.typeProperties.retentionInDays',
    ],
    [
      'fractional retention',
      (d) => ((d.properties.target as { typeProperties: Record<string, unknown> }).typeProperties.retentionInDays = 2.5),
      'properties.target.typeProperties.retentionInDays',
    ],
    [
      'a format other than Delta',
      (d) => ((d.properties.target as { typeProperties: Record<string, unknown> }).typeProperties.format = 'Parquet'),
      'properties.target.typeProperties.format',
    ],
    ['another target type', (d) => ((d.properties.target as Record<string, unknown>).type = 'Lakehouse'), 'properties.target.type'],
    ['an unknown source type', (d) => (d.properties.source.type = 'Postgres'), 'properties.source.type'],
    [
      'no connection for Azure SQL',
      (d) => delete d.properties.source.typeProperties.connection,
      'properties.source.typeProperties.connection',
    ],
    [
      'a connection that is not a GUID',
      (d) => (d.properties.source.typeProperties.connection = 'conn-1'),
      'properties.source.typeProperties.connection',
    ],
    [
      'Snowflake without database',
      (d) => {
        d.properties.source.type = 'Snowflake';
        delete d.properties.source.typeProperties.database;
      },
      'properties.source.typeProperties.database',
    ],
    [
      'a mounted table without tableName',
      (d) =>
        delete (d.properties.mountedTables as { source: { typeProperties: Record<string, unknown> } }[])[0].source.typeProperties.tableName,
      'properties.mountedTables[0].source.typeProperties.tableName',
    ],
  ];
  for (const [name, change, property] of cases)
    it(`refuses ${name} on ${property}, as the emulator does`, () => {
      const doc = base();
      change(doc);
      assert.equal(emulatorProperty(doc), property, 'the emulator refuses it there');
      const problems = mirroringSchemaProblems(doc);
      assert.ok(
        problems.some((p) => p.property === property),
        `schema problems: ${JSON.stringify(problems)}`,
      );
    });
});
