// npm run bench: runs every benchmark under bench/ (TypeScript through tsx), one after another, and
// prints their numbers. Benchmarks are measurements, never part of the pass/fail test run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureNodeModules, root } from './lib/prereqs.mjs';

ensureNodeModules();
const files = [];
const walk = (dir) => {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    // bench/support holds what the benchmarks share; it is not a benchmark itself.
    if (d.isDirectory()) {
      if (d.name !== 'support') walk(p);
    } else if (/\.ts$/.test(d.name)) files.push(p);
  }
};
walk(path.join(root, 'bench'));
const only = process.argv[2];
let failed = 0;
for (const file of files.sort().filter((f) => !only || f.includes(only))) {
  console.log(`\n=== ${path.relative(root, file)} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
