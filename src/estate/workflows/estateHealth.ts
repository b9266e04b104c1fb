// One estate scan at a time, its facts kept as they stream in, and the problems read off them. Listeners
// hear about every batch of facts (so the view fills while the scan runs) and the end of each scan. A new
// scan cancels the one still running.
import type { AzureClient } from '../../azure/http/azureClient';
import type { EstateCounts } from '../scan/estateEvents';
import { scanEstate } from '../scan/estateScan';
import type { EstateFact } from './estateFacts';
import { serviceOf } from './estateFacts';
import { factsOf } from './estateFactsOf';
import { problemsOf, type Problem } from './healthRules';

export interface EstateClients {
  arm: AzureClient;
  /** Absent where the cloud has no Fabric: the scan covers Data Sync and Backup. */
  fabric?: AzureClient;
}

export interface ScanSummary extends EstateCounts {
  durationMs: number;
}

export interface EstateSnapshot {
  scanning: boolean;
  facts: readonly EstateFact[];
  problems: readonly Problem[];
  /** Resources looked at per service (scan errors not counted). */
  counts: Record<'dataSync' | 'fabric' | 'backup', number>;
  lastScan?: { endedAt: number; summary?: ScanSummary; cancelled?: boolean; error?: string };
}

export class EstateHealth {
  private facts: EstateFact[] = [];
  private running: AbortController | undefined;
  private last: EstateSnapshot['lastScan'];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clients: () => EstateClients,
    private readonly options: {
      now?: () => number;
      /** The subscriptions to scan (all the principal sees when undefined). */
      subscriptionIds?: () => string[] | undefined;
      staleAfterMs?: () => number;
    } = {},
  ) {}

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  snapshot(): EstateSnapshot {
    const now = this.options.now?.() ?? Date.now();
    const counts = { dataSync: 0, fabric: 0, backup: 0 };
    for (const f of this.facts) if (f.kind !== 'scanError' && f.kind !== 'failedBackupJob') counts[serviceOf(f)]++;
    return {
      scanning: this.running !== undefined,
      facts: this.facts,
      problems: problemsOf(this.facts, { now }),
      counts,
      lastScan: this.last,
    };
  }

  /** Starts a scan (cancelling one in progress); resolves when it ends. */
  async scan(): Promise<EstateSnapshot> {
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    const fresh: EstateFact[] = [];
    this.facts = fresh;
    this.fire();
    try {
      const now = this.options.now ?? Date.now;
      const started = now();
      const { arm, fabric } = this.clients();
      const staleAfterMs = this.options.staleAfterMs?.() ?? 30 * 60_000;
      const counts = await scanEstate(
        arm,
        fabric,
        (event) => {
          if (abort.signal.aborted) return;
          fresh.push(...factsOf(event, { now: now(), staleAfterMs }));
          this.fire();
        },
        { signal: abort.signal, subscriptionIds: this.options.subscriptionIds?.(), now },
      );
      const summary: ScanSummary = { ...counts, durationMs: now() - started };
      if (this.running === abort) this.last = { endedAt: Date.now(), summary };
    } catch (e) {
      if (this.running === abort)
        this.last = abort.signal.aborted
          ? { endedAt: Date.now(), cancelled: true }
          : { endedAt: Date.now(), error: e instanceof Error ? e.message : String(e) };
    } finally {
      if (this.running === abort) this.running = undefined;
      this.fire();
    }
    return this.snapshot();
  }

  cancel(): void {
    this.running?.abort();
  }

  private fire(): void {
    for (const l of this.listeners) l();
  }
}
