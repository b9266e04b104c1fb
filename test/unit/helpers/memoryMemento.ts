// An in-memory globalState for tests: values are copied in and out as VS Code serialises them, and
// keys() lists what is stored, as vscode.Memento does.
import type { KeyValueStore } from '../../../src/operations/operationStore';

export class MemoryMemento implements KeyValueStore {
  private readonly map = new Map<string, unknown>();
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
