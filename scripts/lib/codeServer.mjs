// code-server (VS Code 1.100 in the browser, with a Node extension host) for the offline tests and
// `npm start`. Installed on demand into .cache/code-server — not a devDependency, because its
// install builds native modules and needs a seeded ripgrep cache on machines without internet.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { log, root, run } from './prereqs.mjs';

export const CODE_SERVER_VERSION = '4.100.3'; // last release that runs on Node 20 (VS Code 1.100.3)
const cacheDir = path.join(root, '.cache', 'code-server');
export const codeServerBin = path.join(cacheDir, 'node_modules', '.bin', 'code-server');

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(cacheDir, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

export async function ensureCodeServer() {
  if (installedVersion() === CODE_SERVER_VERSION && fs.existsSync(codeServerBin)) return codeServerBin;
  if (Number(process.versions.node.split('.')[0]) !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version}).`);
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(root, cacheDir)} (about a minute)`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this cache file in
  // os.tmpdir(); seed it with the system's rg (the same 13.0.0 release) so the install works offline.
  const tmp = path.join(cacheDir, '.tmp');
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(rgCache, { recursive: true });
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (rg)
    run('tar', [
      'czf',
      path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'),
      '-C',
      path.dirname(rg),
      path.basename(rg),
    ]);
  const pkg = path.join(cacheDir, 'package.json');
  if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name: 'code-server-host', version: '1.0.0', private: true }));
  await runWithProgress(
    `installing code-server ${CODE_SERVER_VERSION}`,
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', '--omit-lockfile-registry-resolved', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: cacheDir,
      env: {
        ...process.env,
        TMPDIR: tmp,
        npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root without it
        npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
        // Native modules build against the installed Node headers instead of downloading them.
        ...(fs.existsSync('/usr/include/node/node.h') && !process.env.npm_config_nodedir ? { npm_config_nodedir: '/usr' } : {}),
      },
    },
  );
  if (installedVersion() !== CODE_SERVER_VERSION) throw new Error('code-server did not install; see the npm output above.');
  log(`code-server ${CODE_SERVER_VERSION} installed`);
  return codeServerBin;
}

/** Runs a long, quiet command (npm prints nothing while it downloads and builds) with a line every 10 s. */
function runWithProgress(what, cmd, args, opts) {
  const started = Date.now();
  const ticker = setInterval(() => log(`${what}… ${Math.round((Date.now() - started) / 1000)} s`), 10_000);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed with exit code ${code ?? signal}`));
    });
  }).finally(() => clearInterval(ticker));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

/**
 * Starts an isolated code-server on 127.0.0.1 (fresh user-data and extensions folders under
 * stateDir), installing the given VSIX files first. Resolves when /healthz answers.
 */
export async function startCodeServer({ stateDir, port, vsix = [], env = {}, settings = {} }) {
  const bin = await ensureCodeServer();
  port ??= await freePort();
  for (const d of ['ud/User', 'exts', 'xdg-data', 'xdg-config']) fs.mkdirSync(path.join(stateDir, d), { recursive: true });
  fs.writeFileSync(path.join(stateDir, 'ud/User/settings.json'), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  const childEnv = { ...process.env, ...env };
  // Keep code-server out of ~/.config and ~/.local; skip VS Code's login-shell probe (it can stall
  // 10 s); never hand off to a code-server we may be running inside; no marketplace (offline).
  Object.assign(childEnv, {
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    VSCODE_CLI: '1',
    EXTENSIONS_GALLERY: '{}',
  });
  delete childEnv.VSCODE_IPC_HOOK_CLI;
  const common = [
    '--config',
    path.join(stateDir, 'config.yaml'),
    '--user-data-dir',
    path.join(stateDir, 'ud'),
    '--extensions-dir',
    path.join(stateDir, 'exts'),
    '--disable-telemetry',
  ];
  for (const file of vsix) {
    const r = spawnSync(bin, [...common, '--force', '--install-extension', file], { env: childEnv, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`code-server could not install ${file}: ${r.stdout}${r.stderr}`);
  }
  const logFile = path.join(stateDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    bin,
    [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--disable-file-downloads',
      '--log',
      'info',
    ],
    { env: childEnv, stdio: ['ignore', out, out], detached: true },
  );
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // The server runs in its own process group: kill the group so the extension host, the
    // emulator it may have started and any pty go with it.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
    if (timedOut) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    // Children that outlive the leader (extension host grandchildren) share the group.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* group empty */
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, logFile, stop };
}

/** The workbench URL that loads a development extension and runs its tests in the Node host. */
export function payloadUrl({ port, folder, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
