// What activate() returns: a narrow handle the integration tests use to observe the extension.
import type * as vscode from 'vscode';
import type { EnvironmentController } from './environment/environmentController';
import type { GettingStartedPanel } from './webviews/gettingStartedPanel';

export interface ExtensionApi {
  environment: EnvironmentController;
  environmentStatusBar: vscode.StatusBarItem;
  gettingStarted: GettingStartedPanel;
  viewIds: readonly string[];
}
