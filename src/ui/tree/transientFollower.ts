// Follows nodes whose resource is in a transient state (a sync running, mirroring starting): re-reads
// them with backoff while the view is visible, and stops once they settle or nobody looks. Free of
// 'vscode' so the timing is testable in plain Node; the provider feeds it states and visibility.

export interface TransientFollowerOptions {
  /** First delay after a node turns transient (or the view shows again). */
  initialDelayMs?: number;
  /** The delay doubles after each round up to this. */
  maxDelayMs?: number;
  /** The clock (tests pass a manual one). */
  timers?: FollowerTimers;
}

export interface FollowerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: FollowerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class TransientFollower {
  private readonly followed = new Set<string>();
  private visible = false;
  private delayMs: number;
  private timer: unknown;
  private running = false;
  /** A node turned transient during a round: the next round comes after the initial delay. */
  private restartPending = false;
  private disposed = false;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timers: FollowerTimers;

  constructor(
    /** Re-reads the nodes with these ids; resolves when their new states were reported back. */
    private readonly reread: (ids: string[]) => Promise<void>,
    options: TransientFollowerOptions = {},
  ) {
    this.initialDelayMs = options.initialDelayMs ?? 2_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.delayMs = this.initialDelayMs;
    this.timers = options.timers ?? realTimers;
  }

  /** Ids being followed (transient when last read). */
  get ids(): string[] {
    return [...this.followed];
  }

  /** True while a re-read is scheduled or running. */
  get active(): boolean {
    return this.timer !== undefined || this.running;
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** Reports a node's state as last read. A node that turns transient restarts the backoff. */
  update(id: string, transient: boolean): void {
    if (!transient) {
      this.forget(id);
      return;
    }
    if (this.followed.has(id)) return;
    this.followed.add(id);
    this.restart();
  }

  forget(id: string): void {
    this.followed.delete(id);
    if (!this.followed.size) this.cancelTimer();
  }

  clear(): void {
    this.followed.clear();
    this.cancelTimer();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) this.restart();
    else this.cancelTimer();
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private restart(): void {
    if (this.running) this.restartPending = true;
    this.delayMs = this.initialDelayMs;
    this.cancelTimer();
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed || this.running || this.timer !== undefined || !this.visible || !this.followed.size) return;
    this.timer = this.timers.setTimeout(() => void this.round(), this.delayMs);
  }

  private async round(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      await this.reread([...this.followed]);
    } catch {
      // A failed re-read shows in the tree as an error node; following resumes on the next round.
    } finally {
      this.running = false;
    }
    this.delayMs = this.restartPending ? this.initialDelayMs : Math.min(this.delayMs * 2, this.maxDelayMs);
    this.restartPending = false;
    this.schedule();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
