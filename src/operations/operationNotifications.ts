// Tells the user when an operation ends: always when it fails (with "Show Details"), and when it
// succeeds after running long enough that they may have looked away.
import * as vscode from 'vscode';
import { durationMs, formatDuration, type OperationRecord } from './operationRecord';
import type { OperationTracker } from './operationTracker';
import { recordForTests } from '../ui/testHooks';
import { redactMessage } from './operationRedaction';
import { plainNotificationText } from '../ui/notificationText';

export const NOTIFY_AFTER_MS = 5_000;

export class OperationNotifications implements vscode.Disposable {
  private readonly subscription: { dispose(): void };
  /** What was shown, in test mode (read by tests): kind and text. */
  readonly shown: { severity: 'info' | 'error'; text: string }[] = [];

  constructor(tracker: OperationTracker, log: (message: string) => void = () => undefined) {
    this.subscription = tracker.onDidEnd((r) => {
      this.notify(r).catch((err: unknown) =>
        log(`Operations: could not announce the end of ${r.title}: ${redactMessage(err instanceof Error ? err.message : String(err))}`),
      );
    });
  }

  private async notify(record: OperationRecord): Promise<void> {
    const took = formatDuration(durationMs(record));
    if (record.status === 'failed' || record.status === 'unknown') {
      const text = plainNotificationText(
        record.status === 'failed'
          ? `${record.title} failed: ${record.error?.message ?? record.serviceStatus ?? 'no details from the service'}`
          : `${record.title}: stopped following it, it could not be polled for too long (${record.error?.message ?? 'no details'}).`,
      );
      recordForTests(this.shown, { severity: 'error', text });
      const actions = record.retry ? ['Show Details', 'Retry'] : ['Show Details'];
      const choice = await vscode.window.showErrorMessage(text, ...actions);
      if (choice === 'Show Details') await vscode.commands.executeCommand('sqlDataMovement.operations.showDetails', record.id);
      if (choice === 'Retry') await vscode.commands.executeCommand('sqlDataMovement.operations.retry', record.id);
      return;
    }
    // Whether the user may have looked away is how long they waited for the end to show, not how long the
    // service worked (a final read or a late takeover can make the wait longer than the operation).
    const waited = Date.now() - record.startedAt;
    if (record.status === 'succeeded' && waited >= NOTIFY_AFTER_MS) {
      const text = plainNotificationText(`${record.title} succeeded (${took}).`);
      recordForTests(this.shown, { severity: 'info', text });
      const choice = await vscode.window.showInformationMessage(text, 'Show Details');
      if (choice) await vscode.commands.executeCommand('sqlDataMovement.operations.showDetails', record.id);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
