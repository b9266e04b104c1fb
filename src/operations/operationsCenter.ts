// Assembles the operations center for one window: persisted tracker, status bar, Operations view,
// notifications, details documents and commands. Resumes polling on activation and whenever the
// environment changes (an operation waits for its own environment to be active).
import * as vscode from 'vscode';
import { registerOperationCommands } from './operationCommands';
import type { ConnectionManager } from '../environment/connectionManager';
import type { EnvironmentController } from '../environment/environmentController';
import { OperationDetailsDocuments } from './operationDetailsDocument';
import { OperationNotifications } from './operationNotifications';
import { OperationsStatusBar } from './operationsStatusBar';
import { OperationStore } from './operationStore';
import { OperationTracker } from './operationTracker';
import { redactMessage } from './operationRedaction';
import { OperationsTreeProvider } from './operationsTreeProvider';

export const OPERATIONS_VIEW_ID = 'sqlDataMovement.operations';

export interface OperationsCenter extends vscode.Disposable {
  tracker: OperationTracker;
  statusBar: OperationsStatusBar;
  tree: OperationsTreeProvider;
  notifications: OperationNotifications;
}

export function createOperationsCenter(
  context: vscode.ExtensionContext,
  environment: EnvironmentController,
  connections: ConnectionManager,
  output?: vscode.LogOutputChannel,
): OperationsCenter {
  const log = (message: string) => output?.warn(message);
  /** Nothing here is awaited by anyone: a failure becomes a log line, never an unhandled rejection. */
  const background = (what: string, promise: Promise<unknown>) =>
    promise.catch((err: unknown) =>
      log(`Operations: could not ${what}: ${redactMessage(err instanceof Error ? err.message : String(err))}`),
    );
  const owner = `${vscode.env.sessionId}:${Math.random().toString(36).slice(2, 10)}`;
  const tracker = new OperationTracker({
    store: new OperationStore(context.globalState),
    owner,
    connect: (env, account) => connections.resumeDeps(env, account),
    account: () => environment.snapshot().account,
    sentRequests: connections.sentRequests,
    log,
  });
  const statusBar = new OperationsStatusBar(tracker);
  const tree = new OperationsTreeProvider(tracker);
  const notifications = new OperationNotifications(tracker, log);
  const documents = new OperationDetailsDocuments(tracker);
  const view = vscode.window.createTreeView(OPERATIONS_VIEW_ID, { treeDataProvider: tree });
  const resume = () => void background('resume operations', tracker.resumeAll());
  const disposables: vscode.Disposable[] = [
    statusBar,
    tree,
    notifications,
    documents,
    view,
    ...registerOperationCommands(tracker, documents, log),
    environment.onDidChange(resume),
  ];
  resume();
  return {
    tracker,
    statusBar,
    tree,
    notifications,
    dispose: () => {
      for (const d of disposables) d.dispose();
      void background('release the operations of this window', tracker.dispose());
    },
  };
}
