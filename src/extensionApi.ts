// What activate() returns: a narrow handle the integration tests use to observe the extension.
import type * as vscode from 'vscode';
import type { SecretStore } from './auth/secretStore';
import type { ErrorReporter } from './ui/errorReporter';
import type { ShownProgress } from './ui/cancellableProgress';
import type { Notices } from './ui/notices';
import type { SwitchableUserInput } from './ui/userInput';
import type { DataSyncContext } from './dataSync/dataSyncContext';
import type { FabricContext } from './fabric/fabricContext';
import type { BackupContext } from './backup/backupContext';
import type { EstateHealthView } from './estate/estateHealthView';
import type { BackupTreeProvider } from './backup/tree/backupTreeProvider';
import type { JobsPanels } from './backup/webviews/jobsPanels';
import type { PolicyFileSystemProvider } from './backup/policyEditor/policyFileSystemProvider';
import type { TreeNode } from './ui/tree/treeNode';
import type { FabricTreeProvider } from './fabric/tree/fabricTreeProvider';
import type { DefinitionFileSystemProvider } from './fabric/definition/definitionFileSystemProvider';
import type { FabricCreateWizards } from './fabric/webviews/createWizardRegistration';
import type { RestoreWizards } from './backup/webviews/restoreWizardRegistration';
import type { DataSyncTreeProvider } from './dataSync/tree/dataSyncTreeProvider';
import type { ConnectionManager } from './environment/connectionManager';
import type { DataSyncWebviews } from './dataSync/webviews';
import type { EnvironmentController } from './environment/environmentController';
import type { OperationsCenter } from './operations/operationsCenter';
import type { GettingStartedPanel } from './gettingStarted/gettingStartedPanel';

/** Returned by activate() only in test and development mode (never to other extensions in production). */
export interface ExtensionApi {
  secrets: SecretStore;
  environment: EnvironmentController;
  environmentStatusBar: vscode.StatusBarItem;
  gettingStarted: GettingStartedPanel;
  viewIds: readonly string[];
  connections: ConnectionManager;
  readonly operations: OperationsCenter;
  dataSync: DataSyncContext;
  fabric: FabricContext;
  backup: BackupContext;
  /** The Estate Health view (its scan state, tree and status-bar item). */
  estate: EstateHealthView;
  backupTree: BackupTreeProvider;
  backupTreeView: vscode.TreeView<TreeNode>;
  /** Open Backup jobs panels (one per vault). */
  backupJobs: JobsPanels;
  /** The backup policy editor's file system (tests read `refusals` and `saves`). */
  backupPolicies: PolicyFileSystemProvider;
  fabricTree: FabricTreeProvider;
  /** The mirroring definition editor's file system (tests read `refusals`). */
  fabricDefinitions: DefinitionFileSystemProvider;
  dataSyncWebviews: DataSyncWebviews;
  /** Open Create Mirrored Database wizards. */
  fabricCreateWizards: FabricCreateWizards;
  /** Open Backup Restore wizards. */
  backupRestoreWizards: RestoreWizards;
  dataSyncTree: DataSyncTreeProvider;
  dataSyncTreeView: vscode.TreeView<TreeNode>;
  /** Every prompt goes through this; tests script it. */
  userInput: SwitchableUserInput;
  /** Errors shown by commands (tests read `shown`, and `cancelled` for requests the user cancelled). */
  errors: ErrorReporter;
  /** Request progress shown with Cancel (tests press `cancel`). */
  progress: readonly ShownProgress[];
  /** Information notifications commands and panels showed (tests read `shown`). */
  notices: Notices;
  /** Disposes the operations center and builds a new one, as a window reload does. */
  reloadOperationsCenter(): Promise<OperationsCenter>;
  /** What the extension keeps in globalState and workspaceState (tests check no secret is there). */
  mementos: { global: vscode.Memento; workspace: vscode.Memento };
}
