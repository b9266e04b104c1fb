// Styles of the Backup jobs page, adopted as a constructed stylesheet (allowed under the strict CSP).
// The jobs table fills the page (wider than the default form width) and wraps long values inside its
// cells — words where it can, an error code anywhere — so the Error column and the Details buttons stay
// on screen; buttons take the theme's colours.
const css = `
body { max-width: 1280px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 4px 8px; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
td { overflow-wrap: break-word; }
#jobs td:nth-child(6) { overflow-wrap: anywhere; }
#jobs td:last-child { white-space: nowrap; }
#jobs td:last-child button + button { margin-left: 6px; }
button { font: inherit; background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; border-radius: 2px; padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:disabled { opacity: 0.5; cursor: default; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;

export function applyJobsStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
