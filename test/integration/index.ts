// Loaded by VS Code's extension host as extensionTestsPath (code-server via the `payload` URL, or
// @vscode/test-electron). Runs every *.test.js beside it with mocha and reports results twice: the
// returned promise (VS Code turns it into the exit code) and a JSON file named by
// SQLDM_RESULTS_FILE, which the harness prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Result {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, grep: process.env.MOCHA_GREP });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  const results: Result[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = results.filter((r) => r.state === 'passed').length;
      console.log(`[sqldm] ${passed} passed, ${failures} failed`);
      const file = process.env.SQLDM_RESULTS_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify({ passed, failed: failures, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      console.log(`[sqldm] ok   - ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
      console.log(`[sqldm] FAIL - ${t.fullTitle()}: ${err?.message}`);
    });
  });
}
