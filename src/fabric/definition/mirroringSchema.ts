// The one validator for mirroring.json: the hand-written schema (schemas/mirroring.schema.json, also given
// to the JSON editor through package.json `jsonValidation`) compiled by ajv once. Save-time checks and the
// tests use it, so the editor's diagnostics and a refused save agree. Never imports 'vscode'.
import schema from '../../../schemas/mirroring.schema.json';
import { schemaChecker, type SchemaProblem } from '../../ui/jsonSchemaProblems';

export type { SchemaProblem } from '../../ui/jsonSchemaProblems';

const check = schemaChecker(schema);

/** Every schema violation of a parsed mirroring.json (empty when valid). */
export function mirroringSchemaProblems(document: unknown): SchemaProblem[] {
  return check(document);
}
