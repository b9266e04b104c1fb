// The Estate Health view's tree: while a scan runs, a progress line; then errors and warnings (problems
// first, each with the action that fixes or explains it) and a line for what is healthy. Every string
// from Azure is a label, description or plain-text tooltip: never Markdown, never a link.
import * as vscode from 'vscode';
import { linesTooltip } from '../ui/tree/treeItems';
import type { EstateHealth, EstateSnapshot } from './workflows/estateHealth';
import type { Problem } from './workflows/healthRules';

const SERVICE: Record<Problem['service'], string> = { dataSync: 'Data Sync', fabric: 'Fabric', backup: 'Backup' };

export type EstateNode =
  | { kind: 'status'; text: string; detail?: string; icon: string }
  | { kind: 'group'; severity: Problem['severity']; problems: readonly Problem[] }
  | { kind: 'problem'; problem: Problem };

export class EstateHealthTree implements vscode.TreeDataProvider<EstateNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EstateNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly health: EstateHealth) {
    // Facts stream in by the hundred: redraw at most every 200 ms while a scan runs.
    this.subscription = health.onDidChange(() => {
      if (this.pending) return;
      this.pending = setTimeout(() => {
        this.pending = undefined;
        this.changed.fire(undefined);
      }, 200);
    });
  }

  getTreeItem(node: EstateNode): vscode.TreeItem {
    switch (node.kind) {
      case 'status': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = `estate:status:${node.icon}`;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.description = node.detail;
        item.contextValue = 'estateStatus';
        return item;
      }
      case 'group': {
        const word = node.severity === 'error' ? 'Errors' : 'Warnings';
        const item = new vscode.TreeItem(`${word} (${node.problems.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `estate:group:${node.severity}`;
        item.iconPath = new vscode.ThemeIcon(
          node.severity,
          new vscode.ThemeColor(node.severity === 'error' ? 'errorForeground' : 'editorWarning.foreground'),
        );
        item.contextValue = 'estateGroup';
        return item;
      }
      case 'problem': {
        const p = node.problem;
        // The sidebar is narrow: the name and what is wrong come first; where it is goes in the tooltip.
        const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.None);
        item.id = `estate:problem:${p.key.toLowerCase()}`;
        item.description = p.summary;
        item.iconPath = new vscode.ThemeIcon(p.service === 'dataSync' ? 'sync' : p.service === 'fabric' ? 'mirror' : 'archive');
        item.tooltip = linesTooltip([
          `${p.severity === 'error' ? 'Error' : 'Warning'} · ${SERVICE[p.service]}`,
          p.resource,
          p.summary,
          p.detail,
          p.action && `Action: ${p.action.title}`,
        ]);
        item.contextValue = p.action ? 'estateProblem:action' : 'estateProblem';
        item.accessibilityInformation = { label: `${p.severity}: ${p.resource}: ${p.summary}` };
        if (p.action) item.command = { command: 'sqlDataMovement.estate.runAction', title: p.action.title, arguments: [node] };
        return item;
      }
    }
  }

  getChildren(node?: EstateNode): EstateNode[] {
    if (node?.kind === 'group') return node.problems.map((problem) => ({ kind: 'problem', problem }));
    if (node) return [];
    return rootNodes(this.health.snapshot());
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function rootNodes(s: EstateSnapshot): EstateNode[] {
  const out: EstateNode[] = [];
  const total = s.counts.dataSync + s.counts.fabric + s.counts.backup;
  if (s.scanning) out.push({ kind: 'status', icon: 'loading~spin', text: `Scanning… ${total} resources read` });
  else if (!s.lastScan) return [];
  else if (s.lastScan.error) out.push({ kind: 'status', icon: 'error', text: 'The scan failed', detail: s.lastScan.error });
  else if (s.lastScan.cancelled)
    out.push({ kind: 'status', icon: 'circle-slash', text: 'The scan was cancelled', detail: `${total} resources read` });
  const errors = s.problems.filter((p) => p.severity === 'error');
  const warnings = s.problems.filter((p) => p.severity === 'warning');
  if (errors.length) out.push({ kind: 'group', severity: 'error', problems: errors });
  if (warnings.length) out.push({ kind: 'group', severity: 'warning', problems: warnings });
  if (!s.scanning && s.lastScan && !s.lastScan.error) {
    const detail = `${s.counts.dataSync} Data Sync, ${s.counts.fabric} Fabric, ${s.counts.backup} Backup resources · ${new Date(s.lastScan.endedAt).toLocaleTimeString()}`;
    out.push({ kind: 'status', icon: 'pass', text: s.problems.length ? 'Everything else is healthy' : 'No problems found', detail });
  }
  return out;
}
