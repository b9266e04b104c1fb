// Shared by the Data Sync commands: reading the target from a tree node or id, starting a
// long-running call through the operations center, and showing Azure errors with their details.
import type { LroPoller } from '../../azure/lro/lroTypes';
import type { DataSyncContext } from '../dataSyncContext';
import type { RetrySpec } from '../../operations/operationRecord';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { UserInput } from '../../ui/userInput';
import type { ErrorReporter } from '../../ui/errorReporter';

export interface CommandDeps {
  ctx: DataSyncContext;
  input: UserInput;
  errors: ErrorReporter;
}

/** A command's target: a tree node (anything with resourceId) or an ARM id string. */
export function resourceIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'resourceId' in arg && typeof (arg as { resourceId: unknown }).resourceId === 'string')
    return (arg as { resourceId: string }).resourceId;
  return undefined;
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
