// The emulator's lifecycle guards: its control API answers only to its own token, one emulator per
// data folder (a live lock refuses a second start, a dead one is taken over), and a spawned emulator
// stops by itself when the process that started it dies.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { processAlive } from '../../../src/emulator/core/dataLock';
import { DataFolderLockedError, lockPathOf, readLock, startEmulator, type EmulatorHandle } from '../../../src/emulator/index';

const root = path.resolve(__dirname, '../../..');

function get(emulator: EmulatorHandle, route: string, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${emulator.endpoints.arm}${route}`,
        { ca: emulator.certificatePem, agent: false, headers: token === undefined ? {} : { 'x-emulator-token': token } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      )
      .on('error', reject);
  });
}

/** Waits for a condition checked every 50 ms, failing with `what` after `ms`. */
async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

describe('emulator lifecycle', function () {
  this.timeout(60_000);
  let dataDir: string;
  const started: EmulatorHandle[] = [];
  const start = async () => {
    const e = await startEmulator({ port: 0, dataDir, seed: 'empty', persistDebounceMs: 10 });
    started.push(e);
    return e;
  };
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-lifecycle-'));
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((e) => e.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the control API refuses a request without the emulator token (401) or with another one; health stays open', async () => {
    const emulator = await start();
    const none = await get(emulator, '/_emulator/state');
    assert.equal(none.status, 401);
    assert.match(none.text, /ControlTokenRequired/);
    assert.doesNotMatch(none.text, /tenantId|subscriptions/, 'no state in the refusal');
    assert.equal((await get(emulator, '/_emulator/faults', 'not-the-token')).status, 401);
    assert.equal((await get(emulator, '/_emulator/requests', emulator.controlToken.slice(1))).status, 401);
    assert.equal((await get(emulator, '/_emulator/health')).status, 200);
    const state = await get(emulator, '/_emulator/state?summary=true', emulator.controlToken);
    assert.equal(state.status, 200);
    assert.equal((JSON.parse(state.text) as { seed: string }).seed, 'empty');
  });

  it('locks its data folder (pid, port, token); a second start there is refused naming the first; a clean stop releases it', async () => {
    const first = await start();
    const lock = readLock(dataDir);
    assert.ok(lock);
    assert.equal(lock.pid, process.pid);
    assert.equal(lock.token, first.controlToken);
    assert.equal(lock.port, Number(new URL(first.endpoints.arm).port));
    assert.equal(lock.endpoints?.arm, first.endpoints.arm);
    await assert.rejects(
      startEmulator({ port: 0, dataDir, seed: 'empty' }),
      (e: unknown) =>
        e instanceof DataFolderLockedError &&
        e.message.includes(`process ${process.pid}`) &&
        e.message.includes(first.endpoints.arm) &&
        e.message.includes(dataDir),
    );
    assert.equal(readLock(dataDir)?.token, first.controlToken, 'the refused start left the lock alone');
    assert.equal((await get(first, '/_emulator/health')).status, 200, 'the first still serves');
    await first.stop();
    assert.equal(fs.existsSync(lockPathOf(dataDir)), false, 'released on stop');
    const again = await start();
    assert.equal(readLock(dataDir)?.token, again.controlToken);
    assert.notEqual(again.controlToken, first.controlToken, 'a new token for each start');
  });

  it('takes over a stale lock whose process is gone', async () => {
    const pid = await deadPid();
    assert.equal(processAlive(pid), false);
    fs.writeFileSync(lockPathOf(dataDir), JSON.stringify({ pid, token: 'old', startedAt: new Date().toISOString(), port: 1 }));
    const emulator = await start();
    const lock = readLock(dataDir);
    assert.equal(lock?.pid, process.pid);
    assert.equal(lock?.token, emulator.controlToken);
    assert.equal((await get(emulator, '/_emulator/faults', emulator.controlToken)).status, 200);
  });

  it('a spawned emulator stops (cleanly: lock released) once the process that started it is killed', async () => {
    // A real parent process starts the emulator CLI with --parent-pid, reports the child's pid, then is killed.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const readline = require('node:readline');
      const child = spawn(process.execPath, ['--import', 'tsx', ${JSON.stringify(path.join(root, 'src/emulator/main.ts'))},
        '--port', '0', '--data', ${JSON.stringify(dataDir)}, '--seed', 'empty', '--parent-pid', String(process.pid)],
        { cwd: ${JSON.stringify(root)}, stdio: ['ignore', 'pipe', 'ignore'] });
      readline.createInterface({ input: child.stdout }).once('line', () => console.log(JSON.stringify({ child: child.pid })));
      setInterval(() => undefined, 1000);
    `;
    const parent = spawn(process.execPath, ['-e', parentScript], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let childPid = 0;
    try {
      childPid = await new Promise<number>((resolve, reject) => {
        parent.stdout.setEncoding('utf8').once('data', (line: string) => resolve((JSON.parse(line) as { child: number }).child));
        parent.once('exit', (code) => reject(new Error(`the parent exited (${code}) before its emulator started`)));
      });
      assert.equal(readLock(dataDir)?.pid, childPid, 'the child emulator holds the lock');
      assert.ok(processAlive(childPid));
      parent.kill('SIGKILL');
      await until('the emulator child has exited', () => !processAlive(childPid));
      assert.equal(readLock(dataDir), undefined, 'it stopped cleanly and released the lock');
    } finally {
      if (parent.exitCode === null) parent.kill('SIGKILL');
      if (childPid && processAlive(childPid)) process.kill(childPid, 'SIGKILL');
    }
  });
});
