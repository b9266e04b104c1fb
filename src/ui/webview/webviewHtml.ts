// Builds every webview's HTML the same way: a strict Content-Security-Policy (nothing but our own
// nonce'd bundle runs; no inline script, no eval, no remote anything), the theme's fonts, and a body
// whose dynamic strings are escaped. Data from Azure is sent later by postMessage and rendered with
// textContent, never as HTML.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c]);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export interface WebviewPage {
  /** Base name of the bundle in dist/webviews (built from media/webviews/NAME.ts). */
  script: string;
  title: string;
  /** Static markup; callers escape anything dynamic with escapeHtml. */
  body: string;
}

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = createNonce();
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webviews', `${page.script}.js`));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; max-width: 960px; }
  h1 { font-weight: 600; font-size: 1.6em; margin: 18px 0 6px; }
  h2 { font-weight: 600; font-size: 1.15em; margin: 22px 0 8px; }
  .muted { color: var(--vscode-descriptionForeground); }
  .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 10px 0; }
  .card { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 4px; padding: 12px 16px; margin: 10px 0; }
  .warning { color: var(--vscode-editorWarning-foreground); }
  code { font-family: var(--vscode-editor-font-family); }
  /* Native form controls look like VS Code's inputs in every theme (unstyled they have no visible box). */
  input:not([type=checkbox]):not([type=radio]), select, textarea { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-widget-border, rgba(128, 128, 128, 0.5))); border-radius: 2px; padding: 3px 6px; }
  input:focus, select:focus, textarea:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
  [hidden] { display: none !important; }
  /* Text from the service can be one 10,000-character word: it wraps instead of widening the page. */
  h1, p, td, li, label, .card { overflow-wrap: anywhere; }
</style>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
