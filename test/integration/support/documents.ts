// Editing an extension's JSON documents (policy, mirroring definition) as a user does: open through a
// command, replace the text (the document becomes dirty), edit the parsed JSON, revert.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Runs a command that opens a document and returns that document. */
export async function openedBy(command: string, arg: unknown): Promise<vscode.TextDocument> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, arg);
  assert.ok(uri, 'the command opened a document');
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(doc, 'the document is open');
  return doc;
}

export async function replaceText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(doc.isDirty);
}

/** The document's JSON after `change`, as the editor would show it. */
export function editedJson<T>(doc: vscode.TextDocument, change: (d: T) => void): string {
  const d = JSON.parse(doc.getText()) as T;
  change(d);
  return JSON.stringify(d, null, 2);
}

export async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false);
}

/** Turns auto save off (the tests decide when a save happens); resolves the function that restores it. */
export async function autoSaveOff(): Promise<() => Promise<void>> {
  const files = () => vscode.workspace.getConfiguration('files');
  const before = files().inspect<string>('autoSave')?.globalValue;
  await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return async () => {
    await files().update('autoSave', before, vscode.ConfigurationTarget.Global);
  };
}
