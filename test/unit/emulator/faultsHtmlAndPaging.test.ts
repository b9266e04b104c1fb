// Fault kinds for answers a client must not trust: a gateway's HTML error page (any status, default 502) and
// a list whose next-page link points back at the page just served.
import assert from 'node:assert/strict';
import { parseFaultSpec } from '../../../src/emulator/core/faults';
import { startTestEmulator, type TestEmulator } from './helpers';

describe('emulator faults: HTML error page and repeating next-page link', function () {
  let t: TestEmulator;
  const subs = '/subscriptions?api-version=2022-12-01';
  before(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.emu.control.clearFaults());
  after(() => t.stop());

  it('parses html[=STATUS] and repeat-nextlink', () => {
    const [a, b, c] = parseFaultSpec('html*1; html=200@GET /servers$; repeat-nextlink*2@GET /subscriptions$');
    assert.deepEqual([a.kind, a.status, a.remaining, a.latencyMs], ['html', undefined, 1, undefined]);
    assert.deepEqual([b.kind, b.status, b.method, b.path], ['html', 200, 'GET', '/servers$']);
    assert.deepEqual([c.kind, c.remaining, c.path], ['repeat-nextlink', 2, '/subscriptions$']);
    assert.throws(() => parseFaultSpec('html=42'), /HTTP status/);
  });

  it('html: a 502 text/html page, then normal answers; html=200 sends the page with 200', async () => {
    t.emu.control.addFaults('html*1');
    const page = await t.call('GET', subs);
    assert.equal(page.status, 502);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.text, /^<!DOCTYPE html>/);
    assert.equal((await t.call('GET', subs)).status, 200);
    t.emu.control.addFaults('html=200*1');
    const ok = await t.call('GET', subs);
    assert.equal(ok.status, 200);
    assert.match(ok.text, /<html>/);
  });

  it('repeat-nextlink: the list answer links to itself, once per occurrence', async () => {
    t.emu.control.addFaults('repeat-nextlink*1@GET ^/subscriptions$');
    const first = await t.call('GET', subs);
    assert.equal(first.status, 200);
    const body = first.body as { value: unknown[]; nextLink?: string };
    assert.ok(body.value.length > 0, 'the items are still there');
    assert.equal(body.nextLink, `${t.emu.endpoints.arm}${subs}`);
    const second = await t.call('GET', subs);
    assert.equal((second.body as { nextLink?: string }).nextLink, undefined);
  });
});
