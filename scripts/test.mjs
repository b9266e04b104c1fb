// npm test: type-check, lint, unit, integration (real VS Code) and e2e (packaged VSIX, real browser),
// in that order, then one overall "N passed, N failed" line. Installs what a fresh machine lacks
// first. Every stage runs even when an earlier one fails, so one run shows everything that is wrong;
// the exit status is non-zero when anything failed.
//   node scripts/test.mjs [--only typecheck,lint,self-contained,unit,integration,e2e]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCodeServer } from './lib/codeServer.mjs';
import { ensureNodeModules, ensureSystemPackages, root } from './lib/prereqs.mjs';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : undefined;
const t0 = Date.now();
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

ensureNodeModules();
const wantsVsCode = !only || only.has('integration') || only.has('e2e');
if (wantsVsCode) {
  ensureSystemPackages();
  await ensureCodeServer();
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const stages = [
  { name: 'typecheck', cmd: 'sh', args: ['-c', `"${bin('tsc')}" --noEmit -p . && "${bin('tsc')}" --noEmit -p media`] },
  { name: 'lint', cmd: 'sh', args: ['-c', `"${bin('eslint')}" --max-warnings 0 . && "${bin('prettier')}" --check .`] },
  { name: 'self-contained', cmd: 'node', args: ['scripts/check-self-contained.mjs'] },
  { name: 'unit', cmd: 'node', args: ['scripts/run-unit.mjs'], counted: true },
  { name: 'integration', cmd: 'node', args: ['scripts/run-integration.mjs'], counted: true },
  { name: 'e2e', cmd: 'node', args: ['scripts/run-e2e.mjs'], counted: true },
].filter((s) => !only || only.has(s.name));

const summary = [];
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n=== ${stage.name} ===`);
  if (stage.counted) fs.rmSync(path.join(results, `${stage.name}.json`), { force: true });
  const r = spawnSync(stage.cmd, stage.args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  let passed = ok ? 1 : 0;
  let failed = ok ? 0 : 1;
  if (stage.counted) {
    try {
      ({ passed, failed } = JSON.parse(fs.readFileSync(path.join(results, `${stage.name}.json`), 'utf8')));
      if (!ok && failed === 0) failed = 1; // crashed after counting
    } catch {
      passed = 0;
      failed = 1; // crashed before counting
    }
  }
  summary.push({ name: stage.name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
for (const s of summary)
  console.log(
    `${s.failed ? 'FAIL' : 'ok  '} ${s.name.padEnd(12)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1)} s`,
  );
const passed = summary.reduce((n, s) => n + s.passed, 0);
const failed = summary.reduce((n, s) => n + s.failed, 0);
console.log(`total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
