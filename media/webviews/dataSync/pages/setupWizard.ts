// Front end of the Data Sync setup wizard: five steps (group, members, hub schema, tables, first sync)
// in a keyboard-usable step list. Field values stay as typed when a call fails; passwords are read
// from their fields only when submitting and are never written back by the extension.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { Choice } from '../../../../src/dataSync/webviews/protocol/dataSyncCommon';
import {
  SECRET_FILLED,
  WIZARD_STEPS,
  type FromWizard,
  type GroupForm,
  type GroupSummary,
  type MemberForm,
  type MemberSummary,
  type OptionKind,
  type ToWizard,
  type WizardStep,
} from '../../../../src/dataSync/webviews/protocol/dataSyncWizard';
import { byId, el, fillSelect, neverSubmit, showBusy, showError, showFieldErrors } from '../dom';
import { SchemaEditor } from '../schemaEditor';
import { applyStyles } from '../styles';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';

const send = (m: FromWizard) => post(m);
applyStyles();
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

type Field = HTMLElement & { value: string; disabled: boolean };
type Check = HTMLElement & { checked: boolean };
const field = (id: string) => byId<Field>(id);
const checked = (id: string) => byId<Check>(id).checked;

let current: WizardStep = 'group';
let group: GroupSummary | undefined;
/** Values to select once their options arrive (preset from the command's target). */
const pending = new Map<string, string>();

// ---- steps -----------------------------------------------------------------------------------------
function showStep(step: WizardStep, focus = true): void {
  current = step;
  for (const s of WIZARD_STEPS) {
    byId(`step-${s}`).hidden = s !== step;
    const tab = byId(`tab-${s}`);
    if (s === step) tab.setAttribute('aria-current', 'step');
    else tab.removeAttribute('aria-current');
    tab.setAttribute('aria-disabled', String(s !== 'group' && !group));
  }
  // Moving to another step puts the keyboard focus on its heading, so the next Tab starts there.
  const heading = byId(`step-${step}`).querySelector<HTMLElement>('h2');
  heading?.setAttribute('tabindex', '-1');
  if (focus) heading?.focus();
  send({ type: 'stepShown', step });
}

const tabs = [...document.querySelectorAll<HTMLButtonElement>('button.step')];
for (const [i, tab] of tabs.entries()) {
  tab.addEventListener('click', () => {
    if (tab.dataset.step === 'group' || group) showStep(tab.dataset.step as WizardStep);
  });
  tab.addEventListener('keydown', (e) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    tabs[(next + tabs.length) % tabs.length].focus();
  });
}

// ---- option loading ----------------------------------------------------------------------------------
const optionTargets: Record<OptionKind, string> = {
  servers: 'server',
  databases: 'hub',
  syncDatabases: 'sync-database',
  memberServers: 'member-server',
  memberDatabases: 'member-database',
  agents: 'member-agent',
  linkedDatabases: 'member-linked',
};
const placeholders: Record<OptionKind, string> = {
  servers: 'Choose a server…',
  databases: 'Choose the hub database…',
  syncDatabases: 'Choose a database…',
  memberServers: 'Choose a server…',
  memberDatabases: 'Choose a database…',
  agents: 'Choose a sync agent…',
  linkedDatabases: 'Choose a database…',
};
const lastParent = new Map<OptionKind, string>();

function load(kind: OptionKind, parent: string): void {
  const target = field(optionTargets[kind]);
  if (!parent) {
    fillSelect(target, [], placeholders[kind]);
    return;
  }
  lastParent.set(kind, parent);
  fillSelect(target, [], 'Loading…');
  send({ type: 'loadOptions', kind, parent });
}

function onOptions(kind: OptionKind, parent: string, items: Choice[]): void {
  if (lastParent.get(kind) !== parent) return; // an older answer
  const id = optionTargets[kind];
  const keep = pending.get(id) ?? field(id).value;
  pending.delete(id);
  fillSelect(field(id), items, items.length ? placeholders[kind] : '(none found)', keep);
  setTimeout(() => field(id).dispatchEvent(new Event('change')), 10);
}

field('subscription').addEventListener('change', () => load('servers', field('subscription').value));
field('server').addEventListener('change', () => {
  load('databases', field('server').value);
  load('syncDatabases', field('server').value);
});
field('member-subscription').addEventListener('change', () => load('memberServers', field('member-subscription').value));
field('member-server').addEventListener('change', () => load('memberDatabases', field('member-server').value));
field('member-agent').addEventListener('change', () => load('linkedDatabases', field('member-agent').value));
field('member-kind').addEventListener('change', () => {
  const azure = field('member-kind').value !== 'onPremises';
  byId('member-azure').hidden = !azure;
  byId('member-onprem').hidden = azure;
  if (!azure && group) load('agents', group.id.replace(/\/databases\/.*$/i, ''));
});
byId<Check>('manual').addEventListener('change', () => {
  field('interval').disabled = checked('manual');
});
const retentionShown = () => {
  byId('retention').closest<HTMLElement>('.field')!.hidden = !checked('conflict-logging');
};
byId('conflict-logging').addEventListener('change', retentionShown);
retentionShown();

// ---- live field checks -------------------------------------------------------------------------------
// The extension owns the rules: the page asks about one field as the user types (text) or changes it
// (a choice already showing an error), and shows or clears that field's message. Password fields say
// only whether they are filled in.
type FormName = 'group' | 'member';
const TEXT_FIELDS: Record<string, FormName> = {
  'group-name': 'group',
  interval: 'group',
  retention: 'group',
  'hub-user': 'group',
  'hub-password': 'group',
  'member-name': 'member',
  'member-user': 'member',
  'member-password': 'member',
};
const CHOICE_FIELDS: Record<string, FormName> = {
  subscription: 'group',
  server: 'group',
  hub: 'group',
  'sync-database': 'group',
  'member-subscription': 'member',
  'member-server': 'member',
  'member-database': 'member',
  'member-agent': 'member',
  'member-linked': 'member',
  'member-direction': 'member',
};
const PASSWORD_FIELDS = new Set(['hub-password', 'member-password']);
const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

function setFieldError(id: string, message: string | undefined): void {
  const box = byId(`err-${id}`);
  box.textContent = message ?? '';
  box.hidden = !message;
  const control = byId<HTMLElement & { invalid?: boolean }>(id);
  if ('invalid' in control) control.invalid = Boolean(message);
  control.setAttribute('aria-invalid', message ? 'true' : 'false');
}

function checkField(form: FormName, id: string): void {
  clearTimeout(typingTimers.get(id));
  typingTimers.delete(id);
  if (id === 'interval' && checked('manual')) return setFieldError(id, undefined);
  const raw = field(id).value;
  send({ type: 'validateField', form, field: id, value: PASSWORD_FIELDS.has(id) ? (raw ? SECRET_FILLED : '') : raw });
}

for (const [id, form] of Object.entries(TEXT_FIELDS)) {
  field(id).addEventListener('input', () => {
    clearTimeout(typingTimers.get(id));
    typingTimers.set(
      id,
      setTimeout(() => checkField(form, id), 250),
    );
  });
  field(id).addEventListener('change', () => checkField(form, id));
}
for (const [id, form] of Object.entries(CHOICE_FIELDS)) {
  // Choices also change while their options load: check only once the field shows an error.
  field(id).addEventListener('change', () => {
    if (!byId(`err-${id}`).hidden) checkField(form, id);
  });
}
byId('manual').addEventListener('change', () => {
  if (checked('manual')) setFieldError('interval', undefined);
});
byId('conflict-logging').addEventListener('change', () => {
  if (!checked('conflict-logging')) setFieldError('retention', undefined);
});

// ---- step 1: group -----------------------------------------------------------------------------------
function groupForm(): GroupForm {
  return {
    subscriptionId: field('subscription').value,
    serverId: field('server').value,
    hubDatabaseId: field('hub').value,
    name: field('group-name').value.trim(),
    syncDatabaseId: field('sync-database').value,
    interval: field('interval').value,
    manual: checked('manual'),
    conflictResolutionPolicy: field('conflict').value,
    enableConflictLogging: checked('conflict-logging'),
    conflictLoggingRetentionInDays: field('retention').value,
    usePrivateLinkConnection: checked('private-link'),
    hubDatabaseUserName: field('hub-user').value,
    hubDatabasePassword: field('hub-password').value,
  };
}
const submitGroup = () => {
  showError(byId('error-group'), undefined);
  send({ type: 'submitGroup', form: groupForm() });
};
byId('create-group').addEventListener('click', submitGroup);
neverSubmit(byId<HTMLFormElement>('group-form'), submitGroup);

function showGroup(g: GroupSummary): void {
  group = g;
  byId('group-form').hidden = true;
  byId('group-existing').hidden = false;
  byId('existing-name').textContent = g.name;
  byId('existing-hub').textContent = g.hub;
  byId('existing-state').textContent = g.syncState;
  byId('tab-group').textContent = '1. Sync group ✓';
  for (const s of WIZARD_STEPS) byId(`tab-${s}`).setAttribute('aria-disabled', 'false');
}

// ---- step 2: members ---------------------------------------------------------------------------------
function memberForm(): MemberForm {
  return {
    name: field('member-name').value.trim(),
    kind: field('member-kind').value === 'onPremises' ? 'onPremises' : 'azure',
    subscriptionId: field('member-subscription').value,
    serverId: field('member-server').value,
    databaseId: field('member-database').value,
    agentId: field('member-agent').value,
    sqlServerDatabaseId: field('member-linked').value,
    syncDirection: field('member-direction').value,
    userName: field('member-user').value,
    password: field('member-password').value,
    usePrivateLinkConnection: checked('member-private-link'),
  };
}
const submitMember = () => {
  showError(byId('error-members'), undefined);
  send({ type: 'submitMember', form: memberForm() });
};
byId('add-member').addEventListener('click', submitMember);
neverSubmit(byId<HTMLFormElement>('member-form'), submitMember);
byId('members-next').addEventListener('click', () => showStep('refresh'));

function showMembers(members: MemberSummary[]): void {
  byId('members-body').replaceChildren(
    ...members.map((m) =>
      el(
        'tr',
        {},
        [m.name, m.database, m.databaseType, m.syncDirection, m.syncState].map((v) => el('td', {}, [v])),
      ),
    ),
  );
  byId('members-empty').hidden = members.length > 0;
  byId('sync-members').replaceChildren(
    ...members.map((m) =>
      el(
        'tr',
        {},
        [m.name, m.database, m.syncState].map((v) => el('td', {}, [v])),
      ),
    ),
  );
}

// ---- steps 3–5 ---------------------------------------------------------------------------------------
byId('refresh-schema').addEventListener('click', () => {
  showError(byId('error-refresh'), undefined);
  send({ type: 'refreshHubSchema' });
});
const editor = new SchemaEditor(byId('wizard-schema'), (selection) => send({ type: 'selectionChanged', selection }));
byId('save-schema').addEventListener('click', () => {
  showError(byId('error-tables'), undefined);
  send({ type: 'saveSchema', selection: editor.selection() });
});
byId('trigger-sync').addEventListener('click', () => {
  showError(byId('error-sync'), undefined);
  send({ type: 'triggerSync' });
});

function showSyncStatus(g: GroupSummary): void {
  byId('sync-state').textContent = g.syncState;
  byId('last-sync').textContent =
    g.lastSyncTime && !g.lastSyncTime.startsWith('0001') ? new Date(g.lastSyncTime).toLocaleString() : 'never';
  byId('existing-state').textContent = g.syncState;
  byId<HTMLElement & { disabled: boolean }>('trigger-sync').disabled = g.syncState === 'Progressing';
}

// ---- messages ----------------------------------------------------------------------------------------
const busyOff = () => {
  for (const s of WIZARD_STEPS) showBusy(byId(`status-${s}`), undefined);
};

onMessage<ToWizard>((m) => {
  switch (m.type) {
    case 'init': {
      const subs = m.subscriptions;
      if (m.preset?.serverId) pending.set('server', m.preset.serverId);
      if (m.preset?.hubDatabaseId) pending.set('hub', m.preset.hubDatabaseId);
      fillSelect(field('subscription'), subs, 'Choose a subscription…', m.preset?.subscriptionId);
      fillSelect(field('member-subscription'), subs, 'Choose a subscription…', m.preset?.subscriptionId);
      if (m.preset?.subscriptionId) {
        load('servers', m.preset.subscriptionId);
        load('memberServers', m.preset.subscriptionId);
      }
      if (m.group) showGroup(m.group);
      showMembers(m.members);
      showStep(m.step, false);
      break;
    }
    case 'options':
      onOptions(m.kind, m.parent, m.items);
      break;
    case 'fieldErrors':
      busyOff();
      showFieldErrors(byId(m.form === 'group' ? 'group-form' : 'member-form'), m.errors);
      break;
    case 'fieldError':
      setFieldError(m.field, m.message);
      break;
    case 'busy':
      busyOff();
      showBusy(byId(`status-${m.step}`), m.text);
      break;
    case 'error':
      busyOff();
      showError(byId(`error-${m.step}`), m.error);
      // The error box sits under a long form: bring it into view where the user is.
      if (m.step === current) byId(`error-${m.step}`).scrollIntoView({ block: 'nearest' });
      break;
    case 'groupCreated':
      busyOff();
      showGroup(m.group);
      break;
    case 'members':
      busyOff();
      showMembers(m.members);
      if (m.added) {
        field('member-name').value = '';
        field('member-password').value = '';
      }
      break;
    case 'schemaRefreshed':
      busyOff();
      byId('refresh-done').textContent = m.text;
      byId('refresh-done').hidden = false;
      break;
    case 'schema':
      busyOff();
      editor.show(m.view);
      break;
    case 'summary':
      busyOff();
      editor.showSummary(m.summary);
      break;
    case 'schemaSaved':
      busyOff();
      byId('schema-saved').textContent = m.text;
      byId('schema-saved').hidden = false;
      break;
    case 'syncStatus':
      if (current === 'sync') busyOff();
      showSyncStatus(m.group);
      showMembers(m.members);
      break;
    case 'syncNotice':
      byId('sync-notice').textContent = m.text;
      byId('sync-notice').hidden = false;
      break;
    case 'goto':
      showStep(m.step);
      break;
  }
});

send({ type: 'ready' });
