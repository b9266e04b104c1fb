// Front end of the replication monitor: totals, the database's status and error, a table of every
// mirrored table with filter and sort, Refresh and Export CSV. Everything from the service is set
// with textContent (never innerHTML).
import type { FromMonitor, MonitorSnapshot, MonitorTableRow, ToMonitor } from '../../../../src/fabric/webviews/protocol/monitor';
import { byId } from '../../shared/dom';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';

const send = (m: FromMonitor) => post(m);
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));
// Columns far enough apart to read; a constructed sheet, since the CSP forbids inline styles.
const styles = new CSSStyleSheet();
styles.replaceSync(`
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 4px 16px 4px 0; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles];

const filter = byId<HTMLInputElement>('filter');
const sort = byId<HTMLSelectElement>('sort');
const tbody = byId('tables');
const message = byId('message');
let snapshot: MonitorSnapshot | undefined;

const num = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString());
const rate = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString(undefined, { maximumFractionDigits: 1 }));
const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : 'never');

function cell(text: string, className = '', title = ''): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  if (title) td.title = title;
  return td;
}

/** Service text longer than this is cut in the page; the whole text is the element's tooltip. */
const SHOWN_CHARS = 400;
const cut = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text);

const problem = (r: MonitorTableRow) => (r.status === 'Failed' || r.error ? 0 : r.stale ? 1 : 2);
const comparators: Record<string, (a: MonitorTableRow, b: MonitorTableRow) => number> = {
  problems: (a, b) => problem(a) - problem(b) || a.name.localeCompare(b.name),
  name: (a, b) => a.name.localeCompare(b.name),
  rows: (a, b) => (b.processedRows ?? -1) - (a.processedRows ?? -1),
  rate: (a, b) => (b.rowsPerSecond ?? -1) - (a.rowsPerSecond ?? -1),
  latency: (a, b) => (b.latencySeconds ?? -1) - (a.latencySeconds ?? -1),
  lastSync: (a, b) => (a.lastSync ?? '').localeCompare(b.lastSync ?? ''),
};

function render(): void {
  if (!snapshot) return;
  const s = snapshot;
  byId('status').textContent = `Mirroring ${s.status}`;
  const dbError = byId('db-error');
  dbError.textContent = cut(s.databaseError ?? '');
  dbError.title = s.databaseError ?? '';
  dbError.hidden = !s.databaseError;
  const t = s.totals;
  byId('totals').textContent =
    `${t.tables} tables · ${t.failed} failed · ${t.stale} stale (no sync for ${s.staleMinutes} min) · ` +
    `${num(t.processedRows)} rows · ${num(t.processedBytes)} bytes${t.rowsPerSecond === undefined ? '' : ` · ${rate(t.rowsPerSecond)} rows/s`}`;
  const q = filter.value.trim().toLowerCase();
  const rows = s.tables
    .filter((r) => !q || r.name.toLowerCase().includes(q) || r.status.toLowerCase().includes(q))
    .sort(comparators[sort.value] ?? comparators.problems);
  tbody.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.append(
        cell(r.name),
        cell(r.stale ? `${r.status} (stale)` : r.status, r.status === 'Failed' ? 'warning' : r.stale ? 'warning' : ''),
        cell(num(r.processedRows)),
        cell(num(r.processedBytes)),
        cell(rate(r.rowsPerSecond)),
        cell(time(r.lastSync), '', r.lastSync ?? ''),
        cell(r.latencySeconds === undefined ? '' : `${r.latencySeconds} s`),
        cell(cut(r.error ?? ''), '', r.error ?? ''),
      );
      return tr;
    }),
  );
  byId('updated').textContent =
    `Read ${new Date(s.readAt).toLocaleTimeString()}; next read in ${Math.round(s.nextRefreshMs / 1000)} s while visible.`;
}

filter.addEventListener('input', render);
sort.addEventListener('change', render);
byId('refresh').addEventListener('click', () => send({ type: 'refresh' }));
byId('export').addEventListener('click', () => send({ type: 'export' }));

onMessage<ToMonitor>((m) => {
  switch (m.type) {
    case 'snapshot':
      snapshot = m.snapshot;
      message.hidden = true;
      render();
      break;
    case 'loading':
      byId('status').textContent = 'Loading…';
      break;
    case 'error':
      message.textContent = `Could not read the status: ${m.message} (next try in ${Math.round(m.nextRefreshMs / 1000)} s)`;
      message.hidden = false;
      break;
    case 'exported':
      message.textContent = m.text;
      message.hidden = false;
      break;
  }
});

send({ type: 'ready' });
