// Typed reads of the emulator's JSON answers. call() leaves the body `unknown`; a test reads it through one
// of these, which checks the field types at run time with the model specs the clients use
// (src/azure/models/modelSchema), so a wrong type fails with its JSON path. ARM answers are also held to
// the OpenAPI schemas by call() itself. Presence is what the test asserts: a field the answer lacks reads
// as undefined, exactly as it did before bodies were typed.
import assert from 'node:assert/strict';
import { arrayOf, armResource, deserialize, model, type FieldSpec } from '../../../src/azure/models/modelSchema';
import {
  SYNC_AGENT,
  SYNC_AGENT_KEY,
  SYNC_DATABASE_ID,
  SYNC_FULL_SCHEMA,
  SYNC_GROUP,
  SYNC_GROUP_LOG,
  SYNC_MEMBER,
  type SyncAgentKey,
  type SyncAgentProperties,
  type SyncDatabaseId,
  type SyncFullSchema,
  type SyncGroupLog,
  type SyncGroupProperties,
  type SyncMemberProperties,
} from '../../../src/azure/sql/syncModels';
import type { TokenClaims } from '../../../src/emulator/core/tokens';
import type { FaultRule } from '../../../src/emulator/core/faults';
import type { EmulatorState } from '../../../src/emulator/model';
import type { CallResult } from './helpers';

/** An ARM resource as the emulator writes it: id, name, type and properties are always there. */
export type Resource<P> = { id: string; name: string; type: string; properties: P; [extra: string]: unknown };
export interface List<T> {
  value: T[];
  nextLink?: string;
}

/** The JSON body of an answer, checked against `spec`; an answer without a body fails the test. */
export function bodyOf<T>(spec: FieldSpec, r: CallResult): T {
  if (r.body === undefined) assert.fail(`Expected a JSON body, got ${r.status}: ${r.text.slice(0, 300)}`);
  return deserialize<T>(spec, r.body);
}

/** JSON text (a CLI line, a file) checked against `spec`. */
export function parseAs<T>(spec: FieldSpec, text: string): T {
  return deserialize<T>(spec, JSON.parse(text) as unknown);
}

export const syncGroupOf = (r: CallResult) => bodyOf<Resource<SyncGroupProperties>>(SYNC_GROUP, r);
export const syncMemberOf = (r: CallResult) => bodyOf<Resource<SyncMemberProperties>>(SYNC_MEMBER, r);
export const syncAgentOf = (r: CallResult) => bodyOf<Resource<SyncAgentProperties>>(SYNC_AGENT, r);
export const syncAgentKeyOf = (r: CallResult) => bodyOf<SyncAgentKey>(SYNC_AGENT_KEY, r);

/** A `{ value, nextLink }` page whose items match `itemSpec`. */
export function listOf<T>(itemSpec: FieldSpec, r: CallResult): List<T> {
  return bodyOf<List<T>>(model('List', { value: arrayOf(itemSpec), nextLink: 'string' }), r);
}
export const syncGroupsOf = (r: CallResult) => listOf<Resource<SyncGroupProperties>>(SYNC_GROUP, r);
export const syncMembersOf = (r: CallResult) => listOf<Resource<SyncMemberProperties>>(SYNC_MEMBER, r);
export const syncAgentsOf = (r: CallResult) => listOf<Resource<SyncAgentProperties>>(SYNC_AGENT, r);
/** Hub and member schemas: a list of full schemas, each with its tables. */
export const schemasOf = (r: CallResult) => listOf<SyncFullSchema & { tables: FullSchemaTable[] }>(SYNC_FULL_SCHEMA, r);
export type FullSchemaTable = NonNullable<SyncFullSchema['tables']>[number];
/** Sync logs: the emulator fills every field of an entry. */
export const syncLogsOf = (r: CallResult) => listOf<Required<SyncGroupLog>>(SYNC_GROUP_LOG, r);
export const syncDatabaseIdsOf = (r: CallResult) => listOf<SyncDatabaseId>(SYNC_DATABASE_ID, r);
/** Items of any list, for counting and paging. */
export const itemsOf = (r: CallResult) => listOf<unknown>('any', r);

export interface DatabaseProperties {
  status?: string;
  databaseId?: string;
  [extra: string]: unknown;
}
export type Database = Resource<DatabaseProperties> & { kind?: string; location?: string; sku?: { name?: string } };
const DATABASE = armResource('Database', { status: 'string', databaseId: 'string' }, { sku: model('Sku', { name: 'string' }) });
export const databaseOf = (r: CallResult) => bodyOf<Database>(DATABASE, r);
export const databasesOf = (r: CallResult) => listOf<Database>(DATABASE, r);

/** ARM's error envelope (common-types ErrorResponse). */
export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
}
const ERROR_FIELDS = { code: 'string', message: 'string', target: 'string' } as const;
const ARM_ERROR = model('ErrorResponse', {
  error: model('ErrorDetail', { ...ERROR_FIELDS, details: arrayOf(model('ErrorDetail', ERROR_FIELDS)) }),
});
/** The `error` of an ARM error answer; an answer without one fails the test. */
export function armErrorOf(r: CallResult): ArmErrorDetail {
  const { error } = bodyOf<{ error?: ArmErrorDetail }>(ARM_ERROR, r);
  if (!error) assert.fail(`Expected an ARM error, got ${r.status}: ${r.text.slice(0, 300)}`);
  return error;
}

/** Azure-AsyncOperation status. */
export interface OperationStatusAnswer {
  id: string;
  name: string;
  status: string;
  startTime: string;
  endTime?: string;
  error?: ArmErrorDetail;
}
export const operationStatusOf = (r: CallResult) =>
  bodyOf<OperationStatusAnswer>(
    model('OperationStatus', {
      id: 'string',
      name: 'string',
      status: 'string',
      startTime: 'string',
      endTime: 'string',
      error: model('ErrorDetail', ERROR_FIELDS),
    }),
    r,
  );

// Entra token endpoint and OpenID metadata, Fabric errors.
export interface TokenAnswer {
  token_type: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}
export const tokenAnswerOf = (r: CallResult) =>
  bodyOf<TokenAnswer>(
    model('TokenResponse', { token_type: 'string', expires_in: 'number', ext_expires_in: 'number', access_token: 'string' }),
    r,
  );
export interface TokenErrorAnswer {
  error: string;
  error_description?: string;
  error_codes: number[];
}
export const tokenErrorOf = (r: CallResult) =>
  bodyOf<TokenErrorAnswer>(model('TokenError', { error: 'string', error_description: 'string', error_codes: arrayOf('number') }), r);
export interface OpenIdConfiguration {
  token_endpoint: string;
  issuer: string;
  authorization_endpoint: string;
  jwks_uri: string;
}
export const openIdConfigurationOf = (r: CallResult) =>
  bodyOf<OpenIdConfiguration>(
    model('OpenIdConfiguration', { token_endpoint: 'string', issuer: 'string', authorization_endpoint: 'string', jwks_uri: 'string' }),
    r,
  );
/** The claims of a JWT the emulator signed (payload only; the signature is the emulator's business). */
export function claimsOf(jwt: string): TokenClaims {
  return parseAs<TokenClaims>(
    model('TokenClaims', {
      aud: 'string',
      iss: 'string',
      tid: 'string',
      oid: 'string',
      sub: 'string',
      appid: 'string',
      azp: 'string',
      iat: 'number',
      nbf: 'number',
      exp: 'number',
      ver: 'string',
    }),
    Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'),
  );
}
export interface FabricErrorAnswer {
  errorCode: string;
  message: string;
  requestId: string;
}
export const fabricErrorOf = (r: CallResult) =>
  bodyOf<FabricErrorAnswer>(model('FabricError', { errorCode: 'string', message: 'string', requestId: 'string' }), r);

// Control API (/_emulator) and the saved state file.
const FAULT_RULE = model('FaultRule', {
  id: 'string',
  kind: 'string',
  probability: 'number',
  remaining: 'number',
  method: 'string',
  path: 'string',
  latencyMs: 'number',
  retryAfterSeconds: 'number',
});
export const faultRulesOf = (r: CallResult) => bodyOf<{ rules: FaultRule[] }>(model('FaultRules', { rules: arrayOf(FAULT_RULE) }), r);
export interface StateSummary {
  seed: string;
  counts: Record<string, number>;
  /** Only without ?summary=true. */
  state?: EmulatorState;
}
export const stateSummaryOf = (r: CallResult) =>
  bodyOf<StateSummary>(model('StateSummary', { seed: 'string', counts: 'object', state: 'object' }), r);
/** The parts of a saved state (state.json, or the control API's `state`) tests look at. */
export type SavedState = Pick<EmulatorState, 'seed' | 'syncAgents'>;
export const SAVED_STATE = model('SavedState', { seed: 'string', syncAgents: 'object' });
