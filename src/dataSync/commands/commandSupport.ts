// Shared by the Data Sync commands: what they are built with, and showing Azure errors with their details.
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { DataSyncContext } from '../dataSyncContext';
import type { UserInput } from '../../ui/userInput';

export interface CommandDeps {
  ctx: DataSyncContext;
  input: UserInput;
  errors: ErrorReporter;
}

/** Shows failed calls — the service's code and message, and the request id support needs — and
 *  remembers what it showed (the integration tests read `shown`). */
export class ErrorReporter {
  readonly shown: { action: string; text: string; error: unknown }[] = [];

  async show(action: string, e: unknown): Promise<void> {
    const text = isAzureRequestError(e)
      ? `${action} failed: ${e.message} (${e.code}${e.requestId ? `, request id ${e.requestId}` : ''})`
      : `${action} failed: ${e instanceof Error ? e.message : String(e)}`;
    this.shown.push({ action, text, error: e });
    const choice = await vscode.window.showErrorMessage(text, 'Copy Details', 'Show Log');
    if (choice === 'Copy Details') await vscode.env.clipboard.writeText(isAzureRequestError(e) ? e.toDetailsText() : text);
    if (choice === 'Show Log') await vscode.commands.executeCommand('sqlDataMovement.showRequestLog');
  }

  /** Wraps a command body: a failure becomes an error message instead of an unhandled rejection. */
  guard<A extends unknown[], R>(action: string, body: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
    return async (...args: A) => {
      try {
        return await body(...args);
      } catch (e) {
        void this.show(action, e);
        return undefined;
      }
    };
  }
}
