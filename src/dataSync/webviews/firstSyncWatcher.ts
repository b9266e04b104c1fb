// The wizard's last step: starts the first sync (or watches one the schedule already started) and
// re-reads the group and members while the step is shown. One read at a time, never two; the pause
// between reads starts at FIRST_POLL_MS and doubles up to MAX_POLL_MS while nothing changes; watching
// ends when the sync it saw running ends, or when the panel stops it (step left, panel hidden or closed).
// A sync it did not start (the schedule starts one once the schema is saved) is announced on the page
// and in a notification.
import type { SyncStatus } from '../workflows/syncRunWorkflows';
import { toErrorInfo } from './errorInfo';
import type { MemberSummary, ToWizard } from './protocol/dataSyncWizard';
import { summarizeGroup, summarizeMember } from './wizardSummaries';

export const FIRST_POLL_MS = 2000;
export const MAX_POLL_MS = 30_000;

/** setTimeout and clearTimeout, replaceable by a fake clock in tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SyncWatchHost {
  groupId(): string | undefined;
  post(message: ToWizard): void;
  isDisposed(): boolean;
  /** Told the members' latest state on every read. */
  membersRead(members: MemberSummary[]): void;
  /** The group and its members now (the sync run workflow). */
  read(groupId: string): Promise<SyncStatus>;
  /** Starts a sync (the sync run workflow). */
  startSync(groupId: string): Promise<void>;
  /** A notification outside the page (a sync this wizard did not start). */
  notify(text: string): void;
}

/** The pause before the next read: back to the first pause when the state changed, else doubled up to the cap. */
export const nextPollDelay = (previous: number, changed: boolean): number =>
  changed ? FIRST_POLL_MS : Math.min(previous * 2, MAX_POLL_MS);

const isRunning = (s: SyncStatus): boolean => s.group.properties?.syncState === 'Progressing';

/** What counts as a change: the group's state and last sync, and each member's state. */
const stateKey = (s: SyncStatus): string =>
  JSON.stringify([
    s.group.properties?.syncState,
    s.group.properties?.lastSyncTime,
    s.members.map((m) => [m.name, m.properties?.syncState]),
  ]);

export class FirstSyncWatcher {
  private timer: unknown;
  private watching = false;
  private inFlight: Promise<void> | undefined;
  private delay = FIRST_POLL_MS;
  private lastKey: string | undefined;
  private sawRunning = false;
  /** The run being watched was started by this wizard's Sync now. */
  private ownRun = false;

  constructor(
    private readonly host: SyncWatchHost,
    private readonly timers: Timers = realTimers,
  ) {}

  /** True while reads are scheduled or running. */
  get active(): boolean {
    return this.watching;
  }

  /** Triggers a sync unless one runs already (the interval starts one after the schema is saved), then watches it. */
  async trigger(): Promise<void> {
    const groupId = this.host.groupId();
    if (!groupId) return;
    this.host.post({ type: 'busy', step: 'sync', text: 'Starting the sync…' });
    try {
      // Its own read of the state waits for a poll in flight: one request at a time.
      await this.inFlight;
      const running = isRunning(await this.host.read(groupId));
      if (!running) await this.host.startSync(groupId);
      this.restart(!running);
    } catch (e) {
      this.host.post({ type: 'error', step: 'sync', error: toErrorInfo('Trigger sync', e) });
    }
  }

  /** Starts watching (reads at once); does nothing while already watching. */
  start(): void {
    if (this.watching) return;
    this.restart(false);
  }

  stop(): void {
    this.watching = false;
    this.clearTimer();
  }

  /** Watches from the first pause again, reading now unless a read is already in flight. */
  private restart(ownRun: boolean): void {
    this.clearTimer();
    this.watching = true;
    this.ownRun = ownRun;
    this.sawRunning = false;
    this.lastKey = undefined;
    this.delay = FIRST_POLL_MS;
    void this.tick();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    // The read in flight schedules the next one when it ends: never two at once.
    if (this.inFlight) return;
    this.inFlight = this.pollOnce();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }
    if (this.watching && !this.host.isDisposed() && this.timer === undefined)
      this.timer = this.timers.setTimeout(() => void this.tick(), this.delay);
  }

  private async pollOnce(): Promise<void> {
    const groupId = this.host.groupId();
    if (!groupId || this.host.isDisposed()) {
      this.stop();
      return;
    }
    try {
      const status = await this.host.read(groupId);
      const key = stateKey(status);
      this.delay = nextPollDelay(this.delay, key !== this.lastKey);
      this.lastKey = key;
      if (isRunning(status) && !this.sawRunning && !this.ownRun) this.announce(status);
      if (isRunning(status)) this.sawRunning = true;
      else if (this.sawRunning) this.stop(); // the sync it watched has ended
      const members = status.members.map(summarizeMember);
      this.host.membersRead(members);
      this.host.post({ type: 'syncStatus', group: summarizeGroup(status.group, groupId), members, polling: this.watching });
    } catch (e) {
      this.stop();
      this.host.post({ type: 'error', step: 'sync', error: toErrorInfo('Read the sync state', e) });
    }
  }

  /** A sync this wizard did not start is running: say so on the page and in a notification. */
  private announce(status: SyncStatus): void {
    const name = status.group.name ?? 'the sync group';
    const interval = status.group.properties?.interval ?? -1;
    const text =
      interval > 0
        ? `A scheduled sync of ${name} started (the group syncs every ${interval} seconds).`
        : `A sync of ${name} started outside this wizard.`;
    this.host.post({ type: 'syncNotice', text });
    this.host.notify(text);
  }
}
