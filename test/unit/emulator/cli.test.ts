// The CLI (src/emulator/main.ts): first stdout line is the endpoints JSON; SIGTERM stops cleanly and saves.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from '../../../src/emulator/cli';
import { readLock, type EmulatorEndpoints } from '../../../src/emulator/index';
import { model } from '../../../src/azure/models/modelSchema';
import { parseAs, SAVED_STATE, type SavedState } from './answers';

const root = path.resolve(__dirname, '../../..');
const ENDPOINTS = model('Endpoints', { arm: 'string', fabric: 'string', authority: 'string', certificate: 'string' });

describe('emulator CLI', function () {
  this.timeout(30_000);

  it('parses flags', () => {
    assert.deepEqual(parseArgs(['--port', '0', '--data', 'd', '--seed', 'large', '--latency=200', '--faults', '429:0.3']), {
      port: 0,
      dataDir: 'd',
      seed: 'large',
      latencyMs: 200,
      faults: '429:0.3',
    });
    assert.deepEqual(
      parseArgs(['--mirroring-durations', '100,200,300,400', '--fabric-definition-lro=always', '--fabric-continuation', 'token']),
      { fabric: { initializeMs: 100, startMs: 200, stopMs: 300, snapshotMs: 400, definitionLro: 'always', continuation: 'token' } },
    );
    assert.throws(() => parseArgs(['--mirroring-durations', '1,2,3']), /four/);
    assert.throws(() => parseArgs(['--fabric-definition-lro', 'sometimes']), /alternate, always, never/);
    assert.throws(() => parseArgs(['--fabric-continuation', 'uri']), /both, token/);
    assert.throws(() => parseArgs(['--seed', 'huge']), /--seed/);
    assert.throws(() => parseArgs(['--what']), /Unknown argument/);
  });

  it('prints {arm,fabric,authority,certificate} first, serves HTTPS with that certificate, and stops on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/emulator/main.ts'), '--port', '0', '--data', dir, '--seed', 'demo'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const first = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const endpoints = parseAs<EmulatorEndpoints>(ENDPOINTS, first);
      assert.match(endpoints.arm, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(endpoints.fabric, `${endpoints.arm}/fabric/v1`);
      assert.equal(endpoints.authority, `${endpoints.arm}/entra`);
      assert.equal(endpoints.certificate, path.join(dir, 'cert.pem'));
      const ca = fs.readFileSync(endpoints.certificate);
      // Created for this folder: self-signed, SAN IP 127.0.0.1 and DNS localhost, key kept next to it.
      const x509 = new X509Certificate(ca);
      assert.equal(x509.checkIP('127.0.0.1'), '127.0.0.1');
      assert.equal(x509.checkHost('localhost'), 'localhost');
      assert.equal(x509.issuer, x509.subject);
      assert.ok(fs.existsSync(path.join(dir, 'key.pem')));
      // The control API's token is in the data folder's lock, next to the state it guards.
      const lock = readLock(dir);
      assert.ok(lock, 'the data folder is locked while the emulator runs');
      assert.equal(lock.pid, child.pid);
      assert.equal(lock.endpoints?.arm, endpoints.arm);
      const request = (method: string, p: string, body?: unknown) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = https.request(
            `${endpoints.arm}${p}`,
            { method, ca, agent: false, headers: { 'content-type': 'application/json', 'x-emulator-token': lock.token } },
            (res) => {
              let text = '';
              res.on('data', (c: Buffer) => {
                text += c.toString();
              });
              res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
            },
          );
          req.on('error', reject);
          req.end(body === undefined ? undefined : JSON.stringify(body));
        });
      assert.equal((await request('GET', '/_emulator/health')).status, 200);
      // Change something, then stop at once: the change must be on disk afterwards.
      const { state } = parseAs<{ state: SavedState }>(
        model('StateAnswer', { state: SAVED_STATE }),
        (await request('GET', '/_emulator/state')).text,
      );
      const agentId = Object.values(state.syncAgents).find((a) => a.state === 'NeverConnected')!.id;
      assert.equal((await request('POST', '/_emulator/syncAgentState', { agentId, state: 'Online' })).status, 200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      const saved = parseAs<SavedState>(SAVED_STATE, fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
      assert.equal(Object.values(saved.syncAgents).find((a) => a.id === agentId)!.state, 'Online', 'state saved on SIGTERM');
      assert.equal(readLock(dir), undefined, 'the lock is released on a clean stop');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
