// The local emulator's lifecycle without VS Code: the emulator named in the settings is used as is,
// one holding the data folder's lock is attached to (and left running when the window closes), an
// attached window notices when the owner stops it, and concurrent starts share one start.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../../src/emulator/index';
import type { EmulatorEndpoints } from '../../../src/emulator/endpoints';
import { lockPathOf, readLock } from '../../../src/emulator/index';
import { LocalEmulator, type EmulatorLog, type EmulatorSettings } from '../../../src/environment/localEmulator';

const noLog: EmulatorLog = { info: () => undefined, warn: () => undefined };

function localEmulator(
  dataDir: string,
  settings: Partial<EmulatorSettings>,
  changes: { count: number; next?: () => void },
  log = noLog,
): LocalEmulator {
  return new LocalEmulator({
    // Never built in unit tests: a start that reached the spawn step would fail on it.
    script: path.join(dataDir, 'missing-emulator.js'),
    dataDir,
    settings: () => ({ port: 0, seed: 'demo', latencyMs: 0, ...settings }),
    log,
    watchMs: 20,
    onDidChange: () => {
      changes.count++;
      changes.next?.();
      return Promise.resolve();
    },
  });
}

describe('LocalEmulator', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-local-emulator-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('uses the emulator named in the settings, once for concurrent starts, and forgets it on stop', async () => {
    const external: EmulatorEndpoints = {
      arm: 'https://127.0.0.1:1',
      fabric: 'https://127.0.0.1:1/fabric/v1',
      authority: 'https://127.0.0.1:1/entra',
      certificate: path.join(dataDir, 'cert.pem'),
    };
    const changes = { count: 0 };
    const emulator = localEmulator(dataDir, { external }, changes);
    assert.equal(emulator.isRunning, false);
    const [a, b] = await Promise.all([emulator.start(), emulator.start()]);
    assert.deepEqual(a, external);
    assert.equal(b, a);
    assert.equal(changes.count, 1, 'one start, one change');
    assert.equal(emulator.isRunning, true);
    assert.deepEqual(emulator.endpoints, external);
    await emulator.stop();
    assert.equal(emulator.isRunning, false);
    assert.equal(emulator.endpoints, undefined);
    assert.equal(changes.count, 2);
  });

  describe('with an emulator already running for the data folder', () => {
    let running: EmulatorHandle;
    // The emulator runs in-process here; its lock is rewritten to name a stand-in process, which a
    // window that wrongly thought it owned the emulator would stop.
    let standIn: ChildProcess;
    beforeEach(async () => {
      running = await startEmulator({ port: 0, dataDir, seed: 'empty', persistDebounceMs: 10 });
      standIn = spawn(process.execPath, ['-e', "process.stdin.on('data', () => process.stdout.write('alive'))"], {
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      standIn.stdin!.on('error', () => undefined);
      const lock = readLock(dataDir)!;
      fs.writeFileSync(lockPathOf(dataDir), JSON.stringify({ ...lock, pid: standIn.pid! }));
    });
    afterEach(async () => {
      standIn.kill();
      await running.stop();
    });

    it('attaches to it and leaves it running when the window closes', async () => {
      const changes = { count: 0 };
      const emulator = localEmulator(dataDir, {}, changes);
      assert.deepEqual(await emulator.start(), running.endpoints);
      assert.equal(changes.count, 1);
      await emulator.dispose();
      assert.equal(emulator.isRunning, false);
      assert.ok(fs.existsSync(lockPathOf(dataDir)), 'the lock of the attached emulator stays');
      assert.equal(await ping(standIn), 'alive', 'the attached emulator process was not stopped');
      assert.equal(await healthStatus(running), 200, 'the attached emulator still answers');
    });
  });
});

describe("LocalEmulator attached to another window's emulator", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-local-emulator-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('knows its control token, and notices when the owner stops it: the environment shows it stopped', async () => {
    const owner = await startEmulator({ port: 0, dataDir, seed: 'empty', persistDebounceMs: 10 });
    const warnings: string[] = [];
    const changes: { count: number; next?: () => void } = { count: 0 };
    const emulator = localEmulator(dataDir, {}, changes, { info: () => undefined, warn: (m) => void warnings.push(m) });
    try {
      assert.deepEqual(await emulator.start(), owner.endpoints);
      assert.equal(emulator.controlToken, owner.controlToken);
      assert.equal(changes.count, 1);
      const noticed = new Promise<void>((resolve) => (changes.next = resolve));
      await owner.stop();
      await noticed;
      assert.equal(emulator.isRunning, false, 'no longer shown as running');
      assert.equal(emulator.endpoints, undefined);
      assert.equal(changes.count, 2, 'the environment was told');
      assert.match(warnings.join('\n'), /started by another window\) stopped/);
    } finally {
      await emulator.dispose();
      await owner.stop();
    }
  });
});

/** A stopped process cannot answer: a signal already sent is delivered before it reads the ping. */
function ping(child: ChildProcess): Promise<'alive' | 'gone'> {
  return new Promise((resolve) => {
    child.stdout!.once('data', () => resolve('alive'));
    child.once('exit', () => resolve('gone'));
    child.stdin!.write('ping\n');
  });
}

function healthStatus(emulator: EmulatorHandle): Promise<number | undefined> {
  return new Promise((resolve) => {
    https
      .get(`${emulator.endpoints.arm}/_emulator/health`, { ca: emulator.certificatePem }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on('error', () => resolve(undefined));
  });
}
