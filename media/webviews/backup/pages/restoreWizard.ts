// Front end of the Restore wizard: the recovery timeline (points as a keyboard-usable radio group, log
// ranges as bars, a UTC datetime input for a point in time), the target (original with a typed
// confirmation, alternate database with editable file paths, or files in a folder), and a summary with
// the chain and the exact request. Every field stays as typed when the service refuses. Data from Azure
// is shown with textContent only.
import {
  RESTORE_WIZARD_STEPS,
  type ChainLinkView,
  type FileMapping,
  type FromRestoreWizard,
  type RestoreForm,
  type RestoreWizardStep,
  type TargetContainerView,
  type TimelinePointView,
  type ToRestoreWizard,
} from '../../../../src/backup/webviews/protocol/restoreWizard';
import { byId, el, neverSubmit, showError, showFieldErrors } from '../../dataSync/dom';
import { applyStyles } from '../../dataSync/styles';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';
import { formatUtc, RecoveryTimeline } from '../timeline';
import { wireStepTabs } from '../../shared/stepTabs';

const send = (m: FromRestoreWizard) => post(m);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
applyStyles();
const extra = new CSSStyleSheet();
extra.replaceSync(`
button { font: inherit; }
/* Headings take focus only so a screen reader announces the step; no box around them. */
h2:focus { outline: none; }
button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; }
button.primary:hover { background: var(--vscode-button-hoverBackground); }
button:not(.primary):not(.step):not(.linkish) { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 4px 12px; }
button:disabled { opacity: 0.5; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
fieldset { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 3px; margin: 10px 0; }
.timeline { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 3px; padding: 6px 0; margin: 8px 0; background: var(--vscode-editor-background); }
.timeline-svg { width: 100%; height: auto; display: block; }
.timeline-svg .axis { stroke: var(--vscode-descriptionForeground); stroke-width: 1; }
.timeline-svg .tick { fill: var(--vscode-descriptionForeground); font-size: 11px; font-family: var(--vscode-font-family); }
.timeline-svg .log-range { fill: var(--vscode-charts-green); opacity: 0.45; cursor: crosshair; }
.timeline-svg .log-range:hover { opacity: 0.7; }
.timeline-svg .chain-log { fill: var(--vscode-charts-green); pointer-events: none; }
.timeline-svg .pit-marker { stroke: var(--vscode-charts-orange); stroke-width: 3; pointer-events: none; }
.timeline-svg .marker { cursor: pointer; outline: none; }
.timeline-svg .marker .hit { fill: transparent; }
.timeline-svg .marker-full .shape { fill: var(--vscode-charts-blue); }
.timeline-svg .marker-diff .shape { fill: var(--vscode-charts-purple); }
.timeline-svg .marker-other .shape { fill: var(--vscode-charts-yellow); }
.timeline-svg .marker .shape { stroke: var(--vscode-editor-background); stroke-width: 1.5; }
.timeline-svg .marker.in-chain .shape { stroke: var(--vscode-charts-orange); stroke-width: 2.5; }
.timeline-svg .marker.selected .shape { stroke: var(--vscode-editor-foreground); stroke-width: 3; }
.timeline-svg .marker:focus .shape { stroke: var(--vscode-focusBorder); stroke-width: 3.5; }
.timeline-svg .pick-line { stroke: var(--vscode-editor-foreground); stroke-dasharray: 3 3; }
.legend { list-style: none; display: flex; gap: 16px; padding: 0; margin: 4px 0; color: var(--vscode-descriptionForeground); }
.legend .key { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }
.key-full { background: var(--vscode-charts-blue); border-radius: 50%; }
.key-diff { background: var(--vscode-charts-purple); transform: rotate(45deg) scale(0.8); }
.key-log { background: var(--vscode-charts-green); opacity: 0.6; border-radius: 2px; width: 24px !important; }
.chain { margin: 6px 0; }
.chain ol { margin: 4px 0; padding-left: 22px; }
.request { white-space: pre-wrap; word-break: break-all; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background, var(--vscode-editor-background)); padding: 8px; border-radius: 3px; max-height: 360px; overflow: auto; }
table.grid input { width: 100%; box-sizing: border-box; }
.path { font-family: var(--vscode-editor-font-family); word-break: break-all; }
.done-ok { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.done-bad { color: var(--vscode-errorForeground); }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, extra];
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

const input = (id: string) => byId<HTMLInputElement>(id);
const select = (id: string) => byId<HTMLSelectElement>(id);
const form = byId<HTMLFormElement>('form');
neverSubmit(form);

const PIT_POINT = 'DefaultRangeRecoveryPoint';
let database = '';
let sourceInstance = '';
let sourceVm = '';
let targets: TargetContainerView[] = [];
let points: TimelinePointView[] = [];
const chosenPoint = () => points.find((p) => p.name === input('point').value);
let files: FileMapping[] = [];
/** point|container|instance the file list was filled for: a new list replaces it only when this changes. */
let filesKey = '';
let chain: ChainLinkView[] | undefined;
let started = false;

const timeline = new RecoveryTimeline(byId('timeline'), {
  onPickPoint: (name) => {
    input('mode-point').checked = true;
    input('point').value = name;
    changedChoice();
  },
  onPickTime: (ms) => {
    input('mode-pointInTime').checked = true;
    input('pointInTime').value = new Date(ms).toISOString().slice(0, 19);
    changedChoice();
  },
});

function mode(): RestoreForm['mode'] {
  return input('mode-pointInTime').checked ? 'pointInTime' : 'point';
}
function target(): RestoreForm['target'] {
  return input('target-original').checked ? 'original' : input('target-files').checked ? 'files' : 'alternate';
}

function readForm(): RestoreForm {
  return {
    mode: mode(),
    point: input('point').value,
    pointInTime: input('pointInTime').value,
    target: target(),
    confirmName: input('confirmName').value,
    containerId: select('containerId').value,
    instance: select('instance').value,
    databaseName: input('databaseName').value,
    files: files.map((f) => ({ ...f })),
    folder: input('folder').value,
  };
}

function pitMs(): number | undefined {
  const v = input('pointInTime').value;
  if (!v) return undefined;
  const ms = Date.parse(`${v}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function drawTimeline(): void {
  timeline.render({ mode: mode(), point: input('point').value, time: pitMs(), chain });
}

function describeChoice(): void {
  const m = mode();
  byId('choice-text').textContent =
    m === 'point'
      ? chosenPoint()
        ? `Chosen: ${chosenPoint()!.type.toLowerCase()} backup of ${formatUtc(Date.parse(chosenPoint()!.time))} (${chosenPoint()!.name}).`
        : 'Choose a recovery point on the timeline.'
      : pitMs() !== undefined
        ? `Chosen: the moment ${formatUtc(pitMs()!)}.`
        : 'Enter a moment (UTC) or click a log bar.';
}

let previewTimer: number | undefined;
function requestPreview(): void {
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => send({ type: 'preview', form: readForm() }), 150);
}

function changedChoice(): void {
  chain = undefined;
  describeChoice();
  drawTimeline();
  requestPreview();
  requestFiles();
}

for (const id of ['mode-point', 'mode-pointInTime']) input(id).addEventListener('change', changedChoice);
input('pointInTime').addEventListener('change', () => {
  input('mode-pointInTime').checked = true;
  changedChoice();
});

// ---- steps -----------------------------------------------------------------------------------------
const stepTabs = [...document.querySelectorAll<HTMLButtonElement>('button.step')];
/** `quiet`: only show the step (a restore under way keeps its summary as it was sent). */
function showStep(step: RestoreWizardStep, quiet = false): void {
  for (const s of RESTORE_WIZARD_STEPS) {
    byId(`step-${s}`).hidden = s !== step;
    const tab = byId(`tab-${s}`);
    if (s === step) tab.setAttribute('aria-current', 'step');
    else tab.removeAttribute('aria-current');
  }
  const heading = byId(`step-${step}`).querySelector<HTMLElement>('h2');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
  if (quiet) return;
  if (step === 'target') requestFiles();
  if (step === 'summary') {
    summarize();
    send({ type: 'preview', form: readForm() });
  }
}
wireStepTabs<RestoreWizardStep>(stepTabs, showStep);

function busy(step: RestoreWizardStep, text: string | undefined): void {
  byId(`busy-${step}`).hidden = !text;
  byId(`busy-${step}-text`).textContent = text ?? '';
}
function clearStatus(): void {
  for (const s of RESTORE_WIZARD_STEPS) {
    busy(s, undefined);
    showError(byId(`error-${s}`), undefined);
  }
}

// ---- target ----------------------------------------------------------------------------------------
function fillOptions(sel: HTMLSelectElement, items: Array<{ value: string; label: string }>, placeholder: string, keep?: string): void {
  sel.replaceChildren(el('option', { value: '' }, [placeholder]), ...items.map((i) => el('option', { value: i.value }, [i.label])));
  sel.value = keep && items.some((i) => i.value === keep) ? keep : '';
}
function container(): TargetContainerView | undefined {
  return targets.find((t) => t.containerId === select('containerId').value);
}
function fillInstances(keep?: string): void {
  const c = container();
  fillOptions(
    select('instance'),
    (c?.instances ?? []).map((i) => ({
      value: i.name,
      label: `${i.name}${i.databases.length ? ` (${i.databases.length} databases)` : ''}`,
    })),
    c ? 'Choose a SQL instance…' : 'Choose a VM first',
    keep ?? (c?.instances.length === 1 ? c.instances[0].name : undefined),
  );
}
function showTargetFields(): void {
  const t = target();
  byId('original-fields').hidden = t !== 'original';
  byId('container-field').hidden = t === 'original';
  byId('alternate-fields').hidden = t !== 'alternate';
  byId('files-fields').hidden = t !== 'files';
  requestFiles();
}
for (const id of ['target-original', 'target-alternate', 'target-files']) input(id).addEventListener('change', showTargetFields);
select('containerId').addEventListener('change', () => {
  fillInstances();
  requestFiles();
});
select('instance').addEventListener('change', requestFiles);

function currentFilesKey(): string {
  const point = mode() === 'pointInTime' ? PIT_POINT : input('point').value;
  return `${point}|${select('containerId').value}|${select('instance').value}`.toLowerCase();
}
function requestFiles(): void {
  if (target() !== 'alternate' || !select('containerId').value || !select('instance').value) return;
  const point = mode() === 'pointInTime' ? PIT_POINT : input('point').value;
  if (!point || currentFilesKey() === filesKey) return;
  send({ type: 'loadFiles', point, containerId: select('containerId').value, instance: select('instance').value });
}

function renderFiles(): void {
  byId('files').replaceChildren(
    ...files.map((f, i) => {
      const id = `targetPath-${i}`;
      const box = el('input', {
        id,
        value: f.targetPath,
        autocomplete: 'off',
        spellcheck: false,
        attrs: { 'aria-label': `Restore ${f.sourceLogicalName} to` },
      });
      box.addEventListener('input', () => {
        files[i].targetPath = box.value;
      });
      return el('tr', {}, [
        el('td', {}, [f.mappingType]),
        el('td', {}, [f.sourceLogicalName]),
        el('td', { className: 'path' }, [f.sourcePath]),
        el('td', {}, [box, el('div', { className: 'field-error', id: `err-${id}`, hidden: true, attrs: { role: 'alert' } })]),
      ]);
    }),
  );
}

// ---- summary ---------------------------------------------------------------------------------------
function chainList(links: ChainLinkView[] | undefined, problem?: string): Node {
  if (!links)
    return el('p', { className: problem ? 'field-error' : 'muted' }, [problem ?? 'Choose a point or a moment to see the backups it uses.']);
  return el('div', {}, [
    el('strong', {}, ['Backups this restore uses:']),
    el(
      'ol',
      {},
      links.map((l) =>
        el('li', {}, [
          l.name
            ? `${l.type} backup of ${formatUtc(Date.parse(l.time))} (${l.name})`
            : `${l.type} backups from ${formatUtc(Date.parse(l.time))} up to ${formatUtc(Date.parse(l.until ?? l.time))}`,
        ]),
      ),
    ),
  ]);
}
function summarize(): void {
  const f = readForm();
  const what =
    f.mode === 'point' ? `recovery point ${f.point || '(none)'}` : `the moment ${pitMs() !== undefined ? formatUtc(pitMs()!) : '(none)'}`;
  const where =
    f.target === 'original'
      ? `over the original database ${database} on ${sourceInstance} (${sourceVm}), overwriting it`
      : f.target === 'files'
        ? `as files to ${f.folder || '(no folder)'} on ${container()?.name ?? '(no VM)'}`
        : `as a new database ${f.instance || '(no instance)'}/${f.databaseName || '(no name)'} on ${container()?.name ?? '(no VM)'}`;
  byId('summary-text').textContent = `Restore ${database} to ${what}, ${where}.`;
}

byId('restore').addEventListener('click', () => {
  clearStatus();
  showFieldErrors(form, {});
  byId('restore').setAttribute('disabled', 'true');
  send({ type: 'restore', form: readForm() });
});

const STEP_OF_FIELD = (field: string): RestoreWizardStep => (field === 'point' || field === 'pointInTime' ? 'point' : 'target');

function applyDraft(d: RestoreForm): void {
  input(d.mode === 'pointInTime' ? 'mode-pointInTime' : 'mode-point').checked = true;
  input('point').value = d.point;
  input('pointInTime').value = d.pointInTime;
  input(`target-${d.target}`).checked = true;
  input('confirmName').value = d.confirmName;
  select('containerId').value = d.containerId;
  fillInstances(d.instance);
  input('databaseName').value = d.databaseName;
  input('folder').value = d.folder;
  files = d.files.map((f) => ({ ...f }));
  filesKey = currentFilesKey();
  renderFiles();
}

onMessage<ToRestoreWizard>((m) => {
  switch (m.type) {
    case 'init': {
      busy('point', undefined);
      database = m.database;
      sourceInstance = m.instance;
      sourceVm = m.vmName;
      targets = m.targets;
      points = m.timeline.points;
      showFieldErrors(form, {});
      byId('title').textContent = `Restore ${m.database}`;
      byId('subtitle').textContent =
        `${m.instance}/${m.database} on ${m.vmName}, vault ${m.vaultName}: ${count(m.timeline.points.length, 'recovery point')}, ${count(m.timeline.ranges.length, 'log range')}.`;
      byId('overwrite-text').textContent = `The backup replaces ${m.database} on ${m.instance} (${m.vmName}): its current data is lost.`;
      byId('confirm-label').textContent = `Type ${m.database} to confirm the overwrite`;
      byId('ranges-text').textContent = m.timeline.ranges.length
        ? `Log ranges: ${m.timeline.ranges.map((r) => `${formatUtc(Date.parse(r.start))} – ${formatUtc(Date.parse(r.end))}`).join('; ')}`
        : 'No log backups: restore to a full or differential point.';
      if (m.timeline.ranges.length) {
        input('pointInTime').min = m.timeline.ranges[0].start.slice(0, 19);
        input('pointInTime').max = m.timeline.ranges[m.timeline.ranges.length - 1].end.slice(0, 19);
      } else input('mode-pointInTime').disabled = true;
      timeline.setData(m.timeline, `Recovery timeline of ${m.database}`);
      const own = m.targets.find((t) => t.name === m.vmName);
      fillOptions(
        select('containerId'),
        m.targets.map((t) => ({ value: t.containerId, label: t.name })),
        'Choose a registered VM…',
        own?.containerId,
      );
      fillInstances(own?.instances.some((i) => i.name === m.instance) ? m.instance : undefined);
      if (!input('databaseName').value) input('databaseName').value = `${m.database}_restored`;
      if (m.draft) applyDraft(m.draft);
      else if (m.preselect?.toLowerCase() === PIT_POINT.toLowerCase() && m.timeline.ranges.length) {
        // Opened on the log pseudo-point: a point in time, starting at the end of the latest log range.
        input('mode-pointInTime').checked = true;
        input('pointInTime').value = new Date(Math.floor(Date.parse(m.timeline.ranges[m.timeline.ranges.length - 1].end) / 1000) * 1000)
          .toISOString()
          .slice(0, 19);
      } else input('point').value = m.preselect ?? m.timeline.points[m.timeline.points.length - 1]?.name ?? '';
      showTargetFields();
      changedChoice();
      if (m.preselect && !m.draft && mode() === 'point') timeline.focusPoint(m.preselect);
      return;
    }
    case 'files':
      busy('target', undefined);
      files = m.files;
      filesKey = `${m.point}|${m.containerId}|${m.instance}`.toLowerCase();
      renderFiles();
      return;
    case 'preview': {
      chain = m.chain;
      drawTimeline();
      byId('chain').replaceChildren(chainList(m.chain, m.problem));
      byId('summary-chain').replaceChildren(chainList(m.chain, m.problem));
      const problems = Object.values(m.errors);
      const box = byId('summary-problems');
      box.hidden = !problems.length;
      box.replaceChildren(
        ...(problems.length
          ? [
              el('strong', {}, ['Fix these first:']),
              el(
                'ul',
                {},
                problems.map((p) => el('li', {}, [p])),
              ),
            ]
          : []),
      );
      byId('request').textContent = m.request
        ? `${m.request.method} ${m.request.path}\n\n${m.request.body}`
        : '(complete the fields above to see the request)';
      if (!started) byId('restore').toggleAttribute('disabled', !m.request);
      summarize();
      return;
    }
    case 'fieldErrors': {
      started = false;
      byId('restore').removeAttribute('disabled');
      busy('summary', undefined);
      showFieldErrors(form, m.errors);
      const first = Object.keys(m.errors)[0];
      if (first) {
        showStep(STEP_OF_FIELD(first));
        document.getElementById(first)?.focus();
      }
      return;
    }
    case 'busy':
      busy(m.step, m.text);
      return;
    case 'error':
      busy(m.step, undefined);
      showError(byId(`error-${m.step}`), m.error);
      if (m.step === 'summary') {
        started = false;
        byId('restore').removeAttribute('disabled');
      }
      return;
    case 'started':
      // One restore per run: the button comes back only if this one fails.
      started = true;
      byId('restore').setAttribute('disabled', 'true');
      showStep('summary', true);
      busy('summary', undefined);
      byId('progress').textContent = m.text;
      return;
    case 'job': {
      busy('summary', undefined);
      const p = byId('progress');
      p.textContent = m.text;
      const ok = /^completed/i.test(m.status);
      p.className = m.ended ? (ok ? 'done-ok' : 'done-bad') : '';
      // A job that failed leaves every field as it was, ready to change and restore again.
      if (m.ended && !ok) {
        started = false;
        byId('restore').removeAttribute('disabled');
      }
      return;
    }
  }
});

showStep('point');
send({ type: 'ready' });
