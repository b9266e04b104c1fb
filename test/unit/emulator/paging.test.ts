// nextLink paging ($skipToken) for lists and continuationToken paging for sync logs.
import assert from 'node:assert/strict';
import { demoIds, startTestEmulator, v, type TestEmulator } from './helpers';
import { armErrorOf, itemsOf } from './answers';

describe('emulator paging', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ seed: 'large', pageSize: 50 });
  });
  after(() => t.stop());

  async function walk(first: string): Promise<{ items: unknown[]; pages: number; links: string[] }> {
    const items: unknown[] = [];
    const links: string[] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url) {
      const r = await t.call('GET', url);
      assert.equal(r.status, 200, r.text);
      const page = itemsOf(r);
      items.push(...page.value);
      pages++;
      url = page.nextLink;
      if (url) links.push(url);
    }
    return { items, pages, links };
  }

  it('lists servers of a subscription in pages of 50 with $skipToken nextLinks', async () => {
    const sub = t.emu.control.state().subscriptions[0].subscriptionId;
    const { items, pages, links } = await walk(v(`/subscriptions/${sub}/providers/Microsoft.Sql/servers`));
    assert.equal(items.length, 200);
    assert.equal(pages, 4);
    assert.ok(links.every((l) => l.startsWith(t.emu.endpoints.arm) && l.includes('%24skipToken=') && l.includes('api-version=2025-01-01')));
    assert.equal(new Set(items.map((i) => (i as { id: string }).id)).size, 200, 'no duplicates across pages');
  });

  it('pages sync logs with continuationToken', async () => {
    const st = t.emu.control.state();
    const g = Object.values(st.syncGroups).find((x) => x.logs.length >= 500)!;
    const { items, links } = await walk(v(`${g.id}/logs?startTime=2000-01-01T00:00:00Z&endTime=2100-01-01T00:00:00Z&type=All`));
    assert.equal(items.length, g.logs.length);
    assert.ok(links.length >= 10 && links.every((l) => l.includes('continuationToken=') && l.includes('type=All')));
  });

  it('rejects an invalid $skipToken with 400 InvalidParameterValue', async () => {
    const r = await t.call(
      'GET',
      v(`/subscriptions/${t.emu.control.state().subscriptions[0].subscriptionId}/providers/Microsoft.Sql/servers?$skipToken=garbage`),
    );
    assert.equal(r.status, 400);
    assert.equal(armErrorOf(r).code, 'InvalidParameterValue');
  });

  it('small lists have no nextLink', async () => {
    const t2 = await startTestEmulator({ seed: 'demo' });
    try {
      const r = await t2.call('GET', v(`${demoIds(t2.emu).weu}/syncAgents`));
      const page = itemsOf(r);
      assert.equal(page.value.length, 3);
      assert.equal(page.nextLink, undefined);
    } finally {
      await t2.stop();
    }
  });
});
