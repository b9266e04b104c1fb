// The mirrored database definition: parts (`mirroring.json` required, `.platform` optional), each
// InlineBase64; `mirroring.json` validated against the "Mirrored database definition" article, since no
// JSON schema is published. Undecodable parts → CorruptedPayload; shape violations → InvalidRequest
// naming the property.
import type { MirroringDocument } from '../../fabricModel';
import { corruptedPayload, invalidRequest } from './errors';
import { isGuid } from './state';

export const MIRRORING_PART = 'mirroring.json';
export const PLATFORM_PART = '.platform';

/** The newer article's source types (the older copy lists eight of them). */
export const SOURCE_TYPES = [
  'AzureMySql',
  'AzurePostgreSql',
  'AzureSqlDatabase',
  'AzureSqlMI',
  'CosmosDb',
  'GenericMirror',
  'GoogleBigQuery',
  'MSSQL',
  'Oracle',
  'SAP',
  'SharePointList',
  'Snowflake',
  'SqlServer2025',
];
const NO_CONNECTION_NEEDED = ['GenericMirror', 'SAP'];
const DATABASE_REQUIRED = ['Snowflake', 'CosmosDb'];

export interface ParsedDefinition {
  mirroring: MirroringDocument;
  platformPayload?: string;
}

export interface DefinitionPart {
  path: string;
  payload: string;
  payloadType: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseDefinition(definition: unknown): ParsedDefinition {
  if (!isObj(definition)) throw invalidRequest("The request must contain 'definition' with its parts.", 'definition');
  if (definition.format !== undefined && typeof definition.format !== 'string')
    throw invalidRequest("'definition.format' must be a string.", 'definition.format');
  const parts = definition.parts;
  if (!Array.isArray(parts) || parts.length === 0)
    throw invalidRequest("'definition.parts' must be a non-empty array.", 'definition.parts');
  let mirroring: MirroringDocument | undefined;
  let platformPayload: string | undefined;
  const seen = new Set<string>();
  parts.forEach((raw: unknown, i) => {
    const where = `definition.parts[${i}]`;
    if (!isObj(raw)) throw invalidRequest(`'${where}' must be an object with path, payload and payloadType.`, where);
    if (typeof raw.path !== 'string' || !raw.path) throw invalidRequest(`'${where}.path' is required.`, `${where}.path`);
    if (raw.payloadType !== 'InlineBase64')
      throw invalidRequest(`'${where}.payloadType' must be 'InlineBase64', got '${String(raw.payloadType)}'.`, `${where}.payloadType`);
    if (typeof raw.payload !== 'string') throw invalidRequest(`'${where}.payload' is required.`, `${where}.payload`);
    if (seen.has(raw.path)) throw invalidRequest(`The definition has the part '${raw.path}' twice.`, `${where}.path`);
    seen.add(raw.path);
    if (raw.path === MIRRORING_PART) mirroring = validateMirroring(decodeJson(raw.payload, raw.path));
    else if (raw.path === PLATFORM_PART) {
      decodeJson(raw.payload, raw.path);
      platformPayload = raw.payload;
    } else throw invalidRequest(`The definition part '${raw.path}' is not part of a mirrored database definition.`, `${where}.path`);
  });
  if (!mirroring) throw corruptedPayload(`The definition must contain the part '${MIRRORING_PART}'.`);
  return { mirroring, platformPayload };
}

function decodeJson(payload: string, part: string): unknown {
  const compact = payload.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw corruptedPayload(`The payload of '${part}' is not valid base64.`, part);
  try {
    return JSON.parse(Buffer.from(compact, 'base64').toString('utf8')) as unknown;
  } catch (e) {
    throw corruptedPayload(`The payload of '${part}' is not valid JSON: ${(e as Error).message}`, part);
  }
}

export function validateMirroring(doc: unknown): MirroringDocument {
  const bad = (property: string, message: string) => invalidRequest(`Invalid mirroring.json: '${property}' ${message}`, property);
  if (!isObj(doc) || !isObj(doc.properties)) throw bad('properties', 'is required and must be an object.');
  const p = doc.properties;
  if (!isObj(p.source)) throw bad('properties.source', 'is required and must be an object.');
  const sourceType = p.source.type;
  if (typeof sourceType !== 'string' || !SOURCE_TYPES.includes(sourceType))
    throw bad('properties.source.type', `must be one of ${SOURCE_TYPES.join(', ')}; got '${String(sourceType)}'.`);
  const sp = p.source.typeProperties;
  if (sp !== undefined && !isObj(sp)) throw bad('properties.source.typeProperties', 'must be an object.');
  const props: Obj = sp ?? {};
  if (!NO_CONNECTION_NEEDED.includes(sourceType) && props.connection === undefined)
    throw bad('properties.source.typeProperties.connection', `is required for source type ${sourceType}.`);
  if (props.connection !== undefined && !isGuid(props.connection))
    throw bad('properties.source.typeProperties.connection', 'must be a connection id (GUID).');
  if (DATABASE_REQUIRED.includes(sourceType) && props.database === undefined)
    throw bad('properties.source.typeProperties.database', `is required for source type ${sourceType}.`);
  if (props.database !== undefined && (typeof props.database !== 'string' || !props.database))
    throw bad('properties.source.typeProperties.database', 'must be a non-empty string.');
  if (!isObj(p.target)) throw bad('properties.target', 'is required and must be an object.');
  if (p.target.type !== 'MountedRelationalDatabase')
    throw bad('properties.target.type', `must be 'MountedRelationalDatabase'; got '${String(p.target.type)}'.`);
  const tp = p.target.typeProperties;
  if (!isObj(tp)) throw bad('properties.target.typeProperties', 'is required and must be an object.');
  if (tp.format !== 'Delta') throw bad('properties.target.typeProperties.format', `must be 'Delta'; got '${String(tp.format)}'.`);
  if (tp.defaultSchema !== undefined && (typeof tp.defaultSchema !== 'string' || !tp.defaultSchema))
    throw bad('properties.target.typeProperties.defaultSchema', 'must be a non-empty string.');
  const r = tp.retentionInDays;
  if (r !== undefined && !(typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= 30))
    throw bad('properties.target.typeProperties.retentionInDays', `must be an integer between 1 and 30; got ${JSON.stringify(r)}.`);
  if (p.mountedTables !== undefined) validateMountedTables(p.mountedTables, bad);
  return doc as MirroringDocument;
}

function validateMountedTables(tables: unknown, bad: (property: string, message: string) => Error): void {
  if (!Array.isArray(tables)) throw bad('properties.mountedTables', 'must be an array.');
  const seen = new Set<string>();
  tables.forEach((t: unknown, i) => {
    const where = `properties.mountedTables[${i}]`;
    const tp = isObj(t) && isObj(t.source) ? t.source.typeProperties : undefined;
    if (!isObj(tp)) throw bad(`${where}.source.typeProperties`, 'is required and must be an object.');
    for (const f of ['schemaName', 'tableName'])
      if (typeof tp[f] !== 'string' || !tp[f])
        throw bad(`${where}.source.typeProperties.${f}`, 'is required and must be a non-empty string.');
    const k = `${String(tp.schemaName)}.${String(tp.tableName)}`.toLowerCase();
    if (seen.has(k)) throw bad(`${where}`, `lists the table ${String(tp.schemaName)}.${String(tp.tableName)} twice.`);
    seen.add(k);
  });
}

export const encodeJson = (doc: unknown): string => Buffer.from(JSON.stringify(doc, null, 2), 'utf8').toString('base64');

/** The definition as getDefinition returns it: mirroring.json, then .platform. */
export function definitionParts(mirroring: MirroringDocument, platform: string): DefinitionPart[] {
  return [
    { path: MIRRORING_PART, payload: encodeJson(mirroring), payloadType: 'InlineBase64' },
    { path: PLATFORM_PART, payload: platform, payloadType: 'InlineBase64' },
  ];
}

/** The fields that may change only while Initialized or Stopped. */
export function sourceKey(doc: MirroringDocument): string {
  const sp = doc.properties.source.typeProperties ?? {};
  return JSON.stringify([
    doc.properties.source.type,
    String(sp.connection ?? '').toLowerCase(),
    sp.database ?? null,
    doc.properties.target.typeProperties.defaultSchema ?? null,
  ]);
}
