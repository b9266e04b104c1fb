// Reading request-body values of unknown shape as text: strings as they are, numbers and booleans
// printed, anything else (objects, arrays, null, missing) as '' so messages never read "[object Object]".
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}
