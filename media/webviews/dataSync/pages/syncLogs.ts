// Front end of the sync log viewer: filters, a table of entries (details truncated, expandable),
// "Load more" for the next page, and export buttons. Entries are rendered with textContent only.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type {
  FromSyncLogs,
  LogEntryView,
  LogRangeMessage,
  LogTypeFilter,
  ToSyncLogs,
} from '../../../../src/dataSync/webviews/protocol/dataSyncLogs';
import type { PanelNotice } from '../../../../src/ui/webview/panelProtocol';
import { byId, el, neverSubmit, showBusy, showError } from '../dom';
import { applyStyles } from '../styles';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';

const send = (m: FromSyncLogs) => post(m);
applyStyles();
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

type Field = HTMLElement & { value: string };
const range = byId<Field>('range');
const logType = byId<Field>('log-type');
const body = byId('log-body');
const loadMore = byId('load-more');
const rangeError = byId('err-range');
const status = byId('status-logs');
const errorBox = byId('error-logs');
const exported = byId('exported');
const DETAILS_SHOWN = 140;

/** A date-and-time picker's local value ("2026-01-31T08:00") as UTC ISO 8601; empty stays empty (the extension says it is required). */
function localToIso(value: string): string {
  if (!value) return '';
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? value : t.toISOString();
}

function currentRange(): LogRangeMessage {
  if (range.value === 'custom') return { start: localToIso(byId<Field>('start').value), end: localToIso(byId<Field>('end').value) };
  return { preset: (range.value || 'last7Days') as 'lastHour' | 'last24Hours' | 'last7Days' };
}

function query(): void {
  rangeError.hidden = true;
  exported.hidden = true;
  showError(errorBox, undefined);
  send({ type: 'query', range: currentRange(), logType: (logType.value || 'All') as LogTypeFilter });
}

function row(entry: LogEntryView): HTMLElement[] {
  const short = entry.details.length > DETAILS_SHOWN ? `${entry.details.slice(0, DETAILS_SHOWN)}…` : entry.details;
  const detail = el('tr', { className: 'detail' }, [
    el('td', { colSpan: 4 }, [
      el('div', {}, [entry.details]),
      el('div', { className: 'muted' }, [`Operation status: ${entry.operationStatus || '—'} · Tracing id: ${entry.tracingId || '—'}`]),
    ]),
  ]);
  detail.hidden = true;
  const toggle = el(
    'button',
    {
      className: 'linkish',
      type: 'button',
      attrs: { 'aria-expanded': 'false', 'aria-label': `Show details of the ${entry.type} entry at ${entry.timestamp}` },
    },
    [short || '(no details)'],
  );
  toggle.addEventListener('click', () => {
    detail.hidden = !detail.hidden;
    toggle.setAttribute('aria-expanded', String(!detail.hidden));
  });
  const time = entry.timestamp ? new Date(entry.timestamp).toLocaleString() : '';
  return [
    el('tr', {}, [
      el('td', { title: entry.timestamp }, [time]),
      el('td', { className: `type-${entry.type}` }, [entry.type]),
      el('td', {}, [entry.source]),
      el('td', {}, [toggle]),
    ]),
    detail,
  ];
}

const showCustomRange = () => {
  byId('filter-start').hidden = range.value !== 'custom';
  byId('filter-end').hidden = range.value !== 'custom';
};
range.addEventListener('change', showCustomRange);

/** An ISO time as a date-and-time picker's local value ("2026-01-31T08:00"). */
function isoToLocal(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** Puts back the filters in use before a window reload. */
function showFilters(r: LogRangeMessage, type: LogTypeFilter): void {
  if ('preset' in r) range.value = r.preset;
  else {
    range.value = 'custom';
    byId<Field>('start').value = isoToLocal(r.start);
    byId<Field>('end').value = isoToLocal(r.end);
  }
  logType.value = type;
  showCustomRange();
}
neverSubmit(byId<HTMLFormElement>('filters'), query);
byId('apply').addEventListener('click', query);
loadMore.addEventListener('click', () => send({ type: 'loadMore' }));
byId('export-csv').addEventListener('click', () => send({ type: 'export', format: 'csv' }));
byId('export-json').addEventListener('click', () => send({ type: 'export', format: 'json' }));

onMessage<ToSyncLogs | PanelNotice>((m) => {
  switch (m.type) {
    case 'init':
      if (m.filters) showFilters(m.filters.range, m.filters.logType);
      query();
      break;
    case 'loading':
      if (!m.append) showError(errorBox, undefined);
      showBusy(status, m.append ? 'Loading more…' : 'Loading sync logs…');
      break;
    case 'entries':
      showBusy(status, undefined);
      if (!m.append) body.replaceChildren();
      for (const e of m.entries) body.append(...row(e));
      byId('count').textContent =
        `${m.total} entr${m.total === 1 ? 'y' : 'ies'} from ${new Date(m.startTime).toLocaleString()} to ${new Date(m.endTime).toLocaleString()}${m.hasMore ? ' (more available)' : ''}.`;
      loadMore.hidden = !m.hasMore;
      break;
    case 'rangeError':
      showBusy(status, undefined);
      rangeError.textContent = m.message;
      rangeError.hidden = false;
      break;
    case 'exported':
      exported.textContent = m.text;
      exported.hidden = false;
      break;
    case 'error':
      showBusy(status, undefined);
      showError(errorBox, m.error);
      break;
    case 'panelError':
      showBusy(status, undefined);
      break;
  }
});

send({ type: 'ready' });
