// Fails when a source, test or script depends on a path outside the repository: a user's clone has
// nothing beside it. Checks every tracked text file under src, test, scripts, bench and media (and the
// root build files) for (1) relative paths in string literals that resolve outside the repository and
// (2) absolute paths into home or workspace folders. Vendored third-party fixtures are data, not code.
//   node scripts/check-self-contained.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tracked = execFileSync(
  'git',
  ['ls-files', '-z', '--', 'src', 'test', 'scripts', 'bench', 'media', 'esbuild.mjs', 'package.json', '.ci'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\0')
  .filter(
    (f) => f && !f.startsWith('test/fixtures/') && !/\/fixtures\/specification\//.test(f) && /\.(m?[jt]s|cjs|json|md|sh)$|^\.ci\//.test(f),
  );

const ABSOLUTE = /(["'`])\/(?:work|home|root|Users)\/[^"'`]*\1/g;
const RELATIVE = /(["'`])((?:\.\.\/)+[^"'`\s]*)\1/g;
const findings = [];
for (const file of tracked) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(ABSOLUTE)) findings.push(`${file}:${i + 1}: absolute path ${m[0]}`);
    for (const m of line.matchAll(RELATIVE)) {
      const target = path.resolve(root, path.dirname(file), m[2]);
      if (path.relative(root, target).startsWith('..')) findings.push(`${file}:${i + 1}: ${m[2]} resolves outside the repository`);
    }
  });
}
for (const f of findings) console.log(f);
console.log(`checked ${tracked.length} files: ${findings.length} path(s) outside the repository`);
process.exit(findings.length ? 1 : 0);
