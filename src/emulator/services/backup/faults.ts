// Failures asked for through the control API (/_emulator/backup/failures): each fires once, on the next
// inquiry of a VM or the next job of an operation, and is then removed.
import type { ServiceContext } from '../../core/context';
import { key, type BackupFaultRecord } from '../../model';
import { backupState } from './state';

export function takeFault(ctx: ServiceContext, kind: BackupFaultRecord['kind'], target: string): BackupFaultRecord | undefined {
  const faults = backupState(ctx).faults;
  const i = faults.findIndex((f) => f.kind === kind && (f.target === '*' || key(f.target) === key(target)));
  if (i < 0) return undefined;
  const [fault] = faults.splice(i, 1);
  ctx.store.changed();
  return fault;
}
