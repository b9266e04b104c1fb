// Front end of the schema picker panel: the shared schema editor plus "Refresh hub schema" and "Save".
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import type { FromSchemaPicker, ToSchemaPicker } from '../../../../src/dataSync/webviews/protocol/dataSyncSchemaPicker';
import type { PanelNotice } from '../../../../src/ui/webview/panelProtocol';
import { byId, showBusy, showError } from '../dom';
import { SchemaEditor } from '../schemaEditor';
import { applyStyles } from '../styles';
import { onMessage, post, reportCspViolations } from '../../shared/vscodeApi';

const send = (m: FromSchemaPicker) => post(m);
applyStyles();
reportCspViolations((directive, blocked) => send({ type: 'cspViolation', directive, blocked }));

const editor = new SchemaEditor(byId('schema-editor'), (selection) => send({ type: 'selectionChanged', selection }));
const status = byId('status-picker');
const errorBox = byId('error-picker');
const saved = byId('saved');
const save = byId<HTMLElement & { disabled: boolean }>('save');
const refresh = byId<HTMLElement & { disabled: boolean }>('refresh-hub');
const refreshMembers = byId<HTMLElement & { disabled: boolean }>('refresh-members');

function setBusy(text: string | undefined): void {
  showBusy(status, text);
  save.disabled = Boolean(text);
  refresh.disabled = Boolean(text);
  refreshMembers.disabled = Boolean(text);
}

save.addEventListener('click', () => {
  saved.hidden = true;
  showError(errorBox, undefined);
  send({ type: 'save', selection: editor.selection() });
});
refresh.addEventListener('click', () => {
  saved.hidden = true;
  showError(errorBox, undefined);
  send({ type: 'refreshHubSchema' });
});
refreshMembers.addEventListener('click', () => {
  saved.hidden = true;
  showError(errorBox, undefined);
  send({ type: 'refreshMemberSchemas' });
});

onMessage<ToSchemaPicker | PanelNotice>((m) => {
  switch (m.type) {
    case 'loading':
      showError(errorBox, undefined);
      setBusy(m.text);
      break;
    case 'schema':
      setBusy(undefined);
      byId('last-update').textContent = m.view.lastUpdateTime
        ? `Hub schema read ${new Date(m.view.lastUpdateTime).toLocaleString()}`
        : 'The hub schema has not been refreshed yet.';
      editor.show(m.view);
      break;
    case 'summary':
      setBusy(undefined);
      editor.showSummary(m.summary);
      break;
    case 'saved':
      setBusy(undefined);
      saved.textContent = m.text;
      saved.hidden = false;
      break;
    case 'error':
      setBusy(undefined);
      showError(errorBox, m.error);
      break;
    case 'panelError':
      setBusy(undefined);
      break;
  }
});

send({ type: 'ready' });
