// End-to-end UI tests: packs the VSIX, installs it into a fresh code-server, and runs the mocha
// suites in test/e2e, which drive the workbench in headless Chromium with Playwright and save
// screenshots to test-results/screenshots/e2e. Prints "N passed, N failed", writes
// test-results/e2e.json, stops every process it started.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer } from './lib/codeServer.mjs';
import { ensureNodeModules, ensureSystemPackages, root, run } from './lib/prereqs.mjs';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.MOCHA_GREP;
const results = path.join(root, 'test-results');
const shots = path.join(results, 'screenshots', 'e2e');
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });

ensureNodeModules();
ensureSystemPackages();
run('node', ['scripts/package.mjs']);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);

const stateDir = fs.mkdtempSync(path.join(results, 'e2e-state-'));
const server = await startCodeServer({ stateDir, vsix: [vsix] });
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void stop(130));

process.env.SQLDM_E2E_URL = `${server.url}/?folder=${encodeURIComponent(path.join(root, 'test', 'fixtures', 'workspace'))}`;
process.env.SQLDM_E2E_SHOTS = shots;
process.env.SQLDM_E2E_STATE = stateDir; // code-server's user data: the extension's storage and logs
require('tsx/cjs/api').register();
const Mocha = require('mocha');
const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, grep, reporter: 'spec' });
mocha.addFile(path.join(root, 'test', 'e2e', 'support', 'hooks.ts'));
// foundation first: it checks the signed-out first run, before any journey starts the emulator.
const suites = fs
  .readdirSync(path.join(root, 'test', 'e2e'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort((a, b) => Number(b === 'foundation.test.ts') - Number(a === 'foundation.test.ts') || a.localeCompare(b));
for (const f of suites) mocha.addFile(path.join(root, 'test', 'e2e', f));
let passed = 0;
const runner = mocha.run(async (failed) => {
  fs.writeFileSync(path.join(results, 'e2e.json'), JSON.stringify({ passed, failed }));
  console.log(`screenshots: ${path.relative(root, shots)} (${fs.readdirSync(shots).length} files)`);
  console.log(`${passed} passed, ${failed} failed`);
  await stop(failed ? 1 : 0);
});
runner.on('pass', () => {
  passed++;
});
