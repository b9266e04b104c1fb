// Read-only documents showing an operation's details (sqldm-operation:/<title>.txt?id=<id>), so the
// text can be searched, selected and copied like any editor content, and updates while it runs.
import * as vscode from 'vscode';
import { detailsText } from './operationRecord';
import type { OperationTracker } from './operationTracker';

export const OPERATION_SCHEME = 'sqldm-operation';

export class OperationDetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>();
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly tracker: OperationTracker) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(OPERATION_SCHEME, this),
      tracker.onDidChange((r) => {
        const uri = r && this.open.get(r.id);
        if (uri) this.changed.fire(uri);
      }),
    ];
  }

  uriFor(id: string, title: string): vscode.Uri {
    const safe = title.replace(/[^\w .-]+/g, '_').slice(0, 80) || 'operation';
    const uri = vscode.Uri.from({ scheme: OPERATION_SCHEME, path: `/${safe}.txt`, query: `id=${encodeURIComponent(id)}` });
    this.open.set(id, uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = new URLSearchParams(uri.query).get('id') ?? '';
    const { running, history } = this.tracker.list();
    const record = [...running, ...history].find((r) => r.id === id);
    return record ? detailsText(record) : 'This operation is no longer in the history (it was cleared).';
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
