// A Backup command's requests show progress with Cancel once they take over a second: in the Backup view
// when the command was run on one of its nodes, else as a notification.
import { withCancellableProgress, progressWhere } from '../../ui/cancellableProgress';
import { BACKUP_VIEW_ID } from '../backupView';

export function withRequestProgress<T>(title: string, arg: unknown, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return withCancellableProgress(title, progressWhere(arg, BACKUP_VIEW_ID), work);
}
