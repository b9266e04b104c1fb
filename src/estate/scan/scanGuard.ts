// Runs one independent piece of a scan: a failure becomes a 'failure' event and the rest goes on; a
// cancellation is not a failure and ends the whole scan.
import { isAbortError, throwIfAborted } from '../../azure/http/abortableDelay';
import type { EstateEvent, EstatePart } from './estateEvents';

export async function guarded(
  part: EstatePart,
  scope: string,
  emit: (event: EstateEvent) => void,
  signal: AbortSignal | undefined,
  work: () => Promise<void>,
): Promise<void> {
  throwIfAborted(signal);
  try {
    await work();
  } catch (error) {
    if (isAbortError(error) || signal?.aborted) throw error;
    emit({ kind: 'failure', part, scope, error });
  }
}
