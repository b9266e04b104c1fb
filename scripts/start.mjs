// npm start: build and pack the extension, start the local emulator, start code-server with the
// VSIX installed and pointed at that emulator, and print the URL to open. Ctrl+C stops everything.
// Options: --port N (code-server, default 8080), --seed demo|large|empty, --data DIR (emulator state),
// --folder DIR (the workspace VS Code opens; default ~/sql-data-movement-workspace, outside the clone so
// exported files never land in the repository).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { freePort, startCodeServer } from './lib/codeServer.mjs';
import { ensureNodeModules, ensureSystemPackages, log, root, run } from './lib/prereqs.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};

ensureNodeModules();
ensureSystemPackages({ needBrowser: false });
run('node', ['scripts/package.mjs']);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);

const dataDir = path.resolve(opt('data', path.join(root, '.emulator-data')));
const emulator = spawn(
  process.execPath,
  [path.join(root, 'dist', 'emulator.js'), '--port', '0', '--data', dataDir, '--seed', opt('seed', 'demo')],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const endpoints = await new Promise((resolve, reject) => {
  const lines = readline.createInterface({ input: emulator.stdout });
  lines.once('line', (line) => {
    try {
      resolve(JSON.parse(line));
    } catch (e) {
      reject(e);
    }
  });
  emulator.once('exit', (code) => reject(new Error(`the emulator exited with code ${code}`)));
});
log(`emulator: ARM ${endpoints.arm} (data in ${path.relative(root, dataDir) || dataDir})`);

const stateDir = path.join(root, '.cache', 'start');
fs.mkdirSync(stateDir, { recursive: true });
const requested = Number(opt('port', 8080));
const port = (await isFree(requested)) ? requested : await freePort();
log('starting code-server with the extension installed');
const server = await startCodeServer({
  stateDir,
  port,
  vsix: [vsix],
  settings: { 'sqlDataMovement.environment': 'LocalEmulator', 'sqlDataMovement.emulator.endpoints': endpoints },
});
const workspace = path.resolve(opt('folder', path.join(os.homedir(), 'sql-data-movement-workspace')));
fs.mkdirSync(workspace, { recursive: true });
log(`workspace folder: ${workspace}`);
console.log(
  `\nAzure SQL Data Movement is running in VS Code (code-server) against the local emulator.\nOpen: ${server.url}/?folder=${encodeURIComponent(workspace)}\nPress Ctrl+C to stop.\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server and the emulator…');
  await server.stop();
  await stopEmulator();
  console.log('stopped.');
  process.exit(0);
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s; resolves once it has. */
async function stopEmulator() {
  if (emulator.exitCode !== null || emulator.signalCode !== null) return;
  const exited = new Promise((resolve) => emulator.once('exit', resolve));
  emulator.kill('SIGTERM');
  const timer = setTimeout(() => emulator.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
emulator.on('exit', (code) => {
  if (!stopping) {
    console.error(`the emulator exited (code ${code})`);
    void stop();
  }
});

async function isFree(p) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net
      .createServer()
      .once('error', () => resolve(false))
      .listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
