// Front end of the Create Mirrored Database wizard: six steps in a keyboard-usable step list, native
// controls with labels, an error next to each field. Every field stays as typed when a create is
// refused. Data from Azure is shown with textContent only.
import {
  CREATE_WIZARD_STEPS,
  type CheckView,
  type ConnectionView,
  type CreateForm,
  type CreateWizardStep,
  type FromCreateWizard,
  type TableView,
  type ToCreateWizard,
} from '../../../../src/fabric/webviews/protocol/createWizard';
import { byId, el, neverSubmit, showError, showFieldErrors } from '../../dataSync/dom';
import { applyStyles } from '../../dataSync/styles';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';
import { wireStepTabs } from '../../shared/stepTabs';

const send = (m: FromCreateWizard) => post(m);
applyStyles();
const extra = new CSSStyleSheet();
extra.replaceSync(`
.table-list { list-style: none; padding: 0; max-height: 360px; overflow: auto; border: 1px solid var(--vscode-panel-border, transparent); }
.table-list li { padding: 3px 8px; }
.table-list li.disabled { opacity: 0.7; }
.checks { list-style: none; padding: 0; }
.checks li { margin: 8px 0; }
.checks pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background, transparent); padding: 6px; }
.pass { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.fail { color: var(--vscode-errorForeground); }
.warn, .manual { color: var(--vscode-editorWarning-foreground); }
button { font: inherit; }
button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; }
input, select { font: inherit; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; }
input:focus-visible, select:focus-visible, button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, extra];
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

const input = (id: string) => byId<HTMLInputElement>(id);
const select = (id: string) => byId<HTMLSelectElement>(id);
const form = byId<HTMLFormElement>('form');
neverSubmit(form);

let connections: ConnectionView[] = [];
let tables: TableView[] = [];
let tablesFor = '';
const chosen = new Set<string>();
const keyOf = (t: { schema: string; name?: string; table?: string }) => `${t.schema}\u0000${t.name ?? t.table ?? ''}`;
let pendingDraft: CreateForm | undefined;

function readForm(): CreateForm {
  return {
    workspaceId: select('workspaceId').value,
    displayName: input('displayName').value,
    description: input('description').value,
    connectionId: select('connectionId').value,
    mode: input('mode-tables').checked ? 'tables' : 'database',
    tables: tables.filter((t) => chosen.has(keyOf(t))).map((t) => ({ schema: t.schema, table: t.name })),
    defaultSchema: input('defaultSchema').value,
    retentionInDays: input('retentionInDays').value,
  };
}

// ---- steps -----------------------------------------------------------------------------------------
const stepTabs = [...document.querySelectorAll<HTMLButtonElement>('button.step')];
function showStep(step: CreateWizardStep): void {
  for (const s of CREATE_WIZARD_STEPS) {
    byId(`step-${s}`).hidden = s !== step;
    const tab = byId(`tab-${s}`);
    if (s === step) tab.setAttribute('aria-current', 'step');
    else tab.removeAttribute('aria-current');
  }
  const heading = byId(`step-${step}`).querySelector<HTMLElement>('h2');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
  if (step === 'source' && !connections.length) send({ type: 'loadConnections' });
  if (step === 'tables' && select('connectionId').value && tablesFor !== select('connectionId').value)
    send({ type: 'loadTables', connectionId: select('connectionId').value });
  if (step === 'create') summarize();
}
wireStepTabs<CreateWizardStep>(stepTabs, showStep);

function busy(step: CreateWizardStep, text: string | undefined): void {
  const box = byId(`busy-${step}`);
  box.hidden = !text;
  byId(`busy-${step}-text`).textContent = text ?? '';
}
function clearStatus(): void {
  for (const s of CREATE_WIZARD_STEPS) {
    busy(s, undefined);
    showError(byId(`error-${s}`), undefined);
  }
}

// ---- source --------------------------------------------------------------------------------------
function fillOptions(
  sel: HTMLSelectElement,
  items: Array<{ value: string; label: string; disabled?: boolean }>,
  placeholder: string,
  keep?: string,
): void {
  sel.replaceChildren(
    el('option', { value: '' }, [placeholder]),
    ...items.map((i) => el('option', { value: i.value, disabled: Boolean(i.disabled) }, [i.label])),
  );
  sel.value = keep && items.some((i) => i.value === keep) ? keep : '';
}
function describeSource(): void {
  const c = connections.find((x) => x.id === select('connectionId').value);
  byId('source-detail').textContent = c
    ? c.server
      ? `Server ${c.server}, database ${c.database ?? ''}`
      : `${c.type} connection: cannot be mirrored by this wizard.`
    : '';
}
select('connectionId').addEventListener('change', () => {
  describeSource();
  chosen.clear();
  tables = [];
  tablesFor = '';
  renderTables();
});

// ---- tables --------------------------------------------------------------------------------------
function visibleTables(): TableView[] {
  const q = input('table-search').value.trim().toLowerCase();
  return tables.filter((t) => !q || `${t.schema}.${t.name}`.toLowerCase().includes(q));
}
function renderTables(): void {
  const shown = visibleTables();
  const list = byId('table-list');
  list.replaceChildren(
    ...shown.map((t, i) => {
      const id = `table-${i}`;
      const box = el('input', { type: 'checkbox', id, checked: chosen.has(keyOf(t)), disabled: t.status === 'notMirrorable' });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(keyOf(t));
        else chosen.delete(keyOf(t));
        count();
      });
      const label = el('label', { htmlFor: id }, [`${t.schema}.${t.name}`]);
      const note = t.reason
        ? el('div', { className: 'reason' }, [t.status === 'notMirrorable' ? `Cannot be mirrored: ${t.reason}` : t.reason])
        : undefined;
      const skipped = t.skippedColumns.length
        ? el('div', { className: 'muted' }, [`Columns not replicated: ${t.skippedColumns.join(', ')}`])
        : undefined;
      return el('li', { className: t.status === 'notMirrorable' ? 'disabled' : '' }, [
        box,
        ' ',
        label,
        ...(note ? [note] : []),
        ...(skipped ? [skipped] : []),
      ]);
    }),
  );
  const enabled = shown.filter((t) => t.status !== 'notMirrorable');
  input('select-all').checked = enabled.length > 0 && enabled.every((t) => chosen.has(keyOf(t)));
  count();
}
function count(): void {
  const blocked = tables.filter((t) => t.status === 'notMirrorable').length;
  byId('table-count').textContent = `${chosen.size} of ${tables.length} chosen${blocked ? `; ${blocked} cannot be mirrored` : ''}`;
}
input('table-search').addEventListener('input', renderTables);
input('select-all').addEventListener('change', () => {
  const on = input('select-all').checked;
  for (const t of visibleTables()) {
    if (t.status === 'notMirrorable') continue;
    if (on) chosen.add(keyOf(t));
    else chosen.delete(keyOf(t));
  }
  renderTables();
});
for (const id of ['mode-database', 'mode-tables'])
  input(id).addEventListener('change', () => {
    byId('table-picker').hidden = !input('mode-tables').checked;
  });

// ---- readiness -----------------------------------------------------------------------------------
const MARK: Record<string, string> = { pass: '✓', fail: '✗', warn: '⚠', manual: 'Check yourself:' };
function renderChecks(checks: CheckView[]): void {
  byId('checks').replaceChildren(
    ...checks.map((c) => {
      const li = el('li', {}, [
        el('strong', { className: c.status }, [`${MARK[c.status] ?? c.status} `]),
        el('strong', {}, [c.title]),
        el('div', {}, [c.reason]),
      ]);
      if (c.tables?.length)
        li.append(
          el(
            'ul',
            {},
            c.tables.map((t) => el('li', {}, [`${t.schema}.${t.name}: ${t.reason ?? t.status}`])),
          ),
        );
      if (c.instructions) li.append(el('pre', {}, [c.instructions]));
      if (c.fix) {
        const fix = c.fix;
        const b = el('button', { type: 'button' }, [fix.label]);
        b.addEventListener('click', () => send({ type: 'applyFix', fixId: fix.fixId, form: readForm() }));
        li.append(el('div', { className: 'row' }, [b]));
      }
      return li;
    }),
  );
}
byId('run-readiness').addEventListener('click', () => {
  clearStatus();
  send({ type: 'runReadiness', form: readForm() });
});

// ---- create --------------------------------------------------------------------------------------
function summarize(): void {
  const f = readForm();
  const ws = select('workspaceId').selectedOptions[0]?.textContent ?? '';
  const c = connections.find((x) => x.id === f.connectionId);
  byId('summary').textContent =
    `${f.displayName || '(no name)'} in ${ws || '(no workspace)'}, from ${c?.database ?? '(no source)'}: ` +
    `${f.mode === 'tables' ? `${f.tables.length} chosen tables` : 'the whole database'}, default schema ${f.defaultSchema || '(none)'}, ` +
    `retention ${f.retentionInDays || '7'} days.`;
}
byId('create').addEventListener('click', () => {
  clearStatus();
  showFieldErrors(form, {});
  send({ type: 'create', form: readForm() });
});
byId('start').addEventListener('click', () => send({ type: 'startMirroring' }));

const STEP_OF_FIELD: Record<string, CreateWizardStep> = {
  workspaceId: 'workspace',
  displayName: 'workspace',
  description: 'workspace',
  connectionId: 'source',
  database: 'source',
  tables: 'tables',
  defaultSchema: 'settings',
  retentionInDays: 'settings',
};

function applyDraft(d: CreateForm): void {
  input('displayName').value = d.displayName;
  input('description').value = d.description;
  input('defaultSchema').value = d.defaultSchema;
  input('retentionInDays').value = d.retentionInDays;
  input(d.mode === 'tables' ? 'mode-tables' : 'mode-database').checked = true;
  byId('table-picker').hidden = d.mode !== 'tables';
  for (const t of d.tables) chosen.add(keyOf(t));
  if (d.connectionId) send({ type: 'loadConnections' });
}

onMessage<ToCreateWizard>((m) => {
  switch (m.type) {
    case 'init':
      fillOptions(
        select('workspaceId'),
        m.workspaces.map((w) => ({ value: w.value, label: w.label })),
        'Choose a workspace…',
        m.workspaceId,
      );
      if (m.draft) {
        pendingDraft = m.draft;
        applyDraft(m.draft);
      }
      return;
    case 'connections':
      busy('source', undefined);
      connections = m.items;
      fillOptions(
        select('connectionId'),
        m.items.map((c) => ({
          value: c.id,
          label: c.server ? `${c.displayName} — ${c.server} / ${c.database ?? ''}` : `${c.displayName} (${c.type}: not a SQL database)`,
          disabled: !c.server,
        })),
        'Choose a connection…',
        pendingDraft?.connectionId ?? select('connectionId').value,
      );
      describeSource();
      return;
    case 'tables':
      busy('tables', undefined);
      tables = m.tables;
      tablesFor = m.connectionId;
      renderTables();
      return;
    case 'readiness':
      busy('readiness', undefined);
      renderChecks(m.checks);
      return;
    case 'fieldErrors': {
      clearStatus();
      showFieldErrors(form, m.errors);
      const first = Object.keys(m.errors)[0];
      if (first && STEP_OF_FIELD[first]) {
        showStep(STEP_OF_FIELD[first]);
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
      return;
    case 'fixApplied':
      busy('readiness', m.text);
      return;
    case 'created':
      clearStatus();
      byId('created').hidden = false;
      byId('created-text').textContent = `Created ${m.item.displayName}.${m.startAvailable ? ' Start mirroring now?' : ''}`;
      byId('create').setAttribute('disabled', 'true');
      return;
    case 'startResult':
      busy('create', undefined);
      byId('start-text').textContent = m.text;
      return;
  }
});

showStep('workspace');
send({ type: 'ready' });
