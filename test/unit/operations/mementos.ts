// Test stand-ins for VS Code's globalState. MapMemento: one window, writes visible at once.
// SyncedMementos: several windows, each with its own in-memory copy, receiving the other windows'
// writes only later (after `delayMs`, in write order), as VS Code windows do.
import type { KeyValueStore } from '../../../src/operations/operationStore';

export class MapMemento implements KeyValueStore {
  readonly map = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.map.get(key)) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, structuredClone(value));
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.map.keys()];
  }
}

export class SyncedMementos {
  readonly windows: MapMemento[] = [];
  /** Writes sent to other windows and not yet received by them. */
  inFlight = 0;

  constructor(
    count: number,
    private readonly delayMs: number,
  ) {
    for (let i = 0; i < count; i++) this.windows.push(this.window());
  }

  private window(): MapMemento {
    const hub = this.windows;
    const copy = new MapMemento();
    const local = (target: MapMemento, key: string, value: unknown) => MapMemento.prototype.update.call(target, key, value);
    copy.update = (key: string, value: unknown): Promise<void> => {
      const sent = structuredClone(value);
      for (const other of hub) {
        if (other === copy) continue;
        this.inFlight++;
        setTimeout(() => {
          this.inFlight--;
          void local(other, key, sent);
        }, this.delayMs);
      }
      return local(copy, key, value);
    };
    return copy;
  }
}
