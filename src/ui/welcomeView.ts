// A service view before its tree exists: empty, so VS Code shows the view's welcome content (sign in,
// choose the environment, start the local emulator), re-rendered when the environment changes.
import * as vscode from 'vscode';
import type { EnvironmentController } from '../environment/environmentController';
import { SignedOutTreeProvider } from './tree/signedOutTreeProvider';

export interface RefreshableView extends vscode.Disposable {
  refresh(): void;
}

export function createWelcomeView(viewId: string, environment: EnvironmentController): RefreshableView {
  const provider = new SignedOutTreeProvider();
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: provider, showCollapseAll: true });
  const onEnvironment = environment.onDidChange(() => provider.refresh());
  return {
    refresh: () => provider.refresh(),
    dispose: () => {
      onEnvironment.dispose();
      view.dispose();
    },
  };
}
