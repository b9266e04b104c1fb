// The CLI (src/emulator/main.ts): first stdout line is the endpoints JSON; SIGTERM stops cleanly and saves.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from '../../../src/emulator/cli';

const root = path.resolve(__dirname, '../../..');

describe('emulator CLI', function () {
  this.timeout(30_000);

  it('parses flags', () => {
    assert.deepEqual(parseArgs(['--port', '0', '--data', 'd', '--seed', 'large', '--latency=200', '--faults', '429:0.3']),
      { port: 0, dataDir: 'd', seed: 'large', latencyMs: 200, faults: '429:0.3' });
    assert.throws(() => parseArgs(['--seed', 'huge']), /--seed/);
    assert.throws(() => parseArgs(['--what']), /Unknown argument/);
  });

  it('prints {arm,fabric,authority,certificate} first, serves HTTPS with that certificate, and stops on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/emulator/main.ts'), '--port', '0', '--data', dir, '--seed', 'empty'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const endpoints = JSON.parse(first);
      assert.match(endpoints.arm, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(endpoints.fabric, `${endpoints.arm}/fabric/v1`);
      assert.equal(endpoints.authority, `${endpoints.arm}/entra`);
      assert.equal(endpoints.certificate, path.join(dir, 'cert.pem'));
      const ca = fs.readFileSync(endpoints.certificate);
      const status = await new Promise<number>((resolve, reject) => {
        https.get(`${endpoints.arm}/_emulator/health`, { ca, agent: false }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
      });
      assert.equal(status, 200);
      fs.rmSync(path.join(dir, 'state.json'), { force: true });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.ok(fs.existsSync(path.join(dir, 'state.json')), 'state flushed on SIGTERM');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
