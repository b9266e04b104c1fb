// A multi-step command that keeps what the user answered when the request fails: the error offers
// "Retry" (send the same answers again) and "Edit and Retry" (walk the prompts again, each filled in
// or picked from the last answers). The answers live in this run's memory only (see InputDraft).
import { isAbortError } from '../azure/http/abortableDelay';
import { InputDraft } from './inputDraft';
import type { UserInput } from './userInput';

export type RetryChoice = 'retry' | 'edit';

export interface RetryOffer {
  /** Shows the failure; what the user chose, or undefined when dismissed. */
  offerRetry(action: string, e: unknown, input: UserInput): Promise<RetryChoice | undefined>;
}

export interface RetryableSteps<A, R> {
  /** Asks every question through `input`; undefined when the user cancels. */
  ask(input: UserInput): Promise<A | undefined>;
  /** Sends the answers; a throw offers Retry / Edit and Retry. */
  send(answers: A): Promise<R>;
}

export async function askThenSend<A, R>(
  action: string,
  deps: { input: UserInput; errors: RetryOffer },
  steps: RetryableSteps<A, R>,
): Promise<R | undefined> {
  const draft = new InputDraft();
  let answers = await steps.ask(draft.over(deps.input));
  while (answers !== undefined) {
    try {
      return await steps.send(answers);
    } catch (e) {
      // The user cancelled the request: nothing failed, so nothing to retry.
      if (isAbortError(e)) throw e;
      const choice = await deps.errors.offerRetry(action, e, deps.input);
      if (choice === undefined) return undefined;
      if (choice === 'edit') answers = await steps.ask(draft.over(deps.input));
    }
  }
  return undefined;
}
