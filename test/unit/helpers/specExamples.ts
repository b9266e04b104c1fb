// Reads the OpenAPI examples (responses with bodies) vendored into test/fixtures/spec-examples, copied
// byte for byte from Azure/azure-rest-api-specs and microsoft/fabric-rest-api-specs.
import fs from 'node:fs';
import path from 'node:path';

export const SPECS_ROOT = path.resolve(__dirname, '../../fixtures/spec-examples');

export function exampleFiles(root = SPECS_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.json') && p.split(path.sep).includes('examples')) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

export function exampleBodies(file: string): Array<{ status: string; body: unknown }> {
  const example = JSON.parse(fs.readFileSync(file, 'utf8')) as { responses?: Record<string, { body?: unknown }> };
  return Object.entries(example.responses ?? {})
    .filter(([, r]) => r.body !== undefined)
    .map(([status, r]) => ({ status, body: r.body }));
}
