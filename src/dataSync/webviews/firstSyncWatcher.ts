// The wizard's last step: starts the first sync (or watches one the schedule already started) and
// re-reads the group and members every SYNC_POLL_MS while the step is shown.
import { readGroupSettings } from '../workflows/syncGroupWorkflows';
import { readSyncStatus, triggerSync } from '../workflows/syncRunWorkflows';
import type { DataSyncContext } from '../dataSyncContext';
import { toErrorInfo } from './errorInfo';
import type { MemberSummary, ToWizard } from './protocol/dataSyncWizard';
import { summarizeGroup, summarizeMember } from './wizardSummaries';

/** How often the first-sync step re-reads the group's state. */
export const SYNC_POLL_MS = 2000;

export interface SyncWatchHost {
  ctx: DataSyncContext;
  groupId(): string | undefined;
  post(message: ToWizard): void;
  isDisposed(): boolean;
  /** Told the members' latest state on every read. */
  membersRead(members: MemberSummary[]): void;
}

export class FirstSyncWatcher {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly host: SyncWatchHost) {}

  /** Triggers a sync unless one runs already (the interval starts one after the schema is saved), then watches it. */
  async trigger(): Promise<void> {
    const groupId = this.host.groupId();
    if (!groupId) return;
    this.host.post({ type: 'busy', step: 'sync', text: 'Starting the sync…' });
    try {
      const running = (await readGroupSettings(this.host.ctx, groupId)).syncState === 'Progressing';
      if (!running) await triggerSync(this.host.ctx, groupId);
      await this.pollOnce();
      this.start();
    } catch (e) {
      this.host.post({ type: 'error', step: 'sync', error: toErrorInfo('Trigger sync', e) });
    }
  }

  start(): void {
    if (this.timer) return;
    void this.pollOnce();
    this.timer = setInterval(() => void this.pollOnce(), SYNC_POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async pollOnce(): Promise<void> {
    const groupId = this.host.groupId();
    if (!groupId || this.host.isDisposed()) return;
    try {
      const status = await readSyncStatus(this.host.ctx, groupId);
      const members = status.members.map(summarizeMember);
      this.host.membersRead(members);
      this.host.post({ type: 'syncStatus', group: summarizeGroup(status.group, groupId), members, polling: this.timer !== undefined });
    } catch (e) {
      this.stop();
      this.host.post({ type: 'error', step: 'sync', error: toErrorInfo('Read the sync state', e) });
    }
  }
}
