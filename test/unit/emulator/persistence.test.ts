// Persistence: state survives a restart with the same data folder (certificate and token secret too),
// writes are atomic and serialised so many parallel requests never corrupt the file, stop() flushes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoIds, runLro, startTestEmulator, v, waitFor } from './helpers';
import { itemsOf, parseAs, SAVED_STATE, syncAgentOf, syncGroupOf, type SavedState } from './answers';

describe('emulator persistence', function () {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-persist-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps state, certificate and token secret across a restart; seeds only an empty folder', async () => {
    const dir = tmp();
    const a = await startTestEmulator({}, dir);
    const ids = demoIds(a.emu);
    const created = await runLro(a, 'PUT', `${ids.east}/syncGroups/survivor`, {
      properties: { interval: 600, conflictResolutionPolicy: 'MemberWin', syncDatabaseId: ids.syncMeta },
    });
    assert.equal(created.final.status, 200);
    const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const token = a.armToken;
    await a.stop(true);

    const b = await startTestEmulator({ seed: 'empty' }, dir);
    try {
      assert.equal(fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), cert, 'certificate reused');
      assert.equal(b.emu.certificatePem, cert);
      assert.equal(b.emu.control.state().seed, 'demo', 'existing state wins over --seed');
      const r = await b.call('GET', v(`${ids.east}/syncGroups/survivor`), { token });
      assert.equal(r.status, 200, 'a token from before the restart is still valid');
      assert.equal(syncGroupOf(r).properties.conflictResolutionPolicy, 'MemberWin');
    } finally {
      await b.stop(true);
    }
  });

  it('many parallel PUTs and PATCHes, then a restart: everything is there and the file is whole', async () => {
    const dir = tmp();
    const a = await startTestEmulator({ lroDurationMs: 50, persistDebounceMs: 5 }, dir);
    const ids = demoIds(a.emu);
    const names = Array.from({ length: 60 }, (_, i) => `agent-${i}`);
    const accepted = await Promise.all(
      names.map((n) => a.call('PUT', v(`${ids.weu}/syncAgents/${n}`), { body: { properties: { syncDatabaseId: ids.syncMeta } } })),
    );
    assert.ok(accepted.every((r) => r.status === 202));
    await Promise.all(accepted.map((r) => a.pollLocation(r.headers.location)));
    const patches = await Promise.all(
      ['sales-sync', 'sales-reporting', 'branch-sync', 'sales-new'].flatMap((g) =>
        [600, 700, 800].map((interval) => a.call('PATCH', v(`${ids.salesHub}/syncGroups/${g}`), { body: { properties: { interval } } })),
      ),
    );
    assert.ok(patches.every((r) => r.status === 202));
    await Promise.all(patches.map((r) => a.pollLocation(r.headers.location)));
    await a.stop(true);

    const file = parseAs<SavedState>(SAVED_STATE, fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
    assert.equal(Object.keys(file.syncAgents).length, 3 + names.length);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temp files left',
    );

    const b = await startTestEmulator({}, dir);
    try {
      const list = [];
      let url: string | undefined = v(`${ids.weu}/syncAgents`);
      while (url) {
        const page = itemsOf(await b.call('GET', url));
        list.push(...page.value);
        url = page.nextLink;
      }
      assert.equal(list.length, 3 + names.length);
      const g = await b.call('GET', v(`${ids.salesHub}/syncGroups/sales-new`));
      assert.ok([600, 700, 800].includes(syncGroupOf(g).properties.interval!));
    } finally {
      await b.stop(true);
    }
  });

  it('stop() flushes a pending (debounced) write; in-flight operations resume after restart', async () => {
    const dir = tmp();
    const a = await startTestEmulator({ persistDebounceMs: 60_000, lroDurationMs: 300 }, dir);
    const ids = demoIds(a.emu);
    const r = await a.call('PUT', v(`${ids.weu}/syncAgents/late`), { body: { properties: { syncDatabaseId: ids.syncMeta } } });
    assert.equal(r.status, 202);
    await a.stop(true);
    const b = await startTestEmulator({ lroDurationMs: 300 }, dir);
    try {
      // Port 0 gives a new port: keep the path of the Location URL.
      const done = await b.pollLocation(r.headers.location.replace(/^https:\/\/[^/]+/, b.emu.endpoints.arm));
      assert.equal(done.status, 200);
      assert.equal(syncAgentOf(done).name, 'late');
    } finally {
      await b.stop(true);
    }
  });

  it('an unreadable state file is moved aside and the folder is seeded again', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'state.json'), '{"version": 1, "subscr');
    const t = await startTestEmulator({ seed: 'empty' }, dir);
    try {
      assert.equal(t.emu.control.state().seed, 'empty');
      assert.equal(fs.readdirSync(dir).filter((f) => f.startsWith('state.json.unreadable-')).length, 1);
    } finally {
      await t.stop(true);
    }
  });

  it('POST /_emulator/reset reseeds', async () => {
    const t = await startTestEmulator({ seed: 'demo' });
    try {
      const r = await t.call('POST', '/_emulator/reset', { token: null, body: { seed: 'empty' } });
      assert.equal(r.status, 200);
      const subs = await t.call('GET', '/subscriptions?api-version=2022-12-01');
      assert.equal(itemsOf(subs).value.length, 1);
      await waitFor(
        () =>
          fs.existsSync(path.join(t.dataDir, 'state.json')) &&
          parseAs<SavedState>(SAVED_STATE, fs.readFileSync(path.join(t.dataDir, 'state.json'), 'utf8')).seed === 'empty',
      );
    } finally {
      await t.stop();
    }
  });
});
