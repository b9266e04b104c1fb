// Static markup of the setup wizard and schema picker pages (the log view's: syncLogsBody.ts). Nothing here
// comes from Azure: dynamic text is escaped, and everything the service returns is rendered later by the
// front ends with textContent.
import { escapeHtml } from '../../ui/webview/webviewHtml';

const field = (id: string, label: string, control: string, hint = ''): string => `
<div class="field">
  <vscode-label for="${id}">${label}</vscode-label>
  ${control}
  ${hint ? `<div class="hint muted">${hint}</div>` : ''}
  <div class="field-error" id="err-${id}" role="alert" hidden></div>
</div>`;

const select = (id: string, label: string, options = ''): string =>
  `<vscode-single-select id="${id}" aria-label="${label}">${options}</vscode-single-select>`;
const text = (id: string, label: string, attrs = ''): string =>
  `<vscode-textfield id="${id}" aria-label="${label}" ${attrs}></vscode-textfield>`;
const stepStatus = (step: string): string => `
<div class="status" id="status-${step}" role="status" hidden><vscode-progress-ring></vscode-progress-ring><span class="status-text"></span></div>
<div class="error-box" id="error-${step}" role="alert" hidden></div>`;

export function setupWizardBody(title: string): string {
  return `
<h1>${escapeHtml(title)}</h1>
<p class="muted">The documented order: create the group, add members, refresh the hub schema, choose tables, then sync. <span class="warning">SQL Data Sync retires on 30 September 2027.</span></p>
<nav class="steps" aria-label="Setup steps">
  <button class="step" data-step="group" id="tab-group">1. Sync group</button>
  <button class="step" data-step="members" id="tab-members">2. Members</button>
  <button class="step" data-step="refresh" id="tab-refresh">3. Hub schema</button>
  <button class="step" data-step="tables" id="tab-tables">4. Tables</button>
  <button class="step" data-step="sync" id="tab-sync">5. First sync</button>
</nav>

<section id="step-group" data-panel="group" aria-labelledby="tab-group">
  <h2>Sync group</h2>
  <div class="card" id="group-existing" hidden><strong>Sync group:</strong> <span id="existing-name"></span> <span class="muted">on</span> <span id="existing-hub"></span> <vscode-badge id="existing-state"></vscode-badge></div>
  <form id="group-form" novalidate>
    ${field('subscription', 'Subscription', select('subscription', 'Subscription'))}
    ${field('server', 'Server', select('server', 'Server'))}
    ${field('hub', 'Hub database', select('hub', 'Hub database'))}
    ${field('group-name', 'Sync group name', text('group-name', 'Sync group name'), '1–150 letters, digits, "-" or "_".')}
    ${field('sync-database', 'Sync metadata database', select('sync-database', 'Sync metadata database'), "Data Sync keeps its metadata here; choose an empty database in the hub's region.")}
    ${field('interval', 'Sync interval (seconds)', text('interval', 'Sync interval in seconds', 'type="number" min="5" value="300"'))}
    <div class="field"><vscode-checkbox id="manual">Sync manually only (no schedule)</vscode-checkbox></div>
    ${field('conflict', 'Conflict resolution', select('conflict', 'Conflict resolution', '<vscode-option value="HubWin" selected>Hub wins</vscode-option><vscode-option value="MemberWin">Member wins</vscode-option>'))}
    <div class="field"><vscode-checkbox id="conflict-logging">Log conflicts</vscode-checkbox></div>
    ${field('retention', 'Conflict log retention (days)', text('retention', 'Conflict log retention in days', 'type="number" min="1" max="30" value="30"'))}
    <div class="field"><vscode-checkbox id="private-link">Use a private link (approve the private endpoint afterwards)</vscode-checkbox></div>
    ${field('hub-user', 'Hub database user name', text('hub-user', 'Hub database user name', 'autocomplete="off"'))}
    ${field('hub-password', 'Hub database password', text('hub-password', 'Hub database password', 'type="password" autocomplete="off"'), 'Sent to Azure once; never stored or shown again.')}
    <div class="row"><vscode-button id="create-group">Create sync group</vscode-button></div>
  </form>
  ${stepStatus('group')}
</section>

<section id="step-members" data-panel="members" aria-labelledby="tab-members" hidden>
  <h2>Members</h2>
  <table class="grid" aria-label="Members"><thead><tr><th>Name</th><th>Database</th><th>Type</th><th>Direction</th><th>State</th></tr></thead><tbody id="members-body"></tbody></table>
  <p class="muted" id="members-empty">No members yet.</p>
  <h3>Add a member</h3>
  <form id="member-form" novalidate>
    ${field('member-name', 'Member name', text('member-name', 'Member name'))}
    ${field('member-kind', 'Member database', select('member-kind', 'Member database kind', '<vscode-option value="azure" selected>Azure SQL Database</vscode-option><vscode-option value="onPremises">SQL Server (through a sync agent)</vscode-option>'))}
    <div id="member-azure">
      ${field('member-subscription', 'Subscription', select('member-subscription', 'Member subscription'))}
      ${field('member-server', 'Server', select('member-server', 'Member server'))}
      ${field('member-database', 'Database', select('member-database', 'Member database'))}
    </div>
    <div id="member-onprem" hidden>
      ${field('member-agent', 'Sync agent', select('member-agent', 'Sync agent'))}
      ${field('member-linked', 'SQL Server database', select('member-linked', 'SQL Server database linked to the agent'))}
    </div>
    ${field('member-direction', 'Sync direction', select('member-direction', 'Sync direction', '<vscode-option value="Bidirectional" selected>Bi-directional</vscode-option><vscode-option value="OneWayMemberToHub">To the hub</vscode-option><vscode-option value="OneWayHubToMember">From the hub</vscode-option>'))}
    ${field('member-user', 'Member user name', text('member-user', 'Member user name', 'autocomplete="off"'))}
    ${field('member-password', 'Member password', text('member-password', 'Member password', 'type="password" autocomplete="off"'))}
    <div class="field"><vscode-checkbox id="member-private-link">Use a private link</vscode-checkbox></div>
    <div class="row"><vscode-button id="add-member">Add member</vscode-button><vscode-button secondary id="members-next">Next: hub schema</vscode-button></div>
  </form>
  ${stepStatus('members')}
</section>

<section id="step-refresh" data-panel="refresh" aria-labelledby="tab-refresh" hidden>
  <h2>Refresh the hub schema</h2>
  <p class="muted">Data Sync reads the hub database's tables and columns. This is a long-running operation; it also shows in the Operations view.</p>
  <div class="row"><vscode-button id="refresh-schema">Refresh hub schema</vscode-button></div>
  <p id="refresh-done" class="ok" hidden></p>
  ${stepStatus('refresh')}
</section>

<section id="step-tables" data-panel="tables" aria-labelledby="tab-tables" hidden>
  <h2>Tables and columns</h2>
  <div id="wizard-schema"></div>
  <div class="row"><vscode-button id="save-schema">Save schema</vscode-button></div>
  <p id="schema-saved" class="ok" hidden></p>
  ${stepStatus('tables')}
</section>

<section id="step-sync" data-panel="sync" aria-labelledby="tab-sync" hidden>
  <h2>First sync</h2>
  <div class="card"><strong>Sync state:</strong> <vscode-badge id="sync-state">…</vscode-badge> <span class="muted">Last sync:</span> <span id="last-sync">never</span></div>
  <table class="grid" aria-label="Member sync states"><thead><tr><th>Member</th><th>Database</th><th>State</th></tr></thead><tbody id="sync-members"></tbody></table>
  <p id="sync-notice" class="ok" role="status" hidden></p>
  <div class="row"><vscode-button id="trigger-sync">Sync now</vscode-button></div>
  ${stepStatus('sync')}
</section>`;
}

export function schemaPickerBody(groupName: string): string {
  return `
<h1>Sync schema: ${escapeHtml(groupName)}</h1>
<p class="muted">Choose the tables and columns to sync. Tables without a primary key and columns Data Sync cannot sync are disabled, with the reason. Primary key columns are always synced.</p>
<div class="row">
  <vscode-button secondary id="refresh-hub">Refresh hub schema</vscode-button>
  <vscode-button secondary id="refresh-members">Refresh member schemas</vscode-button>
  <span class="muted" id="last-update"></span>
</div>
<div id="schema-editor"></div>
<div class="row"><vscode-button id="save">Save schema</vscode-button></div>
<p id="saved" class="ok" role="status" hidden></p>
${stepStatus('picker')}`;
}
