// The OData subset Azure Backup's `$filter` uses: clauses `name eq 'value'` (or an unquoted value) joined
// by `and`. Names are case-insensitive; a clause that does not parse is a 400.
import { armError, type EmulatorRequest } from '../../core/http';

export type Filter = Map<string, string>;

export function parseFilter(req: EmulatorRequest): Filter {
  const text = req.url.searchParams.get('$filter')?.trim();
  const out: Filter = new Map();
  if (!text) return out;
  for (const clause of text.split(/\s+and\s+/i)) {
    const m = /^\(?\s*([\w.]+)\s+eq\s+(?:'((?:[^']|'')*)'|([^\s')]+))\s*\)?$/i.exec(clause.trim());
    if (!m)
      throw armError(
        400,
        'BMSUserErrorInvalidInput',
        `Input provided for the call is invalid: the $filter clause '${clause}' is not supported.`,
      );
    out.set(m[1].toLowerCase(), (m[2] ?? m[3]).replace(/''/g, "'"));
  }
  return out;
}

/** True when the filter has no value for `name` or the value equals `actual` (case-insensitive). */
export function matches(filter: Filter, name: string, actual: string | undefined): boolean {
  const wanted = filter.get(name.toLowerCase());
  return wanted === undefined || (actual !== undefined && wanted.toLowerCase() === actual.toLowerCase());
}

/** Dates in filters: ISO or the CLI's `yyyy-MM-dd hh:mm:ss AM` (both read as UTC). */
export function filterDate(filter: Filter, name: string): number | undefined {
  const raw = filter.get(name.toLowerCase());
  if (raw === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(AM|PM)?Z?$/i.exec(raw.trim());
  let ms: number;
  if (m) {
    let h = Number(m[4]);
    if (m[7]) h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
    ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, Number(m[5]), Number(m[6]));
  } else ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw armError(400, 'BMSUserErrorInvalidInput', `Input provided for the call is invalid: '${raw}' is not a date.`);
  return ms;
}
