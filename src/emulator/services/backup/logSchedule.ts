// Scheduled log backups: every protected database in the FULL (or BULK_LOGGED) recovery model whose
// policy has a Log schedule gets a log backup every `scheduleFrequencyInMins` — compressed by the time
// scale — so its point-in-time range keeps growing. Scheduled log backups do not add jobs.
import type { ServiceContext } from '../../core/context';
import { key } from '../../model';
import { backupNow, scaled } from './clock';
import { databaseOf, logsAllowed } from './backupNow';
import { logFrequencyMins } from './policyValidation';
import { backupState } from './state';

export function advanceLogBackups(ctx: ServiceContext): void {
  const st = backupState(ctx);
  const now = backupNow(ctx);
  for (const item of Object.values(st.items)) {
    if (item.protectionState !== 'Protected' || item.lastLogBackupAt === undefined) continue;
    const mins = logFrequencyMins(st.policies[key(item.policyId)]?.properties);
    if (!mins || !logsAllowed(databaseOf(ctx, item))) continue;
    const every = Math.max(1, scaled(ctx, mins * 60));
    const due = Math.floor((now - item.lastLogBackupAt) / every);
    if (due < 1) continue;
    item.lastLogBackupAt += due * every;
    const range = item.logRanges.at(-1);
    if (range) range.end = item.lastLogBackupAt;
    ctx.store.changed();
  }
}
