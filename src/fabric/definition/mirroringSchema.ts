// The one validator for mirroring.json: the hand-written schema (schemas/mirroring.schema.json, also given
// to the JSON editor through package.json `jsonValidation`) compiled by ajv once. Save-time checks and the
// tests use it, so the editor's diagnostics and a refused save agree. Never imports 'vscode'.
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/mirroring.schema.json';

export interface SchemaProblem {
  /** JSON path of the property, e.g. "properties.target.typeProperties.retentionInDays". */
  property: string;
  message: string;
}

// The schema also carries the editor's own keywords (hover text per enum value, snippets, messages).
const ajv = new Ajv({ allErrors: true, verbose: true });
ajv.addVocabulary(['enumDescriptions', 'markdownDescription', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets']);
const validate = ajv.compile(schema);

function propertyOf(e: ErrorObject): string {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '') || '(document)';
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'enum') return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
  if (e.keyword === 'pattern' && e.parentSchema && typeof e.parentSchema.patternErrorMessage === 'string')
    return e.parentSchema.patternErrorMessage.replace(/\.$/, '').replace(/^Must/, 'must');
  return e.message ?? 'is not valid';
}

/** Every schema violation of a parsed mirroring.json (empty when valid); `if` wrappers are left out, their inner errors say it. */
export function mirroringSchemaProblems(document: unknown): SchemaProblem[] {
  if (validate(document)) return [];
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if') continue;
    const p = { property: propertyOf(e), message: messageOf(e) };
    const key = `${p.property} ${p.message}`;
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  }
  return problems;
}
