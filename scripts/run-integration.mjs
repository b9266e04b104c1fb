// Runs the mocha suites in test/integration inside a real VS Code with the real `vscode` API.
//   node scripts/run-integration.mjs              code-server (offline; this machine and CI)
//   node scripts/run-integration.mjs --electron   @vscode/test-electron (downloads VS Code)
// Options: --grep PATTERN, --timeout SECONDS (default 1500). Prints "N passed, N failed", writes
// test-results/integration.json, exits non-zero on any failure, crash or timeout, and stops every
// process it started.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { payloadUrl, startCodeServer } from './lib/codeServer.mjs';
import { ensureNodeModules, ensureSystemPackages, root, run } from './lib/prereqs.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const electron = argv.includes('--electron');
const timeoutMs = Number(opt('timeout', 1500)) * 1000;
const grep = opt('grep', process.env.MOCHA_GREP);

const results = path.join(root, 'test-results');
const shots = path.join(results, 'screenshots', 'integration');
const resultsFile = path.join(results, 'integration-raw.json');
const testsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
const workspace = path.join(root, 'test', 'fixtures', 'workspace');
const t0 = Date.now();
const say = (m) => console.log(`[integration ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

fs.mkdirSync(shots, { recursive: true });
fs.rmSync(resultsFile, { force: true });
ensureNodeModules();
run('node', ['esbuild.mjs', '--tests']);
const env = { SQLDM_RESULTS_FILE: resultsFile, ...(grep ? { MOCHA_GREP: grep } : {}) };

const exitCode = electron ? await runElectron() : await runCodeServer();
process.exit(report(exitCode));

async function runElectron() {
  const { runTests } = await import('@vscode/test-electron');
  Object.assign(process.env, env);
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
    return 0;
  } catch (e) {
    say(`VS Code (electron) run failed: ${e?.message ?? e}`);
    return 1;
  }
}

async function runCodeServer() {
  ensureSystemPackages();
  const stateDir = fs.mkdtempSync(path.join(results, 'integration-state-'));
  let server;
  let browser;
  const cleanup = async () => {
    try {
      await browser?.close();
    } catch {
      /* closed */
    }
    await server?.stop();
  };
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, async () => {
      await cleanup();
      process.exit(130);
    });
  try {
    server = await startCodeServer({ stateDir, env });
    say(`code-server on ${server.url}`);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let exit;
    const done = new Promise((resolve) => {
      exit = resolve;
    });
    // The workbench calls these two while it runs extension tests (as @vscode/test-web expects).
    await page.exposeFunction('codeAutomationExit', (code) => exit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (process.env.SQLDM_VERBOSE || /\[sqldm\]|rror|FAIL/.test(line)) console.log(`[vscode ${type}] ${line}`);
      const shot = /\[sqldm\] screenshot:([\w.-]+)/.exec(line);
      if (shot) page.screenshot({ path: path.join(shots, `${shot[1]}.png`) }).catch((e) => say(`screenshot failed: ${e.message}`));
    });
    page.on('pageerror', (e) => say(`page error: ${e.message}`));
    await page.goto(payloadUrl({ port: server.port, folder: workspace, extensionPath: root, testsPath }), {
      waitUntil: 'domcontentloaded',
      timeout: 60_000,
    });
    say('workbench loaded; waiting for the test runner');
    const outcome = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (outcome === 'timeout') {
      say(`tests did not finish within ${timeoutMs / 1000} s`);
      return 124;
    }
    say(`extension host reported exit code ${outcome}`);
    return outcome;
  } catch (e) {
    say(`harness error: ${e?.stack ?? e}`);
    return 1;
  } finally {
    await cleanup();
    say(`server log: ${server?.logFile ?? '(not started)'}`);
  }
}

function report(code) {
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    /* no results */
  }
  if (!summary) {
    say('the test runner wrote no results');
    summary = { passed: 0, failed: 1, results: [] };
    code ||= 1;
  }
  for (const r of summary.results)
    console.log(
      `  ${r.state === 'passed' ? 'ok  ' : 'FAIL'} ${r.title}${r.error ? `\n       ${r.error.split('\n').slice(0, 6).join('\n       ')}` : ''}`,
    );
  if (summary.failed > 0 && code === 0) code = 1;
  if (code !== 0 && summary.failed === 0) summary.failed = 1; // a crash or timeout counts as a failure
  fs.writeFileSync(path.join(results, 'integration.json'), JSON.stringify({ passed: summary.passed, failed: summary.failed }));
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  return code;
}
