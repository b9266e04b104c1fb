// Renders what the base panel tells any page (src/ui/webview/panelProtocol.ts), so each page gets it
// without code of its own: an unexpected failure of a request, shown at the top with its code, message
// and request ids, and every "working…" indicator stopped so nothing waits for an answer that will not
// come; and a deleted resource: a banner with Close, every input read-only or disabled, and what the
// user typed left on screen to copy.
import { PANEL_NOTICE_TYPES, type PanelErrorInfo, type PanelNotice, type PanelRequest } from '../../../src/ui/webview/panelProtocol';

export function isPanelNotice(message: unknown): message is PanelNotice {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && PANEL_NOTICE_TYPES.has(type);
}

function box(id: string, className: string): HTMLElement {
  let node = document.getElementById(id);
  if (!node) {
    node = document.createElement('div');
    node.id = id;
    node.className = className;
    node.setAttribute('role', 'alert');
    document.body.prepend(node);
  }
  return node;
}

function line(tag: string, text: string, className = ''): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showPanelError(error: PanelErrorInfo): void {
  const node = box('panel-error', 'error-box panel-error');
  node.hidden = false;
  const ids = [
    error.status ? `HTTP ${error.status}` : '',
    error.requestId ? `Request id: ${error.requestId}` : '',
    error.correlationId ? `Correlation id: ${error.correlationId}` : '',
  ].filter(Boolean);
  const details = document.createElement('details');
  details.append(line('summary', 'Details'), line('pre', error.details));
  const dismiss = line('button', 'Dismiss', 'linkish');
  dismiss.addEventListener('click', () => {
    node.hidden = true;
  });
  node.replaceChildren(
    line('strong', `${error.step} failed: `),
    line('span', error.code, 'code'),
    line('div', error.message, 'message'),
    ...(ids.length ? [line('div', ids.join(' · '), 'ids muted')] : []),
    details,
    dismiss,
  );
  for (const status of document.querySelectorAll<HTMLElement>('.status[role="status"]')) status.hidden = true;
}

type Control = HTMLElement & { disabled?: boolean; readOnly?: boolean };
const TEXT_CONTROLS = 'input:not([type="checkbox"]):not([type="radio"]), textarea, vscode-textfield, vscode-textarea';
// Buttons that only show or hide (step tabs, "Columns", details) stay usable, so everything stays readable.
const OTHER_CONTROLS =
  'button:not(.step):not(.linkish), select, input[type="checkbox"], input[type="radio"], vscode-button, vscode-single-select, vscode-checkbox';

function showResourceGone(text: string, send: (request: PanelRequest) => void): void {
  const node = box('panel-gone', 'error-box panel-gone');
  const close = document.createElement('vscode-button');
  close.id = 'panel-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => send({ type: 'closePanel' }));
  node.replaceChildren(line('strong', text), line('div', 'What you entered stays below, read-only, so you can copy it.', 'muted'), close);
  node.hidden = false;
  // Text stays selectable (read-only), everything that would act is disabled.
  for (const c of document.querySelectorAll<Control>(TEXT_CONTROLS)) {
    c.readOnly = true;
    c.setAttribute('readonly', '');
  }
  for (const c of document.querySelectorAll<Control>(OTHER_CONTROLS)) {
    if (node.contains(c) || c.closest('details')) continue;
    c.disabled = true;
    c.setAttribute('disabled', '');
  }
  for (const status of document.querySelectorAll<HTMLElement>('.status[role="status"]')) status.hidden = true;
  close.focus();
}

export interface PageApi {
  send(request: PanelRequest): void;
  setState(state: unknown): void;
}

export function showPanelNotice(notice: PanelNotice, page: PageApi): void {
  switch (notice.type) {
    case 'panelError':
      showPanelError(notice.error);
      break;
    case 'clearPanelError': {
      const node = document.getElementById('panel-error');
      if (node) node.hidden = true;
      break;
    }
    case 'resourceGone':
      showResourceGone(notice.text, (request) => page.send(request));
      break;
    case 'keepState':
      page.setState(notice.state);
      break;
  }
}
