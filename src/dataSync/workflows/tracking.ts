// Hands a started long-running call to the operation tracker, so it shows in the status bar and the
// Operations view, survives a reload, and refreshes the tree when it ends.
import type { LroPoller } from '../../azure/lro/lroTypes';
import type { RetrySpec } from '../../operations/operationRecord';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { DataSyncContext } from '../dataSyncContext';

export interface TrackAs {
  title: string;
  resourceId: string;
  label: string;
  /** Only for calls whose repetition is safe. */
  retry?: RetrySpec;
}

/** How callers may ask for a "Retry" action on the tracked operation. */
export interface TrackOptions {
  retry?: RetrySpec;
  /** Aborts the request that starts the operation (the user's Cancel); polling is the tracker's. */
  signal?: AbortSignal;
}

export function track<T>(ctx: DataSyncContext, poller: LroPoller<T>, as: TrackAs): Promise<TrackedOperation<T>> {
  return ctx.operations.start(poller, {
    title: as.title,
    target: { label: as.label, resourceId: as.resourceId },
    environment: ctx.environmentKey(),
    retry: as.retry,
  });
}
