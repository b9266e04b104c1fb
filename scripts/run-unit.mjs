// Runs the plain-Node unit tests (test/unit/**/*.test.ts) with mocha, TypeScript loaded through tsx.
// Prints mocha's spec output, then "N passed, N failed" alone on a line, and writes
// test-results/unit.json for the overall summary. Exit status: 0 only when nothing failed.
// Usage: node scripts/run-unit.mjs [--grep PATTERN] [files or folders...]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const Mocha = require('mocha');

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv.splice(grepAt, 2)[1] : process.env.MOCHA_GREP;
const roots = argv.length ? argv : ['test/unit'];

function collect(p) {
  const st = fs.statSync(p);
  if (st.isFile()) return [path.resolve(p)];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? collect(path.join(p, d.name)) : d.name.endsWith('.test.ts') ? [path.resolve(p, d.name)] : []));
}

const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: process.stdout.isTTY, grep, reporter: 'spec' });
for (const f of roots.flatMap(collect).sort()) mocha.addFile(f);

let passed = 0;
const runner = mocha.run((failed) => {
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/unit.json', JSON.stringify({ passed, failed }));
  console.log(`${passed} passed, ${failed} failed`);
  // Open handles (servers a test forgot) must not keep the run alive forever.
  setTimeout(() => process.exit(failed ? 1 : 0), 200).unref();
  process.exitCode = failed ? 1 : 0;
});
runner.on('pass', () => {
  passed++;
});
