// Static markup of the Restore wizard: three steps (what to restore, where to, summary), each a section
// with labelled native controls and an error box per field. The timeline is an SVG the page script draws;
// everything from Azure is filled in later with textContent.
import { escapeHtml } from '../../ui/webview/webviewHtml';

const fieldError = (id: string) => `<div class="field-error" id="err-${id}" role="alert" hidden></div>`;
const status = (step: string) =>
  `<div class="status" id="busy-${step}" hidden role="status"><span id="busy-${step}-text"></span></div><div class="error-box" id="error-${step}" hidden role="alert"></div>`;
const nav = (next?: string, back?: string) =>
  `<div class="row">${back ? `<button type="button" data-goto="${back}">Back</button>` : ''}${next ? `<button type="button" data-goto="${next}" class="primary">Next</button>` : ''}</div>`;

export function restoreWizardBody(title: string): string {
  return `
<h1 id="title">${escapeHtml(title)}</h1>
<p class="muted" id="subtitle">Loading the recovery points…</p>
<nav class="steps" aria-label="Restore steps">
  <button type="button" class="step" data-step="point" id="tab-point">1. Recovery point</button>
  <button type="button" class="step" data-step="target" id="tab-target">2. Target</button>
  <button type="button" class="step" data-step="summary" id="tab-summary">3. Summary</button>
</nav>
<form id="form" novalidate>
<section id="step-point" aria-labelledby="tab-point">
  <h2>What to restore</h2>
  <fieldset><legend>Restore to</legend>
    <label><input type="radio" name="mode" id="mode-point" value="point" checked> A recovery point (full or differential backup)</label><br>
    <label><input type="radio" name="mode" id="mode-pointInTime" value="pointInTime"> A point in time (from the log backups)</label>
  </fieldset>
  <p class="muted" id="timeline-help">Full backups are circles, differentials diamonds, log backups the bars. Tab to the timeline, then use the arrow keys (Home, End) to move between points; click a bar to pick a moment in it.</p>
  <div id="timeline" class="timeline"></div>
  <ul class="legend" aria-hidden="true"><li><span class="key key-full"></span>Full</li><li><span class="key key-diff"></span>Differential</li><li><span class="key key-log"></span>Log range (point in time)</li></ul>
  <input type="hidden" id="point">${fieldError('point')}
  <div class="field" id="pit-field"><label for="pointInTime">Point in time (UTC)</label><input id="pointInTime" type="datetime-local" step="1" autocomplete="off">${fieldError('pointInTime')}<span class="hint muted" id="ranges-text"></span></div>
  <p id="choice-text" role="status"></p>
  <div id="chain" class="chain" aria-live="polite"></div>
  ${nav('target')}
  ${status('point')}
</section>
<section id="step-target" aria-labelledby="tab-target" hidden>
  <h2>Where to restore</h2>
  <fieldset><legend>Target</legend>
    <label><input type="radio" name="target" id="target-alternate" value="alternate" checked> An alternate database (a new database on a registered SQL instance)</label><br>
    <label><input type="radio" name="target" id="target-original" value="original"> The original database (overwrites it)</label><br>
    <label><input type="radio" name="target" id="target-files" value="files"> Restore as files (.bak files in a folder of a registered VM)</label>
  </fieldset>
  ${fieldError('target')}
  <div id="original-fields" hidden>
    <p class="warning" id="overwrite-text"></p>
    <div class="field"><label for="confirmName" id="confirm-label">Type the database name to confirm</label><input id="confirmName" autocomplete="off" spellcheck="false">${fieldError('confirmName')}</div>
  </div>
  <div id="container-field" class="field"><label for="containerId">Registered VM</label><select id="containerId"></select>${fieldError('containerId')}</div>
  <div id="alternate-fields">
    <div class="field"><label for="instance">SQL instance</label><select id="instance"></select>${fieldError('instance')}</div>
    <div class="field"><label for="databaseName">New database name</label><input id="databaseName" autocomplete="off" spellcheck="false">${fieldError('databaseName')}</div>
    <h3>Database files</h3>
    <p class="muted">Each file of the backup goes to a path on the target VM: pre-filled from the instance's default data and log folders, editable.</p>
    <table class="grid" id="files-table"><thead><tr><th scope="col">Type</th><th scope="col">Logical name</th><th scope="col">Backed up from</th><th scope="col">Restore to</th></tr></thead><tbody id="files"></tbody></table>
    ${fieldError('files')}
  </div>
  <div id="files-fields" hidden>
    <div class="field"><label for="folder">Folder on the VM</label><input id="folder" autocomplete="off" spellcheck="false" placeholder="F:\\restore">${fieldError('folder')}</div>
  </div>
  ${nav('summary', 'point')}
  ${status('target')}
</section>
<section id="step-summary" aria-labelledby="tab-summary" hidden>
  <h2>Summary</h2>
  <p id="summary-text"></p>
  <div id="summary-chain" class="chain"></div>
  <div id="summary-problems" class="field-error" role="alert" hidden></div>
  <h3>The request</h3>
  <pre id="request" class="request" tabindex="0" aria-label="The exact restore request"></pre>
  <div class="row"><button type="button" id="restore" class="primary">Restore</button></div>
  <p id="progress" role="status"></p>
  ${nav(undefined, 'target')}
  ${status('summary')}
</section>
</form>`;
}
