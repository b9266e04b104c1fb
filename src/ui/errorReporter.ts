// How every command reports a failure: one error message with the service's code and message and the
// request id support needs, plus "Copy Details" and "Show Log"; for a multi-step command whose answers
// are kept, also "Retry" and "Edit and Retry".
import * as vscode from 'vscode';
import { isAbortError } from '../azure/http/abortableDelay';
import { isAzureRequestError } from '../azure/http/azureError';
import type { RetryChoice } from './retryableCommand';
import { recordForTests } from './testHooks';
import type { UserInput } from './userInput';
import { plainNotificationText } from './notificationText';

export const RETRY = 'Retry';
export const EDIT_AND_RETRY = 'Edit and Retry';
const COPY_DETAILS = 'Copy Details';
const SHOW_LOG = 'Show Log';

/** Shows failed calls — the service's code and message, and the request id support needs — and
 *  remembers what it showed in test mode (the integration tests read `shown`). */
export class ErrorReporter {
  readonly shown: { action: string; text: string; error: unknown }[] = [];
  /** Actions the user cancelled while their request ran (tests read it). */
  readonly cancelled: string[] = [];

  private fullTextOf(action: string, e: unknown): string {
    return isAzureRequestError(e)
      ? `${action} failed: ${e.message} (${e.code}${e.requestId ? `, request id ${e.requestId}` : ''})`
      : `${action} failed: ${e instanceof Error ? e.message : String(e)}`;
  }

  private async act(choice: string | undefined, e: unknown, text: string): Promise<void> {
    if (choice === COPY_DETAILS) await vscode.env.clipboard.writeText(isAzureRequestError(e) ? e.toDetailsText() : text);
    if (choice === SHOW_LOG) await vscode.commands.executeCommand('sqlDataMovement.showRequestLog');
  }

  async show(action: string, e: unknown): Promise<void> {
    // Service text as shown: links broken up, escapes removed, cut; "Copy Details" holds it whole.
    const full = this.fullTextOf(action, e);
    const text = plainNotificationText(full);
    recordForTests(this.shown, { action, text, error: e });
    await this.act(await vscode.window.showErrorMessage(text, COPY_DETAILS, SHOW_LOG), e, full);
  }

  /** The error with "Retry" and "Edit and Retry" (asked through `input`, so tests can answer it); after
   *  "Copy Details" or "Show Log" the choice is offered again, so the kept answers are not lost. */
  async offerRetry(action: string, e: unknown, input: UserInput): Promise<RetryChoice | undefined> {
    const full = this.fullTextOf(action, e);
    const text = plainNotificationText(full);
    recordForTests(this.shown, { action, text, error: e });
    for (;;) {
      const choice = await input.errorChoice(text, [RETRY, EDIT_AND_RETRY, COPY_DETAILS, SHOW_LOG]);
      if (choice === RETRY) return 'retry';
      if (choice === EDIT_AND_RETRY) return 'edit';
      if (choice === undefined) return undefined;
      await this.act(choice, e, full);
    }
  }

  /** A request the user cancelled is no failure: a short status bar note, no error message. */
  reportCancelled(action: string): void {
    recordForTests(this.cancelled, action);
    vscode.window.setStatusBarMessage(`${action}: cancelled`, 4000);
  }

  /** Wraps a command body: a failure becomes an error message instead of an unhandled rejection; a cancel, a quiet note. */
  guard<A extends unknown[], R>(action: string, body: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
    return async (...args: A) => {
      try {
        return await body(...args);
      } catch (e) {
        if (isAbortError(e)) this.reportCancelled(action);
        else void this.show(action, e);
        return undefined;
      }
    };
  }
}
