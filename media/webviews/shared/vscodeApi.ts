// Typed access to the webview host API. acquireVsCodeApi may be called once per page.
import { isPanelNotice, showPanelNotice } from './panelNotices';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

const api = acquireVsCodeApi();

export function post<T>(message: T): void {
  api.postMessage(message);
}

/** Calls `handler` with each message from the extension, after the shared notices every page shows (panelNotices.ts). */
export function onMessage<T>(handler: (message: T) => void): void {
  window.addEventListener('message', (event: MessageEvent<T>) => {
    if (isPanelNotice(event.data)) showPanelNotice(event.data, { send: post, setState: (state) => api.setState(state) });
    handler(event.data);
  });
}

/** Reports every Content-Security-Policy violation to the extension, which logs it: a strict CSP
 *  must never break the page silently. */
export function reportCspViolations(send: (directive: string, blocked: string) => void): void {
  document.addEventListener('securitypolicyviolation', (e) => send(e.effectiveDirective, e.blockedURI || 'inline'));
}
