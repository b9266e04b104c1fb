// Static markup of the Create Mirrored Database wizard: six steps, each a section with labelled native
// controls (keyboard-usable as they are) and an error box per field. Everything from Azure is filled in
// later by the page script with textContent.
import { escapeHtml } from '../../ui/webview/webviewHtml';

const fieldError = (id: string) => `<div class="field-error" id="err-${id}" role="alert" hidden></div>`;
const status = (step: string) =>
  `<div class="status" id="busy-${step}" hidden role="status"><span id="busy-${step}-text"></span></div><div class="error-box" id="error-${step}" hidden role="alert"></div>`;
const nav = (step: string, next?: string, back?: string) =>
  `<div class="row">${back ? `<button type="button" data-goto="${back}">Back</button>` : ''}${next ? `<button type="button" data-goto="${next}" class="primary">Next</button>` : ''}</div>`;

export function createWizardBody(title: string): string {
  return `
<h1>${escapeHtml(title)}</h1>
<p class="muted">Mirror an Azure SQL database into a Fabric workspace: choose the workspace and the source, what to mirror and how long to keep history, check readiness, then create.</p>
<nav class="steps" aria-label="Create steps">
  <button type="button" class="step" data-step="workspace" id="tab-workspace">1. Workspace</button>
  <button type="button" class="step" data-step="source" id="tab-source">2. Source</button>
  <button type="button" class="step" data-step="tables" id="tab-tables">3. Tables</button>
  <button type="button" class="step" data-step="settings" id="tab-settings">4. Settings</button>
  <button type="button" class="step" data-step="readiness" id="tab-readiness">5. Readiness</button>
  <button type="button" class="step" data-step="create" id="tab-create">6. Create</button>
</nav>
<form id="form" novalidate>
<section id="step-workspace" aria-labelledby="tab-workspace">
  <h2>Workspace</h2>
  <div class="field"><label for="workspaceId">Fabric workspace</label><select id="workspaceId"></select>${fieldError('workspaceId')}</div>
  <div class="field"><label for="displayName">Mirrored database name</label><input id="displayName" autocomplete="off" size="48">${fieldError('displayName')}</div>
  <div class="field"><label for="description">Description (optional)</label><input id="description" autocomplete="off" size="48">${fieldError('description')}</div>
  ${nav('workspace', 'source')}
  ${status('workspace')}
</section>
<section id="step-source" aria-labelledby="tab-source" hidden>
  <h2>Source connection</h2>
  <p class="muted">Fabric connections to SQL databases come first, with the server and database they point at.</p>
  <div class="field"><label for="connectionId">Connection</label><select id="connectionId"></select>${fieldError('connectionId')}${fieldError('database')}</div>
  <p id="source-detail" class="muted"></p>
  ${nav('source', 'tables', 'workspace')}
  ${status('source')}
</section>
<section id="step-tables" aria-labelledby="tab-tables" hidden>
  <h2>What to mirror</h2>
  <fieldset><legend>Scope</legend>
    <label><input type="radio" name="mode" id="mode-database" value="database" checked> The whole database (new tables are added automatically)</label><br>
    <label><input type="radio" name="mode" id="mode-tables" value="tables"> Chosen tables</label>
  </fieldset>
  <div id="table-picker" hidden>
    <div class="row"><label for="table-search">Search</label><input id="table-search" type="search" autocomplete="off"><label><input type="checkbox" id="select-all"> Select all shown</label><span id="table-count" class="muted" role="status"></span></div>
    <ul id="table-list" class="table-list" aria-label="Tables"></ul>
  </div>
  ${fieldError('tables')}
  ${nav('tables', 'settings', 'source')}
  ${status('tables')}
</section>
<section id="step-settings" aria-labelledby="tab-settings" hidden>
  <h2>Settings</h2>
  <div class="field"><label for="defaultSchema">Default schema</label><input id="defaultSchema" value="dbo" autocomplete="off">${fieldError('defaultSchema')}<span class="hint muted">Keeps the source's schema hierarchy in the mirrored database.</span></div>
  <div class="field"><label for="retentionInDays">Retention (days, 1–30)</label><input id="retentionInDays" type="number" min="1" max="30" step="1" value="7">${fieldError('retentionInDays')}</div>
  ${nav('settings', 'readiness', 'tables')}
  ${status('settings')}
</section>
<section id="step-readiness" aria-labelledby="tab-readiness" hidden>
  <h2>Readiness</h2>
  <div class="row"><button type="button" id="run-readiness">Run the checks</button></div>
  <ul id="checks" class="checks" aria-label="Readiness checks"></ul>
  ${nav('readiness', 'create', 'settings')}
  ${status('readiness')}
</section>
<section id="step-create" aria-labelledby="tab-create" hidden>
  <h2>Create</h2>
  <p id="summary"></p>
  <div class="row"><button type="button" id="create" class="primary">Create mirrored database</button></div>
  <div id="created" hidden><p id="created-text" role="status"></p><div class="row"><button type="button" id="start">Start mirroring</button></div><p id="start-text" role="status"></p></div>
  ${nav('create', undefined, 'readiness')}
  ${status('create')}
</section>
</form>`;
}
