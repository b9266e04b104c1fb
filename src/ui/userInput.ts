// Every prompt a command shows goes through UserInput. In VS Code it is the real quick pick / input
// box / modal; integration tests swap in ScriptedUserInput, which answers from a script, runs the
// input's own validator on each answer, and fails loudly on a prompt nobody expected (instead of
// hanging the test on an invisible dialog).
import * as vscode from 'vscode';

export interface PickOptions extends vscode.QuickPickOptions {
  title: string;
}

export interface InputOptions extends vscode.InputBoxOptions {
  title: string;
}

export interface UserInput {
  pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal confirmation naming what will happen; true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
}

export class VsCodeUserInput implements UserInput {
  async pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options });
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
}

/** One scripted answer: a label (pick), a value (input), true/false (confirm), or undefined (cancel). */
export interface ScriptedAnswer {
  /** The prompt's title must match, so a script that drifts from the flow fails clearly. */
  title?: RegExp;
  answer: string | boolean | undefined;
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
    if (a.answer === undefined) return undefined;
    const list = await items;
    const found = list.find((i) => i.label === a.answer) ?? list.find((i) => typeof a.answer === 'string' && i.label.includes(a.answer));
    if (!found) throw new Error(`"${options.title}" offers no "${String(a.answer)}"; it offers: ${list.map((i) => i.label).join(', ')}`);
    return found;
  }

  /** The answer is a comma-separated list of labels. */
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    const a = this.next(options.title);
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
    if (a.answer === undefined) return undefined;
    const value = String(a.answer);
    const problem = await options.validateInput?.(value);
    const message = typeof problem === 'string' ? problem : problem?.message;
    if (message) throw new ValidationFailed(options.title, message);
    return value;
  }

  confirm(message: string): Promise<boolean> {
    return Promise.resolve(this.next(message).answer === true);
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
}
