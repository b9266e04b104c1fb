// Read-only Markdown documents under one of the extension's schemes, holding generated text (a report, a
// plan, a checklist) by URI: showing one again with new text updates the open editor in place.
import * as vscode from 'vscode';

export class MarkdownDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(readonly scheme: string) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(scheme, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  /** Sets the text of `uri` and shows it as Markdown (`preview`: in the preview tab that the next one replaces). */
  async show(uri: vscode.Uri, text: string, options: { preview: boolean } = { preview: false }): Promise<void> {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: options.preview });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
