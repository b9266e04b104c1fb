// Contract checks for Fabric answers: each vendored Fabric OpenAPI file (fixtures/fabric) is registered
// with ajv under its own URL, so relative cross-file $refs resolve, and only what a response schema
// reaches is compiled (some definitions point at files that were not saved). A response is matched to
// its spec operation by method and path (/fabric/v1/… and the /fabric/operations/… form without /v1).
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ROOT = path.join(__dirname, '..', 'fixtures', 'fabric');
const FILES = [
  'mirroredDatabase/swagger.json',
  'mirroredDatabase/definitions.json',
  'common/definitions.json',
  'lakehouse/definitions.json',
  'platform/swagger.subset.json',
  'platform/definitions/platform.json',
];
const OPERATION_FILES = ['mirroredDatabase/swagger.json', 'platform/swagger.subset.json'];
const BASE = 'https://fabric-specs.test/';

type Json = Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, validateSchema: false });
addFormats(ajv);
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
const docs = new Map<string, Json>();
for (const f of FILES) {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'), (k, v: unknown) => (k === 'x-ms-examples' ? undefined : v)) as Json;
  docs.set(f, doc);
  // The platform subset keeps the original file's relative refs (./definitions/platform.json).
  ajv.addSchema(doc, BASE + f.replace('swagger.subset.json', 'swagger.json'));
}
// Connections: a hand-written stand-in (see its $comment) registered where the swagger's $ref points.
ajv.addSchema(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'handwritten', 'connections.schema.json'), 'utf8')) as Json,
  `${BASE}platform/definitions/connections.json`,
);

interface SpecOperation {
  file: string;
  apiPath: string;
  method: string;
  pattern: RegExp;
  statuses: string[];
}

const operations: SpecOperation[] = OPERATION_FILES.flatMap((file) =>
  Object.entries(docs.get(file)!.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>).flatMap(
    ([apiPath, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.responses)
        .map(([method, op]) => ({
          file,
          apiPath,
          method: method.toUpperCase(),
          pattern: new RegExp(
            `^${apiPath
              .split('/')
              .map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
              .join('/')}/?$`,
            'i',
          ),
          statuses: Object.keys(op.responses!),
        })),
  ),
);

const compiled = new Map<string, ValidateFunction>();
const pointer = (s: string): string => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

function validatorFor(op: SpecOperation, status: string): ValidateFunction | undefined {
  const responses = (((docs.get(op.file)!.paths as Json)[op.apiPath] as Json)[op.method.toLowerCase()] as Json).responses as Json;
  const schema = (responses[status] as Json | undefined)?.schema as Json | undefined;
  if (!schema || schema.type === 'file') return undefined;
  const id = `${op.file}|${op.apiPath}|${op.method}|${status}`;
  if (!compiled.has(id)) {
    const file = BASE + op.file.replace('swagger.subset.json', 'swagger.json');
    compiled.set(id, ajv.compile({ $ref: `${file}#/paths/${pointer(op.apiPath)}/${op.method.toLowerCase()}/responses/${status}/schema` }));
  }
  return compiled.get(id);
}

/** The spec path for an emulator path, or undefined for paths outside Fabric REST v1. */
export function specPathOf(pathname: string): string | undefined {
  const m = /^\/fabric(?:\/v1)?(\/.*)$/i.exec(pathname);
  return m ? m[1] : undefined;
}

/** Whether some spec operation covers METHOD PATH (the contract test asserts every route is covered). */
export function isSpecified(method: string, pathname: string): boolean {
  const p = specPathOf(pathname);
  return p !== undefined && operations.some((o) => o.method === method.toUpperCase() && o.pattern.test(p));
}

/** A message when a Fabric answer does not match its spec operation's schema; undefined otherwise. */
export function checkFabricResponse(method: string, pathname: string, status: number, body: unknown): string | undefined {
  const p = specPathOf(pathname);
  if (p === undefined || body === undefined) return undefined;
  const op = operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(p));
  if (!op) return undefined;
  const key = op.statuses.includes(String(status)) ? String(status) : status >= 400 ? 'default' : undefined;
  if (!key) return `${method} ${pathname} → ${status}, which ${op.file} ${op.apiPath} does not declare`;
  const validate = validatorFor(op, key);
  if (!validate || validate(body)) return undefined;
  return `${method} ${pathname} → ${status} does not match ${op.file} ${op.apiPath}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`;
}
