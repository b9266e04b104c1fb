// A save of mirroring.json replaces the definition in Fabric (and may restart work there), so it happens
// only when the user asks for it. With `files.autoSave` on, VS Code would save on every pause in typing
// or when focus moves: such a save is refused, the editor stays dirty (VS Code then stops auto-saving it
// until an explicit save) and the status bar says that Ctrl+S sends it. VS Code tells extensions why a
// document is saved only in onWillSaveTextDocument, just before it calls the file system's writeFile,
// so the reason is noted there and taken when the write arrives.
import * as vscode from 'vscode';

export const AUTO_SAVE_REFUSAL = 'Not sent to Fabric: auto save does not update a mirroring definition. Save with Ctrl+S to send it.';
export const EXPLICIT_SAVE_NOTE = '$(cloud-upload) Mirroring definition not in Fabric yet: Ctrl+S saves it';

export class ExplicitSaveGate implements vscode.Disposable {
  private readonly reasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly note: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];
  private shown = false;

  constructor(private readonly isDefinition: (uri: vscode.Uri) => boolean) {
    this.note = vscode.window.createStatusBarItem('sqlDataMovement.fabric.explicitSave', vscode.StatusBarAlignment.Left, 48);
    this.note.name = 'Fabric mirroring definition';
    this.note.text = EXPLICIT_SAVE_NOTE;
    this.note.tooltip =
      'Auto save never sends a mirroring definition to Fabric: saving replaces the definition on the service. ' +
      'Save explicitly (File > Save, Ctrl+S) when your edit is complete.';
    this.note.command = 'workbench.action.files.save';
    this.subscriptions = [
      vscode.workspace.onWillSaveTextDocument((e) => {
        if (this.isDefinition(e.document.uri)) this.reasons.set(e.document.uri.toString(), e.reason);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isDefinition(e.document.uri)) this.update();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.autoSave')) this.update();
      }),
    ];
    this.update();
  }

  /** Whether the write of `uri` now arriving comes from an auto save; forgets the reason either way. */
  takeAutomatic(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const reason = this.reasons.get(key);
    this.reasons.delete(key);
    return reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual;
  }

  /** Whether the status bar shows the note (the active editor holds a definition with unsent edits). */
  get noteShown(): boolean {
    return this.shown;
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const show = !!doc && doc.isDirty && this.isDefinition(doc.uri) && autoSaveOn(doc.uri);
    if (show === this.shown) return;
    this.shown = show;
    if (show) this.note.show();
    else this.note.hide();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.note.dispose();
  }
}

/** The note matters only when VS Code saves by itself; with auto save off the dirty editor says it all. */
function autoSaveOn(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('files', uri).get<string>('autoSave', 'off') !== 'off';
}
