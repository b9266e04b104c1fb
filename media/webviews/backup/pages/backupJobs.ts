// Front end of the Backup jobs panel: filters (sent to the extension, which asks the service), the jobs
// table with Load more, and a job's details with Cancel, Reveal protected item and the link to the
// operation started here. Everything from the service is set with textContent (never innerHTML).
import type { FromJobs, JobDetails, JobRow, JobsListing, ToJobs } from '../../../../src/backup/webviews/protocol/jobs';
import { byId } from '../../shared/dom';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';
import { applyJobsStyles } from '../jobsStyles';

const send = (m: FromJobs) => post(m);
applyJobsStyles();
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

const status = byId<HTMLSelectElement>('f-status');
const operation = byId<HTMLSelectElement>('f-operation');
const period = byId<HTMLSelectElement>('f-period');
const tbody = byId('jobs');
const more = byId<HTMLButtonElement>('more');
const details = byId('details');
const message = byId('message');
const error = byId('error');
let listing: JobsListing | undefined;

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function say(text: string): void {
  message.textContent = text;
  message.hidden = false;
}

function sendFilters(): void {
  send({ type: 'filter', filters: { status: status.value, operation: operation.value, period: period.value } });
}

function renderRows(l: JobsListing): void {
  tbody.replaceChildren(
    ...l.rows.map((r: JobRow) => {
      const tr = document.createElement('tr');
      const cell = (text: string, className = '') => {
        const td = el('td', text, className);
        tr.append(td);
        return td;
      };
      cell(r.operation);
      cell(r.status, r.problem ? 'warning' : '');
      cell(r.entity);
      cell(time(r.startTime)).title = r.startTime ?? '';
      cell(r.durationText);
      cell(r.errorSummary ?? '', 'warning');
      const actions = cell('');
      actions.append(button('Details', () => send({ type: 'details', jobName: r.name })));
      if (r.cancellable) actions.append(button('Cancel', () => send({ type: 'cancel', jobName: r.name })));
      return tr;
    }),
  );
  more.hidden = !l.hasMore;
  more.disabled = false;
  byId('count').textContent =
    `${l.rows.length} jobs · ${l.pages} page${l.pages === 1 ? '' : 's'}${l.hasMore ? ' · more on the server' : ''}`;
  byId('status').textContent = `${l.rows.filter((r) => r.running).length} running`;
  byId('updated').textContent =
    `Read ${new Date(l.readAt).toLocaleTimeString()} with $filter=${l.filter}` +
    (l.nextRefreshMs === undefined ? '' : `; next read in ${Math.round(l.nextRefreshMs / 1000)} s while visible.`);
}

function renderDetails(d: JobDetails, operationId: string | undefined): void {
  const parts: HTMLElement[] = [el('h2', `${d.operation} · ${d.entity}`)];
  const facts = el('p', '', 'muted');
  facts.textContent = [
    `Status ${d.status}`,
    d.startTime ? `started ${time(d.startTime)}` : '',
    d.endTime ? `ended ${time(d.endTime)}` : '',
    d.durationText ? `duration ${d.durationText}` : '',
    `job id ${d.name}`,
  ]
    .filter(Boolean)
    .join(' · ');
  parts.push(facts);
  const actions = el('div', '', 'row');
  if (d.cancellable) actions.append(button('Cancel job', () => send({ type: 'cancel', jobName: d.name })));
  actions.append(button('Reveal protected item', () => send({ type: 'revealItem', jobName: d.name })));
  if (operationId) actions.append(button('Show the operation', () => send({ type: 'showOperation', operationId })));
  parts.push(actions);
  if (d.tasks.length) {
    parts.push(el('h2', 'Tasks'));
    const table = el('table');
    for (const t of d.tasks) {
      const tr = el('tr');
      tr.append(el('td', t.name), el('td', t.status), el('td', t.durationText ?? ''));
      table.append(tr);
    }
    parts.push(table);
  }
  if (d.errors.length || d.dynamicErrorMessage) {
    parts.push(el('h2', 'Errors'));
    for (const e of d.errors) {
      const card = el('div', '', 'card');
      card.append(el('p', `${e.title ?? 'Error'} (${e.code})`, 'warning'), el('p', e.message));
      if (e.recommendations.length) {
        card.append(el('p', 'Recommended:', 'muted'));
        const ul = el('ul');
        for (const r of e.recommendations) ul.append(el('li', r, 'recommendation'));
        card.append(ul);
      }
      if (e.additionalDetails) card.append(el('p', e.additionalDetails, 'muted'));
      parts.push(card);
    }
    if (d.dynamicErrorMessage && !d.errors.some((e) => e.message === d.dynamicErrorMessage))
      parts.push(el('p', d.dynamicErrorMessage, 'warning'));
  }
  if (d.properties.length) {
    parts.push(el('h2', 'Properties'));
    const table = el('table');
    for (const p of d.properties) {
      const tr = el('tr');
      tr.append(el('td', p.name), el('td', p.value));
      table.append(tr);
    }
    parts.push(table);
  }
  details.replaceChildren(...parts);
  details.hidden = false;
}

for (const select of [status, operation, period]) select.addEventListener('change', sendFilters);
byId('refresh').addEventListener('click', () => send({ type: 'refresh' }));
more.addEventListener('click', () => {
  more.disabled = true;
  send({ type: 'loadMore' });
});

onMessage<ToJobs>((m) => {
  switch (m.type) {
    case 'init':
      status.value = m.filters.status;
      operation.value = m.filters.operation;
      period.value = m.filters.period;
      break;
    case 'loading':
      byId('status').textContent = m.what;
      break;
    case 'jobs':
      listing = m.listing;
      error.hidden = true;
      renderRows(listing);
      break;
    case 'details':
      renderDetails(m.details, m.operationId);
      break;
    case 'error':
      error.textContent = `${m.error.step}: ${m.error.code}: ${m.error.message}${m.error.requestId ? ` (request id ${m.error.requestId})` : ''}`;
      error.hidden = false;
      more.disabled = false;
      byId('status').textContent = listing ? `${listing.rows.filter((r) => r.running).length} running` : 'Not loaded';
      break;
    case 'notice':
      say(m.text);
      break;
  }
});

send({ type: 'ready' });
