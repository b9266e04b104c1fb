// Installs what a fresh machine lacks before building or testing: node_modules (npm ci), and on
// Debian/Ubuntu as root the apt packages code-server and the browser tests need. Elsewhere it says
// exactly what to install instead of guessing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep'];

export function log(msg) {
  console.log(`[setup] ${msg}`);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status ?? r.signal}`);
}

/** npm ci when node_modules is missing or does not match package-lock.json. */
export function ensureNodeModules() {
  if (nodeModulesMatchLock()) return;
  log('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/**
 * Compares what is installed (npm's node_modules/.package-lock.json) with the lockfile by content, not
 * by file times: a fresh checkout or a second worktree has a newer package-lock.json than a perfectly
 * current node_modules, and a needless npm ci there wipes a node_modules other checkouts share.
 */
function nodeModulesMatchLock() {
  let installed, wanted;
  try {
    installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '.package-lock.json'), 'utf8')).packages ?? {};
    wanted = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  } catch {
    return false;
  }
  return Object.entries(wanted).every(
    ([key, entry]) => key === '' || installed[key]?.version === entry.version || (entry.optional && !installed[key]),
  );
}

function dpkgHas(pkg) {
  return spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
}

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (p && fs.existsSync(p)) return p;
  }
  return undefined;
}

/** apt packages: chromium (browser tests), libkrb5-dev and ripgrep (code-server's native build). */
export function ensureSystemPackages({ needBrowser = true } = {}) {
  const isDebian = fs.existsSync('/etc/debian_version');
  const hasDpkg = isDebian && spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status === 0;
  const missing = hasDpkg ? APT_PACKAGES.filter((p) => !dpkgHas(p)) : [];
  if (!hasDpkg) {
    const problems = [];
    if (needBrowser && !chromiumPath()) problems.push('a Chromium or Chrome browser (set CHROMIUM=/path/to/chrome)');
    if (spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0) problems.push('ripgrep (rg on PATH)');
    if (problems.length)
      throw new Error(
        `Please install: ${problems.join(', ')}; and Kerberos development headers (libkrb5-dev / krb5-devel) for code-server's native modules.`,
      );
    return;
  }
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing apt packages: ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function nodeMajor() {
  return Number(process.versions.node.split('.')[0]);
}

export function whichOk(cmd) {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
