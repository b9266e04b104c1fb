// Shared by the Data Sync commands: what they are built with.
import type { DataSyncContext } from '../dataSyncContext';
import type { UserInput } from '../../ui/userInput';
import type { ErrorReporter } from '../../ui/errorReporter';
import { progressWhere, withCancellableProgress } from '../../ui/cancellableProgress';
import { DATA_SYNC_VIEW_ID } from '../dataSyncView';

/** Progress (with Cancel) for a request a Data Sync command sends: in the view when run on one of its nodes. */
export function withRequestProgress<T>(title: string, arg: unknown, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return withCancellableProgress(title, progressWhere(arg, DATA_SYNC_VIEW_ID), work);
}

export interface CommandDeps {
  ctx: DataSyncContext;
  input: UserInput;
  errors: ErrorReporter;
}
