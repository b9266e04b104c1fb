// Times in the Data Sync tree: absolute in descriptions (they stay true however long the tree is open),
// relative only in tooltips, which are built when the user hovers. Free of 'vscode' for unit tests.

/** A real point in time; Azure sends 0001-01-01 for "never". */
function timeOf(iso: string | undefined): number | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) || new Date(t).getUTCFullYear() < 2000 ? undefined : t;
}

/**
 * "14:32" today, "5 Nov, 14:32" this year, else with the year: for descriptions, which stay true
 * however long the tree is left open (relative times would go stale there).
 */
export function absoluteTime(iso: string | undefined, now = Date.now()): string | undefined {
  const t = timeOf(iso);
  if (t === undefined) return undefined;
  const d = new Date(t);
  const today = new Date(now);
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  if (d.toDateString() === today.toDateString()) return d.toLocaleTimeString(undefined, time);
  const year: Intl.DateTimeFormatOptions = d.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' };
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', ...year, ...time });
}

/** "just now", "3 min ago", "2 h ago", "4 d ago": for tooltips, built when the user hovers. */
export function relativeTime(iso: string | undefined, now = Date.now()): string | undefined {
  const t = timeOf(iso);
  if (t === undefined) return undefined;
  const s = Math.round((now - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}

/** "29 Nov 2026, 14:32:05 (3 min ago)", or undefined for no time. */
export function timeWithAge(iso: string | undefined, now = Date.now()): string | undefined {
  const t = timeOf(iso);
  return t === undefined ? undefined : `${new Date(t).toLocaleString()} (${relativeTime(iso, now)})`;
}

/** Sync agent keys with no real expiry carry 9999-12-31. */
export function agentExpiry(iso: string | undefined, now = Date.now()): { description?: string; tooltip?: string } {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return {};
  const d = new Date(t);
  if (d.getUTCFullYear() >= 9999) return { description: 'does not expire', tooltip: 'Expires: never' };
  if (t < now) return { description: 'expired', tooltip: `Expired: ${d.toLocaleString()}` };
  return { description: `expires ${d.toLocaleDateString()}`, tooltip: `Expires: ${d.toLocaleString()}` };
}
