// Registers the Data Sync webviews (setup wizard, schema picker, sync logs).
import type * as vscode from 'vscode';
import type { DataSyncContext } from '../../dataSync/dataSyncContext';

/** Handles the integration tests use to observe the Data Sync panels. */
export type DataSyncWebviews = Record<string, unknown>;

export function registerDataSyncWebviews(_context: vscode.ExtensionContext, _dataSync: DataSyncContext): { disposables: vscode.Disposable[]; webviews: DataSyncWebviews } {
  return { disposables: [], webviews: {} };
}
