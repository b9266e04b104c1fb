// Builds the object graph and registers it with VS Code; no logic of its own.
import * as vscode from 'vscode';
import { createBackupView, BACKUP_VIEW_ID } from './backup/backupView';
import { createBackupContext } from './backup/backupContext';
import { registerMigrationCommands } from './migration/commands/migrateToFabricCommand';
import { createEstateHealthView, ESTATE_VIEW_ID } from './estate/estateHealthView';
import { registerBackupTreeAndBackupNow } from './backup/commands';
import { registerProtectionCommands } from './backup/commands/protectionCommands';
import { registerRestoreWizard } from './backup/webviews/restoreWizardRegistration';
import { registerJobsCommands } from './backup/commands/jobsCommands';
import { registerPolicyCommands } from './backup/commands/policyCommands';
import { registerDataSyncCommands } from './dataSync/commands';
import { createDataSyncContext } from './dataSync/dataSyncContext';
import { createDataSyncView, DATA_SYNC_VIEW_ID } from './dataSync/dataSyncView';
import { registerDataSyncWebviews } from './dataSync/webviews';
import { ConnectionManager } from './environment/connectionManager';
import { EnvironmentController } from './environment/environmentController';
import { registerEnvironmentCommands } from './environment/environmentCommands';
import { EnvironmentStatusBar } from './environment/environmentStatusBar';
import { RequestLogChannel } from './environment/requestLogChannel';
import { registerSignInCommands, restoreSignIn } from './environment/signInCommands';
import { SignInStore } from './environment/signInStore';
import { VsCodeSecretStore } from './environment/vscodeSecretStore';
import type { ExtensionApi } from './extensionApi';
import { createFabricContext } from './fabric/fabricContext';
import { createFabricView, FABRIC_VIEW_ID } from './fabric/fabricView';
import { registerFabricTreeCommands } from './fabric/commands';
import { MonitorPanels } from './fabric/webviews/monitorPanels';
import { registerDefinitionEditor } from './fabric/commands/definitionCommands';
import { registerFabricCreateAndReadiness } from './fabric/webviews/createWizardRegistration';
import { registerTreeNodeCommands } from './ui/tree/treeNodeCommands';
import { GettingStartedPanel } from './gettingStarted/gettingStartedPanel';
import { createOperationsCenter, OPERATIONS_VIEW_ID } from './operations/operationsCenter';
import { ReloadableOperationsCenter } from './operations/reloadableOperationsCenter';
import { ErrorReporter } from './ui/errorReporter';
import { notices } from './ui/notices';
import { registerRefreshCommand } from './ui/refreshCommand';
import { shownProgress } from './ui/cancellableProgress';
import { enableTestHooks } from './ui/testHooks';
import { SwitchableUserInput } from './ui/userInput';

const viewIds = [DATA_SYNC_VIEW_ID, FABRIC_VIEW_ID, BACKUP_VIEW_ID, ESTATE_VIEW_ID, OPERATIONS_VIEW_ID] as const;

let environment: EnvironmentController | undefined;
let operations: ReloadableOperationsCenter | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  enableTestHooks(context.extensionMode !== vscode.ExtensionMode.Production);
  const output = vscode.window.createOutputChannel('Azure SQL Data Movement', { log: true });
  const env = new EnvironmentController(context, output);
  environment = env;
  const statusBar = new EnvironmentStatusBar(env);
  const gettingStarted = new GettingStartedPanel(context.extensionUri, env, output);
  const secrets = new VsCodeSecretStore(context.secrets);
  const signIns = new SignInStore(context.globalState);
  const connections = new ConnectionManager(env, secrets, new RequestLogChannel(output), signIns);
  const center = new ReloadableOperationsCenter(() => createOperationsCenter(context, env, connections, output));
  operations = center;
  // The context's refresh callback runs only after activation, when the view exists.
  const dataSync = createDataSyncContext(
    connections,
    () => center.current.tracker,
    (id) => dataSyncView.provider.refreshResource(id),
  );
  const dataSyncView = createDataSyncView({
    ctx: dataSync,
    environment: env,
    state: context.globalState,
    onDidEndOperation: center.onDidEnd,
  });
  const fabric = createFabricContext(
    connections,
    () => center.current.tracker,
    (id) => fabricView.refreshItem(id),
  );
  const fabricView = createFabricView({ ctx: fabric, environment: env, onDidEndOperation: center.onDidEnd });
  const fabricMonitors = new MonitorPanels(
    { extensionUri: context.extensionUri, log: output, onDidChangeConnection: (listener) => env.onDidChange(listener) },
    fabric,
  );
  const backup = createBackupContext(
    connections,
    () => center.current.tracker,
    (id) => backupView.refreshResource(id),
  );
  const backupView = createBackupView({ ctx: backup, environment: env, state: context.globalState, onDidEndOperation: center.onDidEnd });
  const userInput = new SwitchableUserInput();
  const errors = new ErrorReporter();
  const dataSyncWebviews = registerDataSyncWebviews(context, dataSync, {
    log: output,
    onDidEndOperation: center.onDidEnd,
    onDidChangeConnection: (listener) => env.onDidChange(listener),
  });
  const fabricCreate = registerFabricCreateAndReadiness({ context, log: output, ctx: fabric, input: userInput, errors });
  const backupRestore = registerRestoreWizard({ context, log: output, ctx: backup, input: userInput, errors });

  context.subscriptions.push(
    output,
    statusBar,
    connections,
    center,
    gettingStarted,
    fabricView,
    fabricMonitors,
    backupView,
    dataSyncView,
    ...registerTreeNodeCommands(),
    ...registerEnvironmentCommands(env),
    ...registerSignInCommands({ environment: env, connections, signIns, secrets, input: userInput, errors }),
    ...dataSyncWebviews.disposables,
    ...fabricCreate.disposables,
    ...backupRestore.disposables,
    ...registerDataSyncCommands({ ctx: dataSync, input: userInput, errors }, dataSyncView),
    ...registerFabricTreeCommands({ ctx: fabric, input: userInput, errors, tree: fabricView, monitors: fabricMonitors }),
    ...registerMigrationCommands({ dataSync, fabric, input: userInput, errors }),
    ...registerBackupTreeAndBackupNow({ ctx: backup, input: userInput, errors, provider: backupView.provider, view: backupView.view }),
    ...registerProtectionCommands({ ctx: backup, input: userInput, errors }),
    registerRefreshCommand([fabricView, backupView, dataSyncView, center]),
    vscode.commands.registerCommand('sqlDataMovement.showGettingStarted', () => {
      gettingStarted.show();
    }),
    vscode.commands.registerCommand('sqlDataMovement.showRequestLog', () => output.show(true)),
  );
  const fabricDefinitions = registerDefinitionEditor({ ctx: fabric, input: userInput, errors });
  const estate = createEstateHealthView({
    fabric,
    backup,
    environment: env,
    chosenSubscriptions: () => dataSyncView.filter.selected(),
    input: userInput,
    errors,
  });
  context.subscriptions.push(estate);
  context.subscriptions.push(...fabricDefinitions.disposables);
  const backupJobs = registerJobsCommands({
    ctx: backup,
    input: userInput,
    errors,
    host: { extensionUri: context.extensionUri, log: output },
  });
  const backupPolicies = registerPolicyCommands({ ctx: backup, input: userInput, errors });
  context.subscriptions.push(...backupJobs.disposables, ...backupPolicies.disposables);
  void restoreSignIn({ environment: env, signIns, connections }).catch((e: unknown) =>
    output.warn(`Could not restore the sign-in: ${e instanceof Error ? e.message : String(e)}`),
  );
  void connections
    .prepareEmulatorSecret()
    .then(() => env.restore())
    .catch((e: unknown) => output.error(`Could not start the local emulator: ${e instanceof Error ? e.message : String(e)}`));
  // Other extensions can read what activate() returns: the test handle (scriptable prompts, the
  // secret store) exists only when VS Code runs the extension for tests or development.
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return {
    secrets,
    environment: env,
    environmentStatusBar: statusBar.item,
    gettingStarted,
    viewIds,
    connections,
    dataSync,
    fabric,
    backup,
    estate,
    backupTree: backupView.provider,
    backupTreeView: backupView.view,
    backupJobs: backupJobs.panels,
    backupPolicies: backupPolicies.provider,
    fabricTree: fabricView.provider,
    fabricDefinitions: fabricDefinitions.provider,
    dataSyncWebviews: dataSyncWebviews.webviews,
    fabricCreateWizards: fabricCreate.wizards,
    backupRestoreWizards: backupRestore.wizards,
    dataSyncTree: dataSyncView.provider,
    dataSyncTreeView: dataSyncView.view,
    userInput,
    errors,
    progress: shownProgress,
    notices,
    get operations() {
      return center.current;
    },
    reloadOperationsCenter: () => center.reload(),
    mementos: { global: context.globalState, workspace: context.workspaceState },
  };
}

export async function deactivate(): Promise<void> {
  // Stops the local emulator child process so no server outlives the window.
  // Operations keep running in Azure; their state stays in globalState for the next window.
  await operations?.close();
  await environment?.dispose();
  environment = undefined;
  operations = undefined;
}
