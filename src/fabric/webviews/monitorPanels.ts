// One replication monitor per mirrored database: opening it again reveals the open one.
import * as vscode from 'vscode';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import { MonitorPanel } from './monitorPanel';
import type { PanelHost } from '../../ui/webview/webviewPanel';

export class MonitorPanels implements vscode.Disposable {
  private readonly open = new Map<string, MonitorPanel>();

  constructor(
    private readonly host: PanelHost,
    private readonly ctx: FabricContext,
  ) {}

  show(target: FabricItemTarget): MonitorPanel {
    const key = target.itemId.toLowerCase();
    const existing = this.open.get(key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      return existing;
    }
    const panel = new MonitorPanel(this.host, this.ctx, target, () => this.open.delete(key));
    this.open.set(key, panel);
    return panel;
  }

  get panels(): MonitorPanel[] {
    return [...this.open.values()];
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}
