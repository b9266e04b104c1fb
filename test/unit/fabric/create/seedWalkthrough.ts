// The create request of Microsoft Learn's "Microsoft Fabric mirroring public REST API" (the walkthrough
// the product follows), copied verbatim: the body, and the two mirroring.json examples it base64-encodes
// (whole database; specified tables) plus the retention section's target.

export const SEED_CREATE_BODY = {
  displayName: 'Mirrored database 1',
  description: 'A mirrored database description',
  definition: {
    parts: [
      {
        path: 'mirroring.json',
        payload: 'eyAicHJvcGVydGllcy..WJsZSIgfSB9IH0gXSB9IH0',
        payloadType: 'InlineBase64',
      },
    ],
  },
};

export const SEED_WHOLE_DATABASE = {
  properties: {
    source: {
      type: '<your source type>',
      typeProperties: {
        connection: 'a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1',
        database: 'xxxx',
      },
    },
    target: {
      type: 'MountedRelationalDatabase',
      typeProperties: {
        defaultSchema: 'xxxx',
        format: 'Delta',
      },
    },
  },
};

export const SEED_SPECIFIED_TABLES = {
  properties: {
    source: {
      type: '<your source type>',
      typeProperties: {
        connection: 'a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1',
        database: 'xxxx',
      },
    },
    target: {
      type: 'MountedRelationalDatabase',
      typeProperties: {
        defaultSchema: 'xxxx',
        format: 'Delta',
      },
    },
    mountedTables: [
      {
        source: {
          typeProperties: {
            schemaName: 'xxxx',
            tableName: 'xxxx',
          },
        },
      },
    ],
  },
};

/** "JSON definition example before Base64 encoding" of the retention section: target.typeProperties. */
export const SEED_RETENTION_TARGET = {
  type: 'MountedRelationalDatabase',
  typeProperties: {
    defaultSchema: 'xxxx',
    format: 'Delta',
    retentionInDays: 1,
  },
};

/** The seed document with its placeholders filled in (source type AzureSqlDatabase for an Azure SQL source). */
export function fillSeed<T>(seed: T, values: { connection: string; database: string; defaultSchema: string; table?: [string, string] }): T {
  const text = JSON.stringify(seed)
    .replace('<your source type>', 'AzureSqlDatabase')
    .replace('a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1', values.connection)
    .replace('"database":"xxxx"', `"database":${JSON.stringify(values.database)}`)
    .replace('"defaultSchema":"xxxx"', `"defaultSchema":${JSON.stringify(values.defaultSchema)}`)
    .replace('"schemaName":"xxxx"', `"schemaName":${JSON.stringify(values.table?.[0] ?? '')}`)
    .replace('"tableName":"xxxx"', `"tableName":${JSON.stringify(values.table?.[1] ?? '')}`);
  return JSON.parse(text) as T;
}
