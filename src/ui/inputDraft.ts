// The answers of one run of a multi-step command, so a failed request can be sent again, or its prompts
// walked again with every earlier answer filled in (input boxes) or picked (quick picks). A draft lives
// in the command's memory for that one run: it is never persisted or logged, so it may hold a password.
import type * as vscode from 'vscode';
import type { InputOptions, PickOptions, UserInput } from './userInput';

/** What a prompt answered: a typed value, or the labels of the picked items. */
type Answer = { kind: 'text'; value: string } | { kind: 'labels'; labels: string[] };

export class InputDraft {
  private readonly answers = new Map<string, Answer>();

  /** A UserInput that offers this draft's answers as defaults and remembers the new ones. */
  over(input: UserInput): UserInput {
    return new DraftUserInput(input, this);
  }

  text(key: string): string | undefined {
    const a = this.answers.get(key);
    return a?.kind === 'text' ? a.value : undefined;
  }

  labels(key: string): string[] | undefined {
    const a = this.answers.get(key);
    return a?.kind === 'labels' ? a.labels : undefined;
  }

  rememberText(key: string, value: string): void {
    this.answers.set(key, { kind: 'text', value });
  }

  rememberLabels(key: string, labels: string[]): void {
    this.answers.set(key, { kind: 'labels', labels });
  }
}

/** A prompt's place in the draft: its `key` when the title names an earlier answer, else its title. */
const keyOf = (options: { title: string; key?: string }): string => options.key ?? options.title;

/** Marks the items the draft picked (and only those); items it has no answer for stay as they were. */
function withDraftPicks<T extends vscode.QuickPickItem>(items: T[], labels: string[] | undefined): T[] {
  if (!labels || !items.some((i) => labels.includes(i.label))) return items;
  return items.map((i) => ({ ...i, picked: labels.includes(i.label) }));
}

class DraftUserInput implements UserInput {
  constructor(
    private readonly inner: UserInput,
    private readonly draft: InputDraft,
  ) {}

  async pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    const key = keyOf(options);
    const marked = Promise.resolve(items).then((list) => withDraftPicks(list, this.draft.labels(key)));
    const chosen = await this.inner.pick(marked, options);
    if (chosen) this.draft.rememberLabels(key, [chosen.label]);
    // The caller compares with its own items: hand back the original object, not the marked copy.
    return chosen ? ((await items).find((i) => i.label === chosen.label) ?? chosen) : undefined;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    const key = keyOf(options);
    const chosen = await this.inner.pickMany(withDraftPicks(items, this.draft.labels(key)), options);
    if (!chosen) return undefined;
    const labels = chosen.map((c) => c.label);
    this.draft.rememberLabels(key, labels);
    return items.filter((i) => labels.includes(i.label));
  }

  async input(options: InputOptions): Promise<string | undefined> {
    const key = keyOf(options);
    const value = await this.inner.input({ ...options, value: this.draft.text(key) ?? options.value });
    if (value !== undefined) this.draft.rememberText(key, value);
    return value;
  }

  confirm(message: string, detail: string, action: string): Promise<boolean> {
    return this.inner.confirm(message, detail, action);
  }

  errorChoice(message: string, actions: string[]): Promise<string | undefined> {
    return this.inner.errorChoice(message, actions);
  }
}
