// Static markup of the sync log page. Each filter keeps its label above its control, so a wrapping row
// never strands a label away from what it names; custom ranges are date and time pickers in the
// user's local time (the page sends them as UTC).
import { escapeHtml } from '../../ui/webview/webviewHtml';

const filter = (id: string, label: string, control: string, hidden = false): string =>
  `<div class="filter" id="filter-${id}"${hidden ? ' hidden' : ''}><vscode-label for="${id}">${label}</vscode-label>${control}</div>`;

export function syncLogsBody(groupName: string): string {
  return `
<h1>Sync logs: ${escapeHtml(groupName)}</h1>
<form id="filters" class="filters" novalidate>
  ${filter(
    'range',
    'Time range',
    `<vscode-single-select id="range" aria-label="Time range">
    <vscode-option value="lastHour">Last hour</vscode-option>
    <vscode-option value="last24Hours">Last 24 hours</vscode-option>
    <vscode-option value="last7Days" selected>Last 7 days</vscode-option>
    <vscode-option value="custom">Custom…</vscode-option>
  </vscode-single-select>`,
  )}
  ${filter('start', 'From', '<vscode-textfield id="start" type="datetime-local" aria-label="Start (local time)"></vscode-textfield>', true)}
  ${filter('end', 'To', '<vscode-textfield id="end" type="datetime-local" aria-label="End (local time)"></vscode-textfield>', true)}
  ${filter(
    'log-type',
    'Type',
    `<vscode-single-select id="log-type" aria-label="Log type">
    <vscode-option value="All" selected>All</vscode-option>
    <vscode-option value="Error">Error</vscode-option>
    <vscode-option value="Warning">Warning</vscode-option>
    <vscode-option value="Success">Success</vscode-option>
  </vscode-single-select>`,
  )}
  <div class="filter-actions">
    <vscode-button id="apply">Show logs</vscode-button>
    <vscode-button secondary id="export-csv">Export CSV</vscode-button>
    <vscode-button secondary id="export-json">Export JSON</vscode-button>
  </div>
</form>
<div class="field-error" id="err-range" role="alert" hidden></div>
<p class="muted" id="count" role="status"></p>
<table class="grid" aria-label="Sync log entries"><thead><tr><th>Time</th><th>Type</th><th>Source</th><th>Details</th></tr></thead><tbody id="log-body"></tbody></table>
<div class="row"><vscode-button secondary id="load-more" hidden>Load more</vscode-button></div>
<p id="exported" class="ok" role="status" hidden></p>
<div class="status" id="status-logs" role="status" hidden><vscode-progress-ring></vscode-progress-ring><span class="status-text"></span></div>
<div class="error-box" id="error-logs" role="alert" hidden></div>`;
}
