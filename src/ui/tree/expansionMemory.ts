// Which tree nodes the user had expanded, kept across window reloads. VS Code forgets the expansion of a
// tree whose children load after a sign-in is restored, so the tree collapsed on every reload; the
// provider asks this memory for each node it renders. Node ids are stable and prefixed by resource, so
// one list per view is enough. Bounded: the most recently expanded nodes win.

/** The part of vscode.Memento this needs (globalState or workspaceState). */
export interface ExpansionStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const MAX_REMEMBERED = 500;

export class ExpansionMemory {
  private readonly expanded: Set<string>;

  constructor(
    private readonly store: ExpansionStore,
    private readonly key: string,
    private readonly max = MAX_REMEMBERED,
  ) {
    const saved = store.get<unknown>(key);
    this.expanded = new Set(Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : []);
  }

  isExpanded(id: string): boolean {
    return this.expanded.has(id);
  }

  /** Records an expand or collapse; returns the write so callers may wait for it. */
  set(id: string, expanded: boolean): Thenable<void> {
    this.expanded.delete(id);
    if (expanded) this.expanded.add(id);
    while (this.expanded.size > this.max) this.expanded.delete(this.expanded.values().next().value as string);
    return this.store.update(this.key, [...this.expanded]);
  }
}
