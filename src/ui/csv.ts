// CSV as spreadsheets read it: RFC 4180 quoting (a cell holding a quote, comma or line break is quoted,
// inner quotes doubled), CRLF line ends, and no formula injection — a cell that starts with = + - @ (or
// tab / carriage return) gets a leading apostrophe, because exported text comes from databases and
// other users, and Excel would otherwise run it.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, each cell through csvCell. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return `${[header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}
