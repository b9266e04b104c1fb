// The hostile seed: payloads reach every free-text field through the real APIs (checked against the
// contracts), while names the services refuse stay refused.
import * as assert from 'node:assert/strict';
import { VALID_NAME } from '../../../src/emulator/services/sql/ids';
import { ARM_DATABASE_FORBIDDEN, FABRIC_ITEM_FORBIDDEN, LONG_HEAD, LONG_TAIL, PAYLOADS } from '../../../src/emulator/seeds/payloads';
import { buildSeed } from '../../../src/emulator/seeds';
import { DATA_SYNC_VERSION } from './helpers';
import { startFabricEmulator, type FabricTestEmulator } from './fabric/fabricHelpers';
import { b } from './backup/backupTestKit';

const has = (text: unknown, payload: string) => JSON.stringify(text).includes(JSON.stringify(payload).slice(1, -1));

describe('hostile seed', function () {
  this.timeout(30_000);
  let t: FabricTestEmulator;
  before(async () => {
    t = await startFabricEmulator({ seed: 'hostile' });
  });
  after(() => t.stop());

  it('keeps every name to what ARM, Data Sync, Fabric and Backup accept', () => {
    const s = buildSeed('hostile', Date.now());
    for (const n of [...Object.values(s.syncGroups), ...Object.values(s.syncMembers), ...Object.values(s.syncAgents)].map((r) => r.name))
      assert.match(n, VALID_NAME);
    for (const d of Object.values(s.databases)) {
      assert.doesNotMatch(d.name, ARM_DATABASE_FORBIDDEN, d.name);
      assert.ok(d.name.length <= 128 && !/[. ]$/.test(d.name), d.name);
    }
    for (const i of [...Object.values(s.fabric!.items), ...Object.values(s.fabric!.mirroredDatabases)]) {
      assert.doesNotMatch(i.displayName, FABRIC_ITEM_FORBIDDEN, i.displayName);
      assert.ok(i.displayName.length <= 256 && i.description.length <= 256);
    }
    for (const v of Object.values(s.backup!.vaults)) assert.match(v.name, /^[A-Za-z][A-Za-z0-9-]{1,49}$/);
    for (const p of Object.values(s.backup!.policies)) assert.match(p.name, /^[A-Za-z][A-Za-z0-9_-]{2,149}$/);
    const databaseNames = Object.values(s.databases).map((d) => d.name);
    assert.ok(
      databaseNames.some((n) => n.includes(PAYLOADS.emoji) && n.includes(PAYLOADS.bidi)),
      'names carry what they may',
    );
  });

  it('returns markup, links, escapes and 10,000-character strings from Data Sync', async () => {
    const subs = await t.call('GET', '/subscriptions?api-version=2022-12-01');
    assert.ok(has(subs.body, PAYLOADS.img) && has(subs.body, PAYLOADS.commandUri), 'subscription name and tags');
    const st = t.emu.control.state();
    const group = Object.values(st.syncGroups).find((g) => g.name === 'hostile-sync')!;
    const logs = await t.call(
      'GET',
      `${group.id}/logs?api-version=${DATA_SYNC_VERSION}&startTime=2000-01-01T00:00:00Z&endTime=2100-01-01T00:00:00Z&type=All`,
    );
    assert.equal(logs.status, 200, logs.text);
    for (const p of Object.values(PAYLOADS)) assert.ok(has(logs.body, p), `log details carry ${p}`);
    assert.ok(logs.text.includes(LONG_HEAD) && logs.text.includes(LONG_TAIL), 'the long string arrives whole');
    const schema = await t.call('GET', `${group.id}/hubSchemas?api-version=${DATA_SYNC_VERSION}`);
    assert.ok(has(schema.body, `[${PAYLOADS.img}]`), 'a column named with markup');
    const server = Object.values(st.servers)[0];
    const serverAnswer = await t.call('GET', `${server.id}?api-version=2021-11-01`);
    assert.ok(has(serverAnswer.body, PAYLOADS.commandUri), 'server tags');
  });

  it('returns payloads from Fabric workspaces, items and mirroring status', async () => {
    const ws = await t.f('GET', '/workspaces');
    assert.ok(has(ws, PAYLOADS.svg), 'workspace names and descriptions');
    const w = Object.values(t.emu.control.state().fabric!.workspaces)[0];
    const items = await t.f('GET', `/workspaces/${w.id}/items`);
    assert.ok(has(items, PAYLOADS.script), 'item descriptions');
    const md = Object.values(t.emu.control.state().fabric!.mirroredDatabases).find((m) => m.status === 'Running')!;
    const status = await t.f('POST', `/workspaces/${w.id}/mirroredDatabases/${md.id}/getTablesMirroringStatus`);
    assert.ok(has(status, PAYLOADS.ansi) && JSON.stringify(status).includes(LONG_TAIL), 'a table error message');
  });

  it('returns payloads from Backup job errors and recommendations', async () => {
    const vault = Object.values(t.emu.control.state().backup!.vaults)[0];
    const jobs = await t.call('GET', b(`${vault.id}/backupJobs`));
    assert.equal(jobs.status, 200, jobs.text);
    const failed = Object.values(t.emu.control.state().backup!.jobs).find((j) => j.status === 'Failed')!;
    const job = await t.call('GET', b(`${vault.id}/backupJobs/${failed.id}`));
    for (const p of Object.values(PAYLOADS)) assert.ok(has(job.body, p), `job error details carry ${p}`);
    assert.ok(job.text.includes(LONG_TAIL));
  });
});
