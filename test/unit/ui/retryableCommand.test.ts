// A multi-step command keeps its answers when sending fails: Retry sends the same answers again, Edit
// and Retry walks the prompts again with each earlier answer filled in or picked.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { AbortError, isAbortError } from '../../../src/azure/http/abortableDelay';
import { InputDraft } from '../../../src/ui/inputDraft';
import { askThenSend, type RetryChoice } from '../../../src/ui/retryableCommand';
import type { InputOptions, PickOptions, UserInput } from '../../../src/ui/userInput';

/** Answers each prompt with `answer(title, offered)`, and records what it was offered. */
class FakeInput implements UserInput {
  readonly offered: { title: string; value?: string; picked?: string[] }[] = [];
  constructor(private readonly answer: (title: string, offered: { value?: string; picked?: string[] }) => string | undefined) {}

  async pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    const list = await items;
    const picked = list.filter((i) => i.picked).map((i) => i.label);
    this.offered.push({ title: options.title, picked });
    const label = this.answer(options.title, { picked });
    return list.find((i) => i.label === label);
  }
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    const picked = items.filter((i) => i.picked).map((i) => i.label);
    this.offered.push({ title: options.title, picked });
    const labels = (this.answer(options.title, { picked }) ?? '').split(',');
    return Promise.resolve(items.filter((i) => labels.includes(i.label)));
  }
  input(options: InputOptions): Promise<string | undefined> {
    this.offered.push({ title: options.title, value: options.value });
    return Promise.resolve(this.answer(options.title, { value: options.value }));
  }
  confirm(): Promise<boolean> {
    return Promise.resolve(true);
  }
  errorChoice(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
}

const COLORS = [{ label: 'red' }, { label: 'green' }, { label: 'blue' }];

async function askTwo(input: UserInput): Promise<{ color: string; name: string; secret: string } | undefined> {
  const color = await input.pick(COLORS, { title: 'Color' });
  if (!color) return undefined;
  const name = await input.input({ title: 'Name', value: 'suggested' });
  if (name === undefined) return undefined;
  const secret = await input.input({ title: `Password for ${name}`, key: 'password', password: true });
  if (secret === undefined) return undefined;
  return { color: color.label, name, secret };
}

describe('InputDraft and askThenSend', () => {
  it('offers the last answers as defaults: values filled in, the chosen item picked, keyed prompts found under a new title', async () => {
    const draft = new InputDraft();
    const first = new FakeInput((title) => ({ Color: 'green', Name: 'alice' })[title] ?? 'pw-1');
    assert.deepEqual(await askTwo(draft.over(first)), { color: 'green', name: 'alice', secret: 'pw-1' });
    // Second walk: Enter everywhere (take what is offered), except a new name.
    const second = new FakeInput((title, o) => (title === 'Name' ? 'bob' : (o.value ?? o.picked?.[0])));
    assert.deepEqual(await askTwo(draft.over(second)), { color: 'green', name: 'bob', secret: 'pw-1' });
    assert.deepEqual(second.offered, [
      { title: 'Color', picked: ['green'] },
      { title: 'Name', value: 'alice' },
      { title: 'Password for bob', value: 'pw-1' },
    ]);
  });

  it('leaves items as they are when the draft has no answer for the prompt', async () => {
    const input = new FakeInput((_t, o) => o.value ?? 'red');
    await new InputDraft().over(input).pick([{ label: 'red' }, { label: 'blue', picked: true }], { title: 'Color' });
    assert.deepEqual(input.offered[0].picked, ['blue']);
  });

  it('Retry sends the same answers again without asking; Edit and Retry asks again with them filled in', async () => {
    const sent: unknown[] = [];
    const choices: RetryChoice[] = ['retry', 'edit'];
    const shown: string[] = [];
    const input = new FakeInput((title, o) => (title === 'Color' && !o.picked?.length ? 'blue' : (o.value ?? o.picked?.[0] ?? 'typed')));
    const result = await askThenSend(
      'Save',
      {
        input,
        errors: {
          offerRetry: (action, e) => {
            shown.push(`${action}: ${e instanceof Error ? e.message : String(e)}`);
            return Promise.resolve(choices.shift());
          },
        },
      },
      {
        ask: askTwo,
        send: (answers) => {
          sent.push(answers);
          if (sent.length < 3) return Promise.reject(new Error(`HTTP 500 #${sent.length}`));
          return Promise.resolve('done');
        },
      },
    );
    assert.equal(result, 'done');
    assert.deepEqual(shown, ['Save: HTTP 500 #1', 'Save: HTTP 500 #2']);
    const same = { color: 'blue', name: 'suggested', secret: 'typed' };
    assert.deepEqual(sent, [same, same, same]);
    assert.equal(input.offered.length, 6, 'asked twice: at first and after Edit and Retry, never for Retry');
    assert.deepEqual(input.offered.slice(3), [
      { title: 'Color', picked: ['blue'] },
      { title: 'Name', value: 'suggested' },
      { title: 'Password for suggested', value: 'typed' },
    ]);
  });

  it('dismissing the error ends the command; cancelling a prompt sends nothing', async () => {
    let sends = 0;
    const deps = { input: new FakeInput(() => 'x'), errors: { offerRetry: () => Promise.resolve(undefined) } };
    const failing = { ask: () => Promise.resolve(1), send: () => (sends++, Promise.reject(new Error('no'))) };
    assert.equal(await askThenSend('Save', deps, failing), undefined);
    assert.equal(sends, 1);
    assert.equal(
      await askThenSend('Save', deps, { ask: () => Promise.resolve(undefined), send: () => (sends++, Promise.resolve(2)) }),
      undefined,
    );
    assert.equal(sends, 1);
  });

  it('a request the user cancelled is passed on as the AbortError, without offering Retry', async () => {
    let offered = 0;
    const deps = { input: new FakeInput(() => 'x'), errors: { offerRetry: () => (offered++, Promise.resolve<RetryChoice>('retry')) } };
    await assert.rejects(
      askThenSend('Save', deps, { ask: () => Promise.resolve(1), send: () => Promise.reject(new AbortError()) }),
      (e: unknown) => isAbortError(e),
    );
    assert.equal(offered, 0, 'a cancel is no failure to retry');
  });
});
