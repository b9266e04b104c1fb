// Builds the object graph and registers it with VS Code; no logic of its own.
import * as vscode from 'vscode';
import { registerDataSyncCommands } from './dataSync/commands';
import { ErrorReporter } from './dataSync/commands/commandSupport';
import { registerEnvironmentCommands } from './environment/environmentCommands';
import { registerSignInCommands, restoreSignIn } from './environment/signInCommands';
import { SwitchableUserInput } from './ui/userInput';
import { SignInStore } from './environment/signInStore';
import { EnvironmentController } from './environment/environmentController';
import { ConnectionManager } from './environment/connectionManager';
import { EnvironmentStatusBar } from './environment/environmentStatusBar';
import { RequestLogChannel } from './environment/requestLogChannel';
import { VsCodeSecretStore } from './environment/vscodeSecretStore';
import { createOperationsCenter, type OperationsCenter } from './operations/operationsCenter';
import type { ExtensionApi } from './extensionApi';
import { DataSyncTreeProvider } from './dataSync/tree/dataSyncTreeProvider';
import { SubscriptionFilter } from './dataSync/tree/subscriptionFilter';
import { SignedOutTreeProvider } from './ui/tree/signedOutTreeProvider';
import { registerTreeNodeCommands } from './ui/tree/treeNodeCommands';
import { createDataSyncContext } from './dataSync/dataSyncContext';
import { registerDataSyncWebviews } from './dataSync/webviews';
import { GettingStartedPanel } from './gettingStarted/gettingStartedPanel';

const viewIds = [
  'sqlDataMovement.dataSync',
  'sqlDataMovement.fabricMirroring',
  'sqlDataMovement.backup',
  'sqlDataMovement.operations',
] as const;
/** Views whose trees later issues build; until then they show their welcome content. */
const placeholderViewIds = ['sqlDataMovement.fabricMirroring', 'sqlDataMovement.backup'] as const;

let environment: EnvironmentController | undefined;
let operations: OperationsCenter | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const output = vscode.window.createOutputChannel('Azure SQL Data Movement', { log: true });
  environment = new EnvironmentController(context, output);
  const statusBar = new EnvironmentStatusBar(environment);
  const gettingStarted = new GettingStartedPanel(context.extensionUri, environment, output);
  const secrets = new VsCodeSecretStore(context.secrets);
  const signIns = new SignInStore(context.globalState);
  const connections = new ConnectionManager(environment, secrets, new RequestLogChannel(output), signIns);
  operations = createOperationsCenter(context, environment, connections);
  const trees = placeholderViewIds.map((id) => ({ id, provider: new SignedOutTreeProvider() }));
  // The context's refresh callback runs only after activation, when dataSyncTree exists.
  const dataSync = createDataSyncContext(
    connections,
    () => (operations as OperationsCenter).tracker,
    (id) => dataSyncTree.refreshResource(id),
  );
  const filter = new SubscriptionFilter(context.globalState, () => `${environment?.kind}:${environment?.snapshot().account ?? ''}`);
  const dataSyncTree = new DataSyncTreeProvider(dataSync, () => environment?.snapshot().signedIn ?? false, filter);
  const dataSyncView = dataSyncTree.createTreeView('sqlDataMovement.dataSync', { showCollapseAll: true });
  // A view message hides the welcome content, so it shows only with the tree (signed in); the
  // signed-out welcome text states the retirement date itself.
  const retirementNotice = () => {
    dataSyncView.message = environment?.snapshot().signedIn ? 'SQL Data Sync retires on 30 September 2027.' : undefined;
  };
  retirementNotice();
  const userInput = new SwitchableUserInput();
  const errors = new ErrorReporter();
  const dataSyncWebviews = registerDataSyncWebviews(context, dataSync);

  context.subscriptions.push(
    output,
    statusBar,
    connections,
    operations,
    gettingStarted,
    ...trees.map(({ id, provider }) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true })),
    ...registerEnvironmentCommands(environment),
    ...registerSignInCommands({ environment, connections, signIns, secrets, input: userInput, errors }),
    ...dataSyncWebviews.disposables,
    dataSyncTree,
    dataSyncView,
    ...registerTreeNodeCommands(),
    ...registerDataSyncCommands({ ctx: dataSync, input: userInput, errors }, { provider: dataSyncTree, view: dataSyncView, filter }),
    operations.tracker.onDidEnd((r) => dataSyncTree.refreshResource(r.target.resourceId)),
    vscode.commands.registerCommand('sqlDataMovement.showGettingStarted', () => {
      gettingStarted.show();
    }),
    vscode.commands.registerCommand('sqlDataMovement.showRequestLog', () => output.show(true)),
    vscode.commands.registerCommand('sqlDataMovement.refresh', () => {
      trees.forEach((t) => t.provider.refresh());
      dataSyncTree.refresh();
      operations?.tree.refresh();
    }),
    environment.onDidChange(() => {
      trees.forEach((t) => t.provider.refresh());
      dataSyncTree.refresh();
      retirementNotice();
    }),
  );
  void restoreSignIn({ environment, signIns, connections }).catch((e: unknown) =>
    output.warn(`Could not restore the sign-in: ${e instanceof Error ? e.message : String(e)}`),
  );
  void connections
    .prepareEmulatorSecret()
    .then(() => environment?.restore())
    .catch((e: unknown) => output.error(`Could not start the local emulator: ${e instanceof Error ? e.message : String(e)}`));
  const center = (): OperationsCenter => operations as OperationsCenter;
  // Tests use this to go through the same dispose → create → resume path as a window reload.
  const reloadOperationsCenter = async (): Promise<OperationsCenter> => {
    const old = center();
    old.dispose();
    await old.tracker.dispose();
    operations = createOperationsCenter(context, environment as EnvironmentController, connections);
    context.subscriptions.push(operations);
    return operations;
  };
  // Other extensions can read what activate() returns: the test handle (scriptable prompts, the
  // secret store) exists only when VS Code runs the extension for tests or development.
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return {
    secrets,
    environment,
    environmentStatusBar: statusBar.item,
    gettingStarted,
    viewIds,
    connections,
    dataSync,
    dataSyncWebviews: dataSyncWebviews.webviews,
    dataSyncTree,
    userInput,
    errors,
    get operations() {
      return center();
    },
    reloadOperationsCenter,
  };
}

export async function deactivate(): Promise<void> {
  // Stops the local emulator child process so no server outlives the window.
  // Operations keep running in Azure; their state stays in globalState for the next window.
  await operations?.tracker.dispose();
  await environment?.dispose();
  environment = undefined;
  operations = undefined;
}
