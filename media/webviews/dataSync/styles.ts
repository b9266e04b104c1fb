// Page styles for the Data Sync webviews, adopted as a constructed stylesheet (allowed under the strict
// CSP, unlike inline style attributes). Colours come from the theme's --vscode-* variables only.
const css = `
.field { display: flex; flex-direction: column; gap: 4px; margin: 10px 0; max-width: 520px; }
.field-error, .error-text { color: var(--vscode-errorForeground); }
.hint { font-size: 0.9em; }
.ok { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.status { display: flex; align-items: center; gap: 8px; margin: 10px 0; }
.error-box { border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); background: var(--vscode-inputValidation-errorBackground, transparent); padding: 8px 12px; margin: 10px 0; border-radius: 3px; }
.error-box .code { font-family: var(--vscode-editor-font-family); }
.error-box pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); }
nav.steps { display: flex; gap: 4px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); margin: 12px 0; flex-wrap: wrap; }
button.step { background: none; color: var(--vscode-foreground); border: none; border-bottom: 2px solid transparent; padding: 6px 10px; font: inherit; cursor: pointer; }
button.step[aria-current="step"] { border-bottom-color: var(--vscode-focusBorder); font-weight: 600; }
button.step:focus-visible, button.linkish:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
button.step .done { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
table.grid { border-collapse: collapse; width: 100%; margin: 8px 0; }
table.grid th, table.grid td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); vertical-align: top; overflow-wrap: anywhere; }
table.grid th { font-weight: 600; color: var(--vscode-descriptionForeground); }
tr.detail td { background: var(--vscode-editorWidget-background, transparent); white-space: pre-wrap; }
tr.detail td > div { max-height: 16em; overflow-y: auto; }
.type-Error { color: var(--vscode-errorForeground); }
.type-Warning { color: var(--vscode-editorWarning-foreground); }
button.linkish { background: none; border: none; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; padding: 0; text-align: left; }
.schema-toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.schema-members { margin: 6px 0; }
.schema-table { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 3px; margin: 4px 0; padding: 4px 8px; }
.schema-table.disabled { opacity: 0.75; }
.table-head, .column-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.columns { margin: 4px 0 4px 28px; }
.reason { color: var(--vscode-descriptionForeground); font-style: italic; }
.drift { color: var(--vscode-editorWarning-foreground); font-size: 0.9em; }
.summary ul { margin: 4px 0; }
.summary .added { color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-foreground)); }
.summary .removed { color: var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-foreground)); }
.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 16px; margin: 10px 0; }
.filter { display: flex; flex-direction: column; gap: 4px; }
.filter-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.type { font-family: var(--vscode-editor-font-family); color: var(--vscode-descriptionForeground); }
`;

export function applyStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
