// The AzureWorkload policies of the 2026-02-01 spec examples, read from their vendored copies
// (test/fixtures/backup-policy-examples): ProtectionPolicies_CreateOrUpdate_Complex.json (the request's
// properties) and BackupPolicies_List.json (the listed policy's properties).
import fs from 'node:fs';
import path from 'node:path';

const EXAMPLES = path.resolve(__dirname, '../../fixtures/backup-policy-examples');

export function readPolicyExample(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;
}

type Example = { parameters?: { parameters?: { properties?: unknown } }; responses?: { '200'?: { body?: { value?: unknown[] } } } };

const complex = readPolicyExample('ProtectionPolicies_CreateOrUpdate_Complex.json') as Example;
const listed = readPolicyExample('BackupPolicies_List.json') as Example;

export const COMPLEX_POLICY = complex.parameters?.parameters?.properties as Record<string, unknown>;
export const LISTED_POLICY = (listed.responses?.['200']?.body?.value?.[0] as { properties: Record<string, unknown> }).properties;
