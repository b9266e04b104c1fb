// A hand-written JSON Schema that the JSON editor also gets through package.json `jsonValidation`, compiled
// by ajv once, turned into problems that name the property by its JSON path and say what is wrong in the
// editor's words — so a refused save and the editor's diagnostics agree. Never imports 'vscode'.
import Ajv, { type ErrorObject } from 'ajv';

export interface SchemaProblem {
  /** JSON path of the property, e.g. "properties.target.typeProperties.retentionInDays". */
  property: string;
  message: string;
}

export interface SchemaCheckOptions {
  /** What an unknown property is called ("is not a property of a backup policy"). */
  unknownProperty?: string;
  /** What a failed `contains` means for this document. */
  contains?: string;
}

function propertyOf(e: ErrorObject): string {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '') || '(document)';
}

function messageOf(e: ErrorObject, o: SchemaCheckOptions): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties' && o.unknownProperty) return o.unknownProperty;
  if (e.keyword === 'enum') return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
  if (e.keyword === 'const') return `must be ${String((e.params as { allowedValue: unknown }).allowedValue)}`;
  if (e.keyword === 'contains' && o.contains) return o.contains;
  if (e.keyword === 'pattern' && e.parentSchema && typeof e.parentSchema.patternErrorMessage === 'string')
    return e.parentSchema.patternErrorMessage.replace(/\.$/, '').replace(/^Must/, 'must');
  return e.message ?? 'is not valid';
}

/** Compiles `schema` once; the checker lists every violation (empty when valid), `if` wrappers left out (their inner errors say it). */
export function schemaChecker(schema: object, options: SchemaCheckOptions = {}): (document: unknown) => SchemaProblem[] {
  // The schemas also carry the editor's own keywords (hover text per enum value, snippets, messages).
  const ajv = new Ajv({ allErrors: true, verbose: true });
  ajv.addVocabulary(['enumDescriptions', 'markdownDescription', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets']);
  const validate = ajv.compile(schema);
  return (document) => {
    if (validate(document)) return [];
    const seen = new Set<string>();
    const problems: SchemaProblem[] = [];
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'if') continue;
      const p = { property: propertyOf(e), message: messageOf(e, options) };
      const key = `${p.property} ${p.message}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
    return problems;
  };
}
