// api-version acceptance and rejection: every published Data Sync version works (2015-05-01-preview …
// 2025-01-01, incl. 2020-11-01-preview sent by @azure/arm-sql); anything else → InvalidApiVersionParameter
// listing the supported ones; none → MissingApiVersionParameter.
import assert from 'node:assert/strict';
import { DATA_SYNC_API_VERSIONS, SQL_API_VERSIONS, SUBSCRIPTION_API_VERSIONS } from '../../../src/emulator/core/apiVersions';
import { demoIds, startTestEmulator, type TestEmulator } from './helpers';
import { armErrorOf } from './answers';

describe('emulator api-versions', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  before(async () => {
    t = await startTestEmulator();
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  it('the table covers 2015-05-01-preview through 2025-01-01, previews included', () => {
    for (const ver of [
      '2015-05-01-preview',
      '2017-03-01-preview',
      '2019-06-01-preview',
      '2020-02-02-preview',
      '2020-08-01-preview',
      '2020-11-01-preview',
      '2021-02-01-preview',
      '2021-11-01',
      '2022-05-01-preview',
      '2023-08-01',
      '2024-05-01-preview',
      '2025-01-01',
    ]) {
      assert.ok(DATA_SYNC_API_VERSIONS.includes(ver as (typeof DATA_SYNC_API_VERSIONS)[number]), ver);
    }
    assert.ok(SQL_API_VERSIONS.includes('2014-04-01'));
  });

  it('accepts every Data Sync version on sync group, member and agent routes', async () => {
    for (const ver of DATA_SYNC_API_VERSIONS) {
      for (const p of [`${ids.salesHub}/syncGroups`, `${ids.salesHub}/syncGroups/sales-sync/syncMembers`, `${ids.weu}/syncAgents`]) {
        const r = await t.call('GET', `${p}?api-version=${ver}`);
        assert.equal(r.status, 200, `${ver} ${p}: ${r.text}`);
      }
    }
  });

  it('accepts the subscription and server versions', async () => {
    for (const ver of SUBSCRIPTION_API_VERSIONS) assert.equal((await t.call('GET', `/subscriptions?api-version=${ver}`)).status, 200, ver);
    for (const ver of SQL_API_VERSIONS)
      assert.equal((await t.call('GET', `/subscriptions/${ids.prod}/providers/Microsoft.Sql/servers?api-version=${ver}`)).status, 200, ver);
  });

  it('rejects other versions with 400 InvalidApiVersionParameter listing the supported ones', async () => {
    for (const ver of ['2025-02-01-preview', '2014-04-01', 'latest']) {
      const r = await t.call('GET', `${ids.salesHub}/syncGroups?api-version=${ver}`);
      assert.equal(r.status, 400, ver);
      assert.equal(armErrorOf(r).code, 'InvalidApiVersionParameter');
      assert.match(armErrorOf(r).message, /2015-05-01-preview/);
      assert.match(armErrorOf(r).message, /2025-01-01/);
    }
    const subs = await t.call('GET', '/subscriptions?api-version=2025-01-01');
    assert.equal(armErrorOf(subs).code, 'InvalidApiVersionParameter');
  });

  it('a missing api-version → 400 MissingApiVersionParameter', async () => {
    for (const p of ['/subscriptions', `${ids.salesHub}/syncGroups`, `${ids.weu}/databases`]) {
      const r = await t.call('GET', p);
      assert.equal(r.status, 400);
      assert.equal(armErrorOf(r).code, 'MissingApiVersionParameter');
    }
  });

  it('authentication is checked before the api-version (like ARM)', async () => {
    const r = await t.call('GET', `${ids.salesHub}/syncGroups`, { token: null });
    assert.equal(r.status, 401);
  });
});
