// The Estate Health view: one look at every sync group, mirrored database and protected SQL database the
// user can see, problems first. It scans when first shown, on Refresh, and every N minutes (setting
// `sqlDataMovement.estateHealth.refreshIntervalMinutes`) only while the view is visible; a status-bar
// item carries the last scan's count of errors and warnings. Actions that change something ask first.
import * as vscode from 'vscode';
import type { BackupContext } from '../backup/backupContext';
import type { EnvironmentController } from '../environment/environmentController';
import type { FabricContext } from '../fabric/fabricContext';
import type { ErrorReporter } from '../ui/errorReporter';
import type { UserInput } from '../ui/userInput';
import { EstateHealthTree, type EstateNode } from './estateHealthTree';
import { EstateHealth, type EstateClients } from './workflows/estateHealth';
import { healthCsv, healthMarkdown } from './workflows/healthReport';
import type { Problem } from './workflows/healthRules';

export const ESTATE_VIEW_ID = 'sqlDataMovement.estateHealth';
const SETTINGS = 'sqlDataMovement.estateHealth';
/** Actions that only open something run at once; the others change the estate and ask first. */
const READ_ONLY_ACTIONS = new Set([
  'sqlDataMovement.dataSync.viewLogs',
  'sqlDataMovement.fabric.openMonitor',
  'sqlDataMovement.backup.showJobs',
]);

export interface EstateHealthDeps {
  fabric: FabricContext;
  backup: BackupContext;
  environment: EnvironmentController;
  /** The subscriptions the user chose in the Data Sync view (undefined: all). */
  chosenSubscriptions: () => string[] | undefined;
  input: UserInput;
  errors: ErrorReporter;
}

export interface EstateHealthView extends vscode.Disposable {
  health: EstateHealth;
  tree: EstateHealthTree;
  view: vscode.TreeView<EstateNode>;
  statusBar: vscode.StatusBarItem;
}

export function estateClientsOf(deps: Pick<EstateHealthDeps, 'fabric' | 'backup'>): EstateClients {
  let fabric: EstateClients['fabric'];
  try {
    fabric = deps.fabric.clients().fabric;
  } catch {
    fabric = undefined; // a cloud without Fabric: the scan covers Data Sync and Backup
  }
  return { arm: deps.backup.clients().arm, fabric };
}

export function createEstateHealthView(deps: EstateHealthDeps): EstateHealthView {
  const setting = <T>(name: string, fallback: T): T => vscode.workspace.getConfiguration(SETTINGS).get<T>(name, fallback);
  const health = new EstateHealth(() => estateClientsOf(deps), {
    subscriptionIds: deps.chosenSubscriptions,
    staleAfterMs: () => setting('staleTableMinutes', 30) * 60_000,
  });
  const tree = new EstateHealthTree(health);
  const view = vscode.window.createTreeView(ESTATE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = vscode.window.createStatusBarItem('sqlDataMovement.estateHealth', vscode.StatusBarAlignment.Left, 40);
  statusBar.name = 'Estate Health';
  statusBar.command = { command: `${ESTATE_VIEW_ID}.focus`, title: 'Show Estate Health' };
  let timer: NodeJS.Timeout | undefined;

  const intervalMs = () => Math.max(0, setting('refreshIntervalMinutes', 15)) * 60_000;
  const signedIn = () => deps.environment.snapshot().signedIn;
  const scan = async () => {
    if (!signedIn()) return;
    await health.scan();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const every = intervalMs();
    if (!view.visible || !every || !signedIn()) return;
    const last = health.snapshot().lastScan?.endedAt ?? 0;
    timer = setTimeout(() => void scan().finally(schedule), Math.max(0, last + every - Date.now()));
  };
  const updateStatusBar = () => {
    const s = health.snapshot();
    if (!signedIn() || (!s.lastScan && !s.scanning)) return statusBar.hide();
    const errors = s.problems.filter((p) => p.severity === 'error').length;
    const warnings = s.problems.length - errors;
    statusBar.text = s.scanning
      ? '$(loading~spin) Estate'
      : errors || warnings
        ? `$(error) ${errors} $(warning) ${warnings}`
        : '$(pass) Estate healthy';
    statusBar.tooltip = s.scanning
      ? 'Scanning sync groups, mirrored databases and backups…'
      : `Estate health: ${errors} errors, ${warnings} warnings. Click to see them.`;
    statusBar.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    statusBar.show();
  };

  const runAction = async (p: Problem) => {
    if (!p.action) return undefined;
    if (!READ_ONLY_ACTIONS.has(p.action.command)) {
      const ok = await deps.input.confirm(`${p.action.title}: ${p.resource}?`, `${p.summary}`, p.action.title);
      if (!ok) return undefined;
    }
    return vscode.commands.executeCommand(p.action.command, ...p.action.args);
  };

  const exportAs = async (language: 'markdown' | 'csv') => {
    const s = health.snapshot();
    if (!s.lastScan) throw new Error('Nothing to export yet: the estate has not been scanned. Run Refresh Estate Health first.');
    const content =
      language === 'markdown'
        ? healthMarkdown(s.problems, {
            scannedAt: new Date(s.lastScan.endedAt).toISOString(),
            environment: deps.environment.snapshot().label,
            counts: s.counts,
          })
        : healthCsv(s.problems);
    const doc = await vscode.workspace.openTextDocument({ language, content });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  };

  const disposables: vscode.Disposable[] = [
    tree,
    view,
    statusBar,
    health.onDidChange(updateStatusBar),
    view.onDidChangeVisibility(() => {
      const s = health.snapshot();
      const due = !s.lastScan || (intervalMs() > 0 && Date.now() - s.lastScan.endedAt >= intervalMs());
      if (view.visible && !s.scanning && due) void scan().finally(schedule);
      else schedule();
    }),
    deps.environment.onDidChange(() => {
      health.cancel();
      if (view.visible) void scan().finally(schedule);
      else updateStatusBar();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS)) schedule();
    }),
    vscode.commands.registerCommand(
      'sqlDataMovement.estate.refresh',
      deps.errors.guard('Refresh estate health', async () => {
        if (!signedIn()) throw new Error('Sign in (or start the local emulator) to scan the estate.');
        const s = await health.scan();
        schedule();
        return s;
      }),
    ),
    vscode.commands.registerCommand('sqlDataMovement.estate.cancelScan', () => health.cancel()),
    vscode.commands.registerCommand(
      'sqlDataMovement.estate.runAction',
      deps.errors.guard('Run the suggested action', (node?: EstateNode) =>
        node?.kind === 'problem' ? runAction(node.problem) : Promise.resolve(undefined),
      ),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.estate.exportMarkdown',
      deps.errors.guard('Export estate health', () => exportAs('markdown')),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.estate.exportCsv',
      deps.errors.guard('Export estate health', () => exportAs('csv')),
    ),
  ];
  if (view.visible) void scan().finally(schedule);

  return {
    health,
    tree,
    view,
    statusBar,
    dispose: () => {
      if (timer) clearTimeout(timer);
      health.cancel();
      for (const d of disposables) d.dispose();
    },
  };
}
