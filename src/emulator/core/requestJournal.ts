// The emulator's memory of the last requests it received and how each ended: answered (with its
// status), or closed by the client before any answer (a cancelled or timed-out call, or a reset fault).
// Tests read it (GET /_emulator/requests) to prove that a client really aborted a hung request.

export interface JournalEntry {
  at: string;
  method: string;
  path: string;
  /** The request fault that answered it, if any (e.g. hang, reset, 503). */
  fault?: string;
  outcome: 'pending' | 'answered' | 'aborted';
  status?: number;
}

export class RequestJournal {
  private readonly list: JournalEntry[] = [];
  constructor(private readonly limit = 500) {}

  /** Records a request that just arrived; the returned entry is updated as it ends. */
  open(method: string, path: string, now: number): JournalEntry {
    const entry: JournalEntry = { at: new Date(now).toISOString(), method, path, outcome: 'pending' };
    this.list.push(entry);
    if (this.list.length > this.limit) this.list.splice(0, this.list.length - this.limit);
    return entry;
  }

  entries(): JournalEntry[] {
    return this.list.map((e) => ({ ...e }));
  }

  clear(): void {
    this.list.length = 0;
  }
}
