// A minimal typed event (the tracker is vscode-free, so it cannot use vscode.EventEmitter).
export interface Subscription {
  dispose(): void;
}

export class Signal<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): Subscription => {
    this.listeners.add(listener);
    return {
      dispose: () => {
        this.listeners.delete(listener);
      },
    };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        /* one listener's failure must not starve the others */
      }
    }
  }
}
