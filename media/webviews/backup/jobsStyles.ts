// Styles of the Backup jobs page, adopted as a constructed stylesheet (allowed under the strict CSP).
// The jobs table fills the page (wider than the default form width) and wraps long values anywhere
// inside their cells (a service string can be one 10,000-character word), while the short columns keep a
// minimum width so a status never breaks mid-word; the Details buttons stay on screen in the theme's colours.
const css = `
body { max-width: 1280px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 4px 8px; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
td { overflow-wrap: anywhere; }
#jobs td:nth-child(1), #jobs td:nth-child(2) { min-width: 7em; }
#jobs td:nth-child(4) { min-width: 9em; }
#jobs td:nth-child(5) { min-width: 4em; }
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
