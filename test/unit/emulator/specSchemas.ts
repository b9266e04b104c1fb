// Loads response schemas from the saved OpenAPI files (fixtures/), resolving $ref across files with
// json-schema-ref-parser, and compiles them with ajv (non-strict: Swagger 2.0 keywords and x-ms-* ignored;
// Swagger formats int32/int64/double/float added).
import path from 'node:path';
import fs from 'node:fs';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ROOT = path.join(__dirname, 'fixtures', 'specification');
export const SQL_DIR = path.join(ROOT, 'sql/resource-manager/Microsoft.Sql/SQL/stable/2025-01-01');
const SQL_COMMON_STANDIN = path.join(ROOT, 'sql/resource-manager/common/v1/types.json');
export const SUBSCRIPTIONS_FILE = path.join(
  ROOT,
  'resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/subscriptions.subset.json',
);

/** Azure Backup (bms 2026-02-01) and Recovery Services vaults (2026-08-01): saved as path subsets, see fixtures/README.md. */
export const BACKUP_FILE = path.join(
  ROOT,
  'recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/RecoveryServicesBackup/stable/2026-02-01/bms.subset.json',
);
export const VAULTS_FILE = path.join(
  ROOT,
  'recoveryservices/resource-manager/Microsoft.RecoveryServices/RecoveryServices/stable/2026-08-01/openapi.subset.json',
);
const COMMON_V5 = path.join(ROOT, 'common-types/resource-management/v5/types.json');

type Json = Record<string, unknown>;

/** A saved subset without definitions takes them from its sibling `*.definitions.json`. */
function withDefinitions(file: string, raw: Json): Json {
  const sibling = file.replace(/\.subset\.json$/, '.definitions.json');
  const empty = !raw.definitions || Object.keys(raw.definitions).length === 0;
  if (!empty || sibling === file || !fs.existsSync(sibling)) return raw;
  return { ...raw, definitions: (JSON.parse(fs.readFileSync(sibling, 'utf8')) as Json).definitions };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, validateSchema: false });
addFormats(ajv);
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
ajv.addFormat('double', { type: 'number', validate: () => true });
ajv.addFormat('float', { type: 'number', validate: () => true });

const docs = new Map<string, Promise<Json>>();

function load(file: string): Promise<Json> {
  if (!docs.has(file)) {
    // x-ms-examples point at example files (not all saved, and not schemas): drop them first.
    const raw = withDefinitions(
      file,
      JSON.parse(fs.readFileSync(file, 'utf8'), (k, val: unknown) => (k === 'x-ms-examples' ? undefined : val)) as Json,
    );
    docs.set(
      file,
      $RefParser.dereference<Json>(file, raw, {
        resolve: {
          file: {
            // The per-version ./common/v1|v2/types.json were not saved; the shared stand-in has the same definitions.
            read: (f: { url: string }) => {
              const p = decodeURIComponent(f.url.replace(/^file:\/\//, ''));
              if (/Microsoft\.Sql\/SQL\/stable\/2025-01-01\/common\/v\d\/types\.json$/.test(p)) return fs.readFileSync(SQL_COMMON_STANDIN);
              // common-types v3 (what the Recovery Services specs reference) was not saved; v5 has the same ErrorResponse.
              return fs.readFileSync(/common-types\/resource-management\/v3\/types\.json$/.test(p) ? COMMON_V5 : p);
            },
          },
        },
      }),
    );
  }
  return docs.get(file)!;
}

/** ajv's ValidateFunction is a type guard to `unknown`, which would un-type the bodies tests keep using. */
export type Validator = ((data: unknown) => boolean) & { errors?: ValidateFunction['errors'] };

const compiled = new Map<string, ValidateFunction>();

/** Validator for the response schema of METHOD PATH → STATUS (or 'default') in FILE. */
export async function responseValidator(file: string, apiPath: string, method: string, status: string): Promise<Validator> {
  const id = `${file}|${apiPath}|${method}|${status}`;
  if (!compiled.has(id)) {
    const doc = await load(file);
    const op = ((doc.paths as Json)[apiPath] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!op) throw new Error(`No ${method} ${apiPath} in ${file}`);
    if (!((op.responses as Json)[status] as Json | undefined)?.schema) throw new Error(`No schema for ${status} of ${method} ${apiPath}`);
    const schema = ((op.responses as Json)[status] as Json).schema as Json;
    compiled.set(id, ajv.compile(decycle(schema)));
  }
  return compiled.get(id)! as Validator;
}

/**
 * Dereferencing leaves recursive definitions (ErrorDetail.details → ErrorDetail) as cyclic objects, which
 * ajv cannot compile: turn each cycle back into a $ref to a `definitions` entry of the root schema.
 */
function decycle(root: Json): Json {
  const names = new Map<object, string>();
  const definitions: Json = {};
  const walk = (node: unknown, ancestors: Set<object>): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (ancestors.has(node)) {
      if (!names.has(node)) names.set(node, `cycle${names.size}`);
      return { $ref: `#/definitions/${names.get(node)}` };
    }
    ancestors.add(node);
    const out = Array.isArray(node)
      ? node.map((n) => walk(n, ancestors))
      : Object.fromEntries(Object.entries(node).map(([k, val]) => [k, walk(val, ancestors)]));
    ancestors.delete(node);
    if (names.has(node)) definitions[names.get(node)!] = out;
    return out;
  };
  const out = walk(root, new Set()) as Json;
  return { ...out, definitions: { ...(out.definitions as Json | undefined), ...definitions } };
}

export function explain(v: Validator): string {
  return ajv.errorsText(v.errors, { separator: '\n' });
}

const SPEC_FILES = [
  'SyncGroups.json',
  'SyncMembers.json',
  'SyncAgents.json',
  'Servers.subset.json',
  'Servers.json',
  'DatabaseSchemas.json',
  'DatabaseTables.json',
  'DatabaseColumns.json',
]
  .map((f) => path.join(SQL_DIR, f))
  .concat(SUBSCRIPTIONS_FILE, BACKUP_FILE, VAULTS_FILE);

interface SpecOperation {
  file: string;
  apiPath: string;
  method: string;
  pattern: RegExp;
  statuses: string[];
}
let operations: SpecOperation[] | undefined;

function specOperations(): SpecOperation[] {
  operations ??= (() => {
    const ops: SpecOperation[] = [];
    for (const file of SPEC_FILES) {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      };
      for (const [apiPath, methods] of Object.entries(raw.paths)) {
        const pattern = new RegExp(
          `^${apiPath
            .split('/')
            .map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('/')}/?$`,
          'i',
        );
        for (const [method, op] of Object.entries(methods)) {
          if (op.responses) ops.push({ file, apiPath, method: method.toUpperCase(), pattern, statuses: Object.keys(op.responses) });
        }
      }
    }
    return ops;
  })();
  return operations;
}

/**
 * Checks one ARM answer against the spec operation its path and method match (errors against `default`).
 * Returns a message when it does not conform; undefined when it does or the spec has no schema for it.
 */
export async function checkArmResponse(method: string, pathname: string, status: number, body: unknown): Promise<string | undefined> {
  if (body === undefined) return undefined;
  const op = specOperations().find((o) => o.method === method.toUpperCase() && o.pattern.test(pathname));
  if (!op) return undefined;
  const key = op.statuses.includes(String(status)) ? String(status) : status >= 400 ? 'default' : undefined;
  if (!key) return undefined;
  let validate: Validator;
  try {
    validate = await responseValidator(op.file, op.apiPath, method, key);
  } catch {
    return undefined;
  } // e.g. 200 without a schema
  return validate(body)
    ? undefined
    : `${method} ${pathname} → ${status} does not match ${path.basename(op.file)} ${op.apiPath}:\n${explain(validate)}`;
}
