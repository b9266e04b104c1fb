// At most N requests in flight per host; the rest wait in a FIFO queue. Expanding a big tree fires
// hundreds of GETs at once; ARM throttles per principal, so we queue here rather than eat 429s.
// Sits below the retry policy: a request waiting out its backoff does not hold a slot.
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { AbortError } from './abortableDelay';

export const hostConcurrencyPolicyName = 'hostConcurrencyPolicy';

/** A counting semaphore with a FIFO queue whose waiters can be cancelled. */
export class Semaphore {
  private inFlight = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Concurrency limit must be a positive integer, got ${limit}.`);
  }

  get active(): number {
    return this.inFlight;
  }
  get queued(): number {
    return this.waiters.length;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new AbortError();
    if (this.inFlight < this.limit) {
      this.inFlight++;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(wake);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new AbortError());
      };
      this.waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // The slot was handed over by release(): inFlight was not decremented for us.
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.inFlight--;
    };
  }
}

export function hostConcurrencyPolicy(maxPerHost: number): PipelinePolicy {
  const byHost = new Map<string, Semaphore>();
  return {
    name: hostConcurrencyPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const host = new URL(request.url).host.toLowerCase();
      let semaphore = byHost.get(host);
      if (!semaphore) byHost.set(host, (semaphore = new Semaphore(maxPerHost)));
      const release = await semaphore.acquire(request.abortSignal as AbortSignal | undefined);
      try {
        return await next(request);
      } finally {
        release();
      }
    },
  };
}
