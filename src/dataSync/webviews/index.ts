// Registers the Data Sync webviews (setup wizard, schema picker, sync logs), their commands and their
// serializers (tabs reopen after a window reload). One panel per sync group and kind: running a command
// again reveals the open one.
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
import { schemaPickerStateOf, setupWizardStateOf, syncLogsStateOf } from './panelStates';
import { syncGroupIdOf, targetKindOf } from './targetArgs';

/** Handles the integration tests use to observe the Data Sync panels (open ones, keyed by group id or "new:N"). */
export interface DataSyncWebviews {
  wizards: Map<string, SetupWizardPanel>;
  schemaPickers: Map<string, SchemaPickerPanel>;
  syncLogs: Map<string, SyncLogsPanel>;
  /** What the webview serializers do after a window reload: reopens a tab of `viewType` from its kept state. */
  restore: (viewType: string, panel: vscode.WebviewPanel, state: unknown) => vscode.Disposable | undefined;
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
  deps: { log: PanelLog; onDidEndOperation: OnDidEndOperation; onDidChangeConnection: (listener: () => void) => vscode.Disposable },
): { disposables: vscode.Disposable[]; webviews: DataSyncWebviews } {
  const webviews: DataSyncWebviews = { wizards: new Map(), schemaPickers: new Map(), syncLogs: new Map(), restore: () => undefined };
  const host: DataSyncPanelHost = { extensionUri: context.extensionUri, ...deps };
  let newWizards = 0;

  const openWizard = (target: WizardTarget, restored?: vscode.WebviewPanel): SetupWizardPanel => {
    if (target.kind === 'syncGroup' && target.id) {
      const groupId = syncGroupPath(syncGroupRefFromId(target.id));
      const existing = webviews.wizards.get(keyOf(groupId));
      if (existing && restored) restored.dispose(); // already reopened by a command: keep that one
      if (existing && target.step) existing.goto(target.step);
      return openPanel(webviews.wizards, groupId, (onDispose) => new SetupWizardPanel(host, dataSync, target, onDispose, restored));
    }
    // A wizard for a new group: its key is provisional until the group exists, then it is the group's id.
    let key = `new:${++newWizards}`;
    const panel = openPanel(
      webviews.wizards,
      key,
      (onDispose) =>
        new SetupWizardPanel(
          host,
          dataSync,
          target,
          () => {
            onDispose();
            if (webviews.wizards.get(key) === panel) webviews.wizards.delete(key);
          },
          restored,
        ),
    );
    panel.onGroupCreated = (groupId) => {
      webviews.wizards.delete(key);
      key = keyOf(groupId);
      webviews.wizards.set(key, panel);
    };
    return panel;
  };

  /** Reopens a tab VS Code brought back after a window reload, from the state its page kept. */
  const restore = (viewType: string, panel: vscode.WebviewPanel, state: unknown): vscode.Disposable | undefined => {
    const adopt = <P extends vscode.Disposable & { reveal(): void }>(
      map: Map<string, P>,
      groupId: string,
      create: (onDispose: () => void) => P,
    ) => {
      const open = map.get(keyOf(groupId));
      if (open) panel.dispose(); // already reopened by a command: keep that one
      return open ?? openPanel(map, groupId, create);
    };
    if (viewType === SyncLogsPanel.viewType) {
      const s = syncLogsStateOf(state);
      const ref = s && syncGroupRefFromId(s.groupId);
      if (s && ref)
        return adopt(
          webviews.syncLogs,
          syncGroupPath(ref),
          (d) => new SyncLogsPanel(host, dataSync, ref, d, { panel, filters: s.filters }),
        );
    } else if (viewType === SchemaPickerPanel.viewType) {
      const s = schemaPickerStateOf(state);
      const ref = s && syncGroupRefFromId(s.groupId);
      if (ref) return adopt(webviews.schemaPickers, syncGroupPath(ref), (d) => new SchemaPickerPanel(host, dataSync, ref, d, panel));
    } else if (viewType === SetupWizardPanel.viewType) {
      const s = setupWizardStateOf(state);
      const target: WizardTarget = s.groupId
        ? { kind: 'syncGroup', id: s.groupId, step: s.step }
        : s.target
          ? { ...s.target, step: s.step }
          : { kind: 'none', step: s.step };
      return openWizard(target, panel);
    }
    panel.dispose(); // nothing to reopen it with
    return undefined;
  };
  webviews.restore = restore;
  const serializers = [SetupWizardPanel.viewType, SchemaPickerPanel.viewType, SyncLogsPanel.viewType].map((viewType) =>
    vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        restore(viewType, panel, state);
        return Promise.resolve();
      },
    }),
  );

  const disposables: vscode.Disposable[] = [
    ...serializers,
    vscode.commands.registerCommand('sqlDataMovement.dataSync.openSetupWizard', (arg?: unknown, step?: unknown) =>
      openWizard(wizardTargetOf(arg, step)),
    ),
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
