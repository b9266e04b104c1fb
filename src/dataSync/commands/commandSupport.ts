// Shared by the Data Sync commands: reading the target from a tree node or id, starting a
// long-running call through the operations center, and showing Azure errors with their details.
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { LroPoller } from '../../azure/lro/lroTypes';
import type { DataSyncContext } from '../dataSyncContext';
import type { RetrySpec } from '../../operations/operationRecord';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { UserInput } from '../../ui/userInput';

export interface CommandDeps {
  ctx: DataSyncContext;
  input: UserInput;
  errors: ErrorReporter;
}

/** A command's target: a tree node (anything with resourceId) or an ARM id string. */
export function resourceIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'resourceId' in arg && typeof arg.resourceId === 'string')
    return (arg as { resourceId: string }).resourceId;
  return undefined;
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

export interface TrackOptions<T> {
  title: string;
  resourceId: string;
  label: string;
  begin: () => Promise<LroPoller<T>>;
  retry?: RetrySpec;
}

/** Sends the first request of a long-running call and hands its poller to the operations center. */
export async function startTracked<T>(ctx: DataSyncContext, o: TrackOptions<T>): Promise<TrackedOperation<T>> {
  const poller = await o.begin();
  return ctx.operations.start(poller, {
    title: o.title,
    target: { label: o.label, resourceId: o.resourceId },
    environment: ctx.environmentKey(),
    retry: o.retry,
  });
}
