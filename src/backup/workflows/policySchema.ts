// The one validator for backup policy documents: the hand-written schema (schemas/backup-policy.schema.json,
// also given to the JSON editor through package.json `jsonValidation`) compiled by ajv once, plus the
// rules a schema cannot say (one sub-policy per type; Differential only with a weekly Full). Save-time
// checks and the tests use it, so the editor's diagnostics and a refused save agree. Never imports 'vscode'.
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/backup-policy.schema.json';

export interface PolicyProblem {
  /** JSON path, e.g. "properties.subProtectionPolicy[1].retentionPolicy.retentionDuration.count". */
  property: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, verbose: true });
ajv.addVocabulary(['enumDescriptions', 'markdownDescription', 'markdownEnumDescriptions', 'patternErrorMessage', 'defaultSnippets']);
const validate = ajv.compile(schema);

function propertyOf(e: ErrorObject): string {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') segments.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '') || '(document)';
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties') return 'is not a property of a backup policy';
  if (e.keyword === 'enum') return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
  if (e.keyword === 'const') return `must be ${String((e.params as { allowedValue: unknown }).allowedValue)}`;
  if (e.keyword === 'contains') return 'must have a Full sub-policy';
  if (e.keyword === 'pattern' && e.parentSchema && typeof e.parentSchema.patternErrorMessage === 'string')
    return e.parentSchema.patternErrorMessage.replace(/\.$/, '').replace(/^Must/, 'must');
  return e.message ?? 'is not valid';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function ruleProblems(document: unknown): PolicyProblem[] {
  const subs = isObj(document) && isObj(document.properties) ? document.properties.subProtectionPolicy : undefined;
  if (!Array.isArray(subs)) return [];
  const problems: PolicyProblem[] = [];
  const seen = new Set<string>();
  let fullFrequency: unknown;
  subs.forEach((s, i) => {
    if (!isObj(s) || typeof s.policyType !== 'string') return;
    if (seen.has(s.policyType))
      problems.push({
        property: `properties.subProtectionPolicy[${i}].policyType`,
        message: `only one ${s.policyType} sub-policy is allowed`,
      });
    seen.add(s.policyType);
    if (s.policyType === 'Full' && isObj(s.schedulePolicy)) fullFrequency = s.schedulePolicy.scheduleRunFrequency;
  });
  const diff = subs.findIndex((s) => isObj(s) && s.policyType === 'Differential');
  if (diff >= 0 && fullFrequency !== undefined && fullFrequency !== 'Weekly')
    problems.push({ property: `properties.subProtectionPolicy[${diff}]`, message: 'a Differential backup needs a weekly Full backup' });
  return problems;
}

/** Every problem of a parsed policy document (empty when valid); `if` wrappers are left out, their inner errors say it. */
export function policySchemaProblems(document: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!validate(document)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'if') continue;
      const p = { property: propertyOf(e), message: messageOf(e) };
      const key = `${p.property} ${p.message}`;
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
  }
  return [...problems, ...ruleProblems(document)];
}
