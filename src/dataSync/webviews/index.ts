// Registers the Data Sync webviews (setup wizard, schema picker, sync logs) and their commands. One
// panel per sync group and kind: running a command again reveals the open one.
import * as vscode from 'vscode';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { syncGroupPath } from '../../azure/sql/sqlPaths';
import { WIZARD_STEPS, type WizardStep } from './protocol/dataSyncWizard';
import { SchemaPickerPanel } from './schemaPickerPanel';
import { SetupWizardPanel, type WizardTarget } from './setupWizardPanel';
import { SyncLogsPanel } from './syncLogsPanel';
import { resourceIdOf } from '../../ui/targetResourceId';
import type { PanelLog } from '../../ui/webview/webviewPanel';
import type { DataSyncPanelHost } from './dataSyncPanelHost';
import type { OnDidEndOperation } from './groupGoneWatch';
import { syncGroupIdOf, targetKindOf } from './targetArgs';

/** Handles the integration tests use to observe the Data Sync panels (open ones, keyed by group id or "new:N"). */
export interface DataSyncWebviews {
  wizards: Map<string, SetupWizardPanel>;
  schemaPickers: Map<string, SchemaPickerPanel>;
  syncLogs: Map<string, SyncLogsPanel>;
}

const keyOf = (id: string): string => id.toLowerCase();

async function pickGroupId(arg: unknown): Promise<string | undefined> {
  const given = resourceIdOf(arg);
  const id = given ?? (await vscode.commands.executeCommand<string | undefined>('sqlDataMovement.dataSync.pickSyncGroup'));
  return id ? syncGroupIdOf(id) : undefined;
}

function openPanel<P extends { reveal(): void }>(map: Map<string, P>, groupId: string, create: (onDispose: () => void) => P): P {
  const k = keyOf(groupId);
  const open = map.get(k);
  if (open) {
    open.reveal();
    return open;
  }
  const panel = create(() => {
    if (map.get(k) === panel) map.delete(k);
  });
  map.set(k, panel);
  return panel;
}

function wizardTargetOf(arg: unknown, stepArg: unknown): WizardTarget {
  const step = typeof stepArg === 'string' && (WIZARD_STEPS as readonly string[]).includes(stepArg) ? (stepArg as WizardStep) : undefined;
  const id = resourceIdOf(arg);
  if (!id) return { kind: 'none', step };
  const kind = targetKindOf(id);
  if (!kind) throw new Error(`"${id}" is not a SQL server, database or sync group.`);
  return { kind, id: kind === 'syncGroup' ? syncGroupIdOf(id) : id, step };
}

export function registerDataSyncWebviews(
  context: vscode.ExtensionContext,
  dataSync: DataSyncContext,
  deps: { log: PanelLog; onDidEndOperation: OnDidEndOperation },
): { disposables: vscode.Disposable[]; webviews: DataSyncWebviews } {
  const webviews: DataSyncWebviews = { wizards: new Map(), schemaPickers: new Map(), syncLogs: new Map() };
  const host: DataSyncPanelHost = { extensionUri: context.extensionUri, ...deps };
  let newWizards = 0;

  const openWizard = (arg?: unknown, stepArg?: unknown): SetupWizardPanel => {
    const target = wizardTargetOf(arg, stepArg);
    if (target.kind === 'syncGroup' && target.id) {
      const groupId = syncGroupPath(syncGroupRefFromId(target.id));
      const existing = webviews.wizards.get(keyOf(groupId));
      if (existing && target.step) existing.goto(target.step);
      return openPanel(webviews.wizards, groupId, (onDispose) => new SetupWizardPanel(host, dataSync, target, onDispose));
    }
    // A wizard for a new group: its key is provisional until the group exists, then it is the group's id.
    let key = `new:${++newWizards}`;
    const panel = openPanel(
      webviews.wizards,
      key,
      (onDispose) =>
        new SetupWizardPanel(host, dataSync, target, () => {
          onDispose();
          if (webviews.wizards.get(key) === panel) webviews.wizards.delete(key);
        }),
    );
    panel.onGroupCreated = (groupId) => {
      webviews.wizards.delete(key);
      key = keyOf(groupId);
      webviews.wizards.set(key, panel);
    };
    return panel;
  };

  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('sqlDataMovement.dataSync.openSetupWizard', (arg?: unknown, step?: unknown) => openWizard(arg, step)),
    vscode.commands.registerCommand('sqlDataMovement.dataSync.chooseSchema', async (arg?: unknown) => {
      const id = await pickGroupId(arg);
      if (!id) return undefined;
      const ref = syncGroupRefFromId(id);
      return openPanel(webviews.schemaPickers, syncGroupPath(ref), (onDispose) => new SchemaPickerPanel(host, dataSync, ref, onDispose));
    }),
    vscode.commands.registerCommand('sqlDataMovement.dataSync.viewLogs', async (arg?: unknown) => {
      const id = await pickGroupId(arg);
      if (!id) return undefined;
      const ref = syncGroupRefFromId(id);
      return openPanel(webviews.syncLogs, syncGroupPath(ref), (onDispose) => new SyncLogsPanel(host, dataSync, ref, onDispose));
    }),
    {
      dispose: () => {
        for (const map of [webviews.wizards, webviews.schemaPickers, webviews.syncLogs] as Map<string, vscode.Disposable>[])
          for (const p of [...map.values()]) p.dispose();
      },
    },
  ];
  return { disposables, webviews };
}
