// One jobs panel per vault: opening it again reveals the open one.
import * as vscode from 'vscode';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { PanelHost } from '../../ui/webview/webviewPanel';
import type { BackupContext } from '../backupContext';
import { JobsPanel } from './jobsPanel';

export class JobsPanels implements vscode.Disposable {
  private readonly open = new Map<string, JobsPanel>();

  constructor(
    private readonly host: PanelHost,
    private readonly ctx: BackupContext,
  ) {}

  show(vault: VaultRef): JobsPanel {
    const key = `${vault.subscriptionId}/${vault.resourceGroup}/${vault.vault}`.toLowerCase();
    const existing = this.open.get(key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      return existing;
    }
    const panel = new JobsPanel(this.host, this.ctx, vault, () => this.open.delete(key));
    this.open.set(key, panel);
    return panel;
  }

  get panels(): JobsPanel[] {
    return [...this.open.values()];
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}
