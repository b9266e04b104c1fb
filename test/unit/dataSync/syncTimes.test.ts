// How the Data Sync tree writes times: absolute in descriptions, relative in tooltips, and agent keys
// without a real expiry.
import assert from 'node:assert/strict';
import { absoluteTime, agentExpiry, relativeTime, timeWithAge } from '../../../src/dataSync/tree/syncTimes';

describe('Data Sync tree times', () => {
  const now = new Date(2026, 10, 29, 15, 0, 0).getTime();
  const iso = (d: Date) => d.toISOString();

  it('describes a time absolutely: the time of day today, the date before, the year only when it differs', () => {
    const today = new Date(2026, 10, 29, 14, 32);
    assert.equal(absoluteTime(iso(today), now), today.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
    const thisYear = absoluteTime(iso(new Date(2026, 10, 5, 9, 7)), now)!;
    assert.ok(!thisYear.includes('2026'), thisYear);
    assert.match(thisYear, /5/);
    assert.match(absoluteTime(iso(new Date(2025, 0, 3, 9, 7)), now)!, /2025/);
    assert.doesNotMatch(absoluteTime(iso(today), now)!, /ago/);
  });

  it('has no time for "never" (Azure sends 0001-01-01) or garbage', () => {
    for (const v of [undefined, '', '0001-01-01T00:00:00Z', 'not a date']) {
      assert.equal(absoluteTime(v, now), undefined);
      assert.equal(relativeTime(v, now), undefined);
      assert.equal(timeWithAge(v, now), undefined);
    }
  });

  it('gives the age in tooltips', () => {
    assert.equal(relativeTime(iso(new Date(now - 20_000)), now), 'just now');
    assert.equal(relativeTime(iso(new Date(now - 23 * 60_000)), now), '23 min ago');
    assert.equal(relativeTime(iso(new Date(now - 5 * 3_600_000)), now), '5 h ago');
    assert.equal(relativeTime(iso(new Date(now - 4 * 86_400_000)), now), '4 d ago');
    assert.match(timeWithAge(iso(new Date(now - 23 * 60_000)), now)!, /^.+ \(23 min ago\)$/);
  });

  it('says an agent key with expiry 9999-12-31 does not expire', () => {
    assert.deepEqual(agentExpiry('9999-12-31T23:59:59.9999999Z', now), { description: 'does not expire', tooltip: 'Expires: never' });
    assert.equal(agentExpiry(iso(new Date(now - 1000)), now).description, 'expired');
    const soon = new Date(now + 21 * 86_400_000);
    assert.equal(agentExpiry(iso(soon), now).description, `expires ${soon.toLocaleDateString()}`);
    assert.deepEqual(agentExpiry(undefined, now), {});
  });
});
