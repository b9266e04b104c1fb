// Actions on operations in the Operations view (and from notifications, by id).
import * as vscode from 'vscode';
import { copyWithNotice } from '../ui/clipboard';
import { detailsText, type OperationRecord } from './operationRecord';
import type { OperationDetailsDocuments } from './operationDetailsDocument';
import { operationRestRequests } from './operationRestRequests';
import type { OperationTracker } from './operationTracker';
import type { OperationItem } from './operationsTreeProvider';
import { plainNotificationText } from '../ui/notificationText';

type Target = OperationItem | string | undefined;

export function registerOperationCommands(
  tracker: OperationTracker,
  documents: OperationDetailsDocuments,
  log: (message: string) => void = () => undefined,
): vscode.Disposable[] {
  /** Shows a message nobody waits for; a failure to show it is logged. */
  const tell = (shown: Thenable<unknown>) => {
    shown.then(undefined, (err: unknown) => log(`Operations: could not show a message: ${String(err)}`));
  };
  const find = (target: Target): OperationRecord | undefined => {
    const id = typeof target === 'string' ? target : target?.record.id;
    const { running, history } = tracker.list();
    return [...running, ...history].find((r) => r.id === id);
  };
  const withRecord = (fn: (r: OperationRecord) => unknown) => async (target: Target) => {
    const record = find(target);
    if (!record) {
      tell(vscode.window.showWarningMessage('That operation is no longer in the Operations view.'));
      return undefined;
    }
    return await fn(record);
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.operations.showDetails',
      withRecord(async (r) => {
        const doc = await vscode.workspace.openTextDocument(documents.uriFor(r.id, r.title));
        await vscode.window.showTextDocument(doc, { preview: true });
        return doc.uri.toString();
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.operations.copyDetails',
      withRecord(async (r) => {
        return await copyWithNotice(detailsText(r), 'Operation details');
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.operations.copyAsRestRequest',
      withRecord(async (r) => {
        const text = operationRestRequests(r);
        if (!text) {
          tell(vscode.window.showInformationMessage(plainNotificationText(`"${r.title}" did not keep the request that started it.`)));
          return undefined;
        }
        return await copyWithNotice(text, 'REST requests');
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.operations.stopWaiting',
      withRecord(async (r) => {
        if (r.status !== 'running') return false;
        await tracker.stopWaiting(r.id);
        return true;
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.operations.retry',
      withRecord(async (r) => {
        if (!r.retry) {
          tell(
            vscode.window.showInformationMessage(
              plainNotificationText(`"${r.title}" cannot be retried safely from here; start it again from its resource.`),
            ),
          );
          return undefined;
        }
        return vscode.commands.executeCommand(r.retry.command, ...r.retry.args);
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.operations.revealTarget',
      withRecord(async (r) => {
        if (!r.target.resourceId) return false;
        const commands = await vscode.commands.getCommands(true);
        if (!commands.includes('sqlDataMovement.revealResource')) {
          tell(vscode.window.showInformationMessage(plainNotificationText(`${r.target.label}: ${r.target.resourceId}`)));
          return false;
        }
        return vscode.commands.executeCommand('sqlDataMovement.revealResource', r.target.resourceId);
      }),
    ),
    vscode.commands.registerCommand('sqlDataMovement.operations.clearFinished', () => tracker.clearFinished()),
  ];
}
