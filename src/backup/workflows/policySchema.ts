// The one validator for backup policy documents: the hand-written schema (schemas/backup-policy.schema.json,
// also given to the JSON editor through package.json `jsonValidation`) compiled by ajv once, plus the
// rules a schema cannot say (one sub-policy per type; Differential only with a weekly Full). Save-time
// checks and the tests use it, so the editor's diagnostics and a refused save agree. Never imports 'vscode'.
import schema from '../../../schemas/backup-policy.schema.json';
import { schemaChecker, type SchemaProblem } from '../../ui/jsonSchemaProblems';

export type PolicyProblem = SchemaProblem;

const check = schemaChecker(schema, {
  unknownProperty: 'is not a property of a backup policy',
  contains: 'must have a Full sub-policy',
});

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

/** Every problem of a parsed policy document (empty when valid): the schema's, then the rules a schema cannot say. */
export function policySchemaProblems(document: unknown): PolicyProblem[] {
  return [...check(document), ...ruleProblems(document)];
}
