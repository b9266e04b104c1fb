// Resources - List of a subscription: generic shapes of SQL servers and databases, narrowed by resource type.
import assert from 'node:assert/strict';
import { demoIds, startTestEmulator, v, type TestEmulator } from './helpers';
import { armErrorOf, itemsOf } from './answers';

describe('emulator Resources list', () => {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator();
  });
  after(() => t.stop());

  it("lists a subscription's databases (master included) by type, in the generic shape", async () => {
    const { prod, salesHub, master } = demoIds(t.emu);
    const r = await t.call(
      'GET',
      v(`/subscriptions/${prod}/resources?$filter=resourceType eq 'Microsoft.Sql/servers/databases'`, '2021-04-01'),
    );
    assert.equal(r.status, 200, r.text);
    const list = itemsOf(r).value as Array<{ id: string; name: string; type: string }>;
    const st = t.emu.control.state();
    const expected = Object.values(st.databases).filter((d) => d.id.toLowerCase().startsWith(`/subscriptions/${prod.toLowerCase()}/`));
    assert.deepEqual(list.map((x) => x.id).sort(), expected.map((d) => d.id).sort());
    const hub = list.find((x) => x.id.toLowerCase() === salesHub.toLowerCase());
    assert.equal(hub?.name, 'contoso-sales-weu/SalesHub');
    assert.equal(hub?.type, 'Microsoft.Sql/servers/databases');
    assert.ok(list.some((x) => x.id.toLowerCase() === master.toLowerCase()));
    const servers = itemsOf(
      await t.call('GET', v(`/subscriptions/${prod}/resources?$filter=resourceType eq 'microsoft.sql/servers'`, '2021-04-01')),
    );
    assert.ok(servers.value.length > 0);
    assert.ok((servers.value as Array<{ type: string }>).every((x) => x.type === 'Microsoft.Sql/servers'));
  });

  it('pages by $top with $skipToken next links (1000 per page without it)', async () => {
    const { prod } = demoIds(t.emu);
    const all = itemsOf(await t.call('GET', v(`/subscriptions/${prod}/resources`, '2021-04-01')));
    assert.equal(all.nextLink, undefined);
    const seen: string[] = [];
    let url: string | undefined = v(`/subscriptions/${prod}/resources?$top=2`, '2021-04-01');
    while (url) {
      const page = itemsOf(await t.call('GET', url));
      assert.ok(page.value.length <= 2);
      seen.push(...(page.value as Array<{ id: string }>).map((x) => x.id));
      url = page.nextLink;
    }
    assert.deepEqual(
      seen,
      (all.value as Array<{ id: string }>).map((x) => x.id),
    );
    assert.ok(seen.length > 2);
  });

  it('answers a filter it does not understand with 400 InvalidFilterInQueryString', async () => {
    const { prod } = demoIds(t.emu);
    const r = await t.call('GET', v(`/subscriptions/${prod}/resources?$filter=tagName eq 'env'`, '2021-04-01'));
    assert.equal(r.status, 400);
    assert.equal(armErrorOf(r).code, 'InvalidFilterInQueryString');
  });
});
