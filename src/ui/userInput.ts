// Every prompt a command shows goes through UserInput. In VS Code it is the real quick pick / input
// box / modal; integration tests swap in ScriptedUserInput, which answers from a script, runs the
// input's own validator on each answer, and fails loudly on a prompt nobody expected (instead of
// hanging the test on an invisible dialog).
import * as vscode from 'vscode';

export interface PickOptions extends vscode.QuickPickOptions {
  title: string;
  /** Where a draft keeps this answer, when the title names an earlier answer (defaults to the title). */
  key?: string;
}

export interface InputOptions extends vscode.InputBoxOptions {
  title: string;
  /** Where a draft keeps this answer, when the title names an earlier answer (defaults to the title). */
  key?: string;
}

export interface UserInput {
  pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal confirmation naming what will happen; true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** An error notification with action buttons: the chosen action, or undefined when dismissed. */
  errorChoice(message: string, actions: string[]): Promise<string | undefined>;
}

export class VsCodeUserInput implements UserInput {
  /** A single pick starts on the item marked `picked` (showQuickPick ignores `picked` unless canPickMany),
   *  so Enter keeps the current value instead of taking the first item. */
  async pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = options.title;
    qp.placeholder = options.placeHolder;
    qp.matchOnDescription = options.matchOnDescription ?? false;
    qp.matchOnDetail = options.matchOnDetail ?? false;
    qp.ignoreFocusOut = options.ignoreFocusOut ?? true;
    qp.busy = true;
    const chosen = new Promise<T | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0] ?? qp.activeItems[0]));
      qp.onDidHide(() => resolve(undefined));
    });
    qp.show();
    try {
      const list = await items;
      qp.items = list;
      const picked = list.find((i) => i.picked);
      if (picked) qp.activeItems = [picked];
      qp.busy = false;
      return await chosen;
    } finally {
      qp.dispose();
    }
  }

  async pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    return vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true });
  }

  async input(options: InputOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  }

  async errorChoice(message: string, actions: string[]): Promise<string | undefined> {
    return vscode.window.showErrorMessage(message, ...actions);
  }
}

/** One scripted answer: a label (pick), a value (input), true/false (confirm), or undefined (cancel). */
export interface ScriptedAnswer {
  /** The prompt's title must match, so a script that drifts from the flow fails clearly. */
  title?: RegExp;
  /** Ignored when `accept` is set. */
  answer?: string | boolean | undefined;
  /** Press Enter: keep the filled-in value, or take the picked item (the first when none is picked). */
  accept?: true;
}

/** What a prompt offered before it was answered: its filled-in value (masked for passwords) or picked items. */
export interface OfferedPrompt {
  title: string;
  value?: string;
  picked?: string[];
}

export class ValidationFailed extends Error {
  constructor(
    readonly prompt: string,
    readonly validationMessage: string,
  ) {
    super(`"${prompt}" rejected the answer: ${validationMessage}`);
  }
}

export class ScriptedUserInput implements UserInput {
  private readonly queue: ScriptedAnswer[] = [];
  readonly asked: string[] = [];
  readonly offered: OfferedPrompt[] = [];

  script(...answers: ScriptedAnswer[]): void {
    this.queue.push(...answers);
  }

  get remaining(): number {
    return this.queue.length;
  }

  private next(title: string): ScriptedAnswer {
    this.asked.push(title);
    const a = this.queue.shift();
    if (!a) throw new Error(`Unexpected prompt: "${title}"`);
    if (a.title && !a.title.test(title)) throw new Error(`Prompt "${title}" does not match the scripted ${a.title}`);
    return a;
  }

  async pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    const a = this.next(options.title);
    const list = await items;
    this.offered.push({ title: options.title, picked: list.filter((i) => i.picked).map((i) => i.label) });
    if (a.accept) return list.find((i) => i.picked) ?? list[0];
    if (a.answer === undefined) return undefined;
    const found = list.find((i) => i.label === a.answer) ?? list.find((i) => typeof a.answer === 'string' && i.label.includes(a.answer));
    if (!found) throw new Error(`"${options.title}" offers no "${String(a.answer)}"; it offers: ${list.map((i) => i.label).join(', ')}`);
    return found;
  }

  /** The answer is a comma-separated list of labels. */
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    const a = this.next(options.title);
    this.offered.push({ title: options.title, picked: items.filter((i) => i.picked).map((i) => i.label) });
    if (a.accept) return Promise.resolve(items.filter((i) => i.picked));
    if (a.answer === undefined) return Promise.resolve(undefined);
    const labels = String(a.answer)
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    return Promise.resolve(
      labels.map((label) => {
        const found = items.find((i) => i.label === label);
        if (!found) throw new Error(`"${options.title}" offers no "${label}"; it offers: ${items.map((i) => i.label).join(', ')}`);
        return found;
      }),
    );
  }

  async input(options: InputOptions): Promise<string | undefined> {
    const a = this.next(options.title);
    const filled = options.value === undefined ? undefined : options.password ? '•'.repeat(options.value.length) : options.value;
    this.offered.push({ title: options.title, ...(filled !== undefined ? { value: filled } : {}) });
    if (!a.accept && a.answer === undefined) return undefined;
    const value = a.accept ? (options.value ?? '') : String(a.answer);
    const problem = await options.validateInput?.(value);
    const message = typeof problem === 'string' ? problem : problem?.message;
    if (message) throw new ValidationFailed(options.title, message);
    return value;
  }

  confirm(message: string): Promise<boolean> {
    return Promise.resolve(this.next(message).answer === true);
  }

  /** The answer is the action's label, or undefined to dismiss the notification. */
  errorChoice(message: string, actions: string[]): Promise<string | undefined> {
    const a = this.next(message);
    if (a.answer === undefined) return Promise.resolve(undefined);
    if (typeof a.answer !== 'string' || !actions.includes(a.answer))
      throw new Error(`"${message}" offers no "${String(a.answer)}"; it offers: ${actions.join(', ')}`);
    return Promise.resolve(a.answer);
  }
}

/** What commands hold: the real UserInput, replaceable by a script in tests. */
export class SwitchableUserInput implements UserInput {
  private current: UserInput = new VsCodeUserInput();

  use(input: UserInput | undefined): void {
    this.current = input ?? new VsCodeUserInput();
  }

  pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    return this.current.pick(items, options);
  }

  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    return this.current.pickMany(items, options);
  }

  input(options: InputOptions): Promise<string | undefined> {
    return this.current.input(options);
  }

  confirm(message: string, detail: string, action: string): Promise<boolean> {
    return this.current.confirm(message, detail, action);
  }

  errorChoice(message: string, actions: string[]): Promise<string | undefined> {
    return this.current.errorChoice(message, actions);
  }
}
