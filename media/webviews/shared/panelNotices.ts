// Renders what the base panel tells any page (src/ui/webview/panelProtocol.ts), so each page gets it
// without code of its own: an unexpected failure of a request, shown at the top with its code, message
// and request ids, and every "working…" indicator stopped so nothing waits for an answer that will not come.
import { PANEL_NOTICE_TYPES, type PanelErrorInfo, type PanelNotice } from '../../../src/ui/webview/panelProtocol';

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

export function showPanelNotice(notice: PanelNotice): void {
  switch (notice.type) {
    case 'panelError':
      showPanelError(notice.error);
      break;
  }
}
