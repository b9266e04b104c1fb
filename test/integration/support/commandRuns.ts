// Running a command the way a user does and checking what it showed: `run` expects no error and every
// scripted answer used; `refused` expects exactly one error shown (its text returned).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extensionApi';
import type { ScriptedUserInput } from '../../../src/ui/userInput';

export interface CommandRuns {
  run: <T>(command: string, ...args: unknown[]) => Promise<T>;
  refused: (command: string, ...args: unknown[]) => Promise<string>;
}

export function commandRuns(api: () => ExtensionApi, script: ScriptedUserInput): CommandRuns {
  return {
    async run<T>(command: string, ...args: unknown[]): Promise<T> {
      const before = api().errors.shown.length;
      const result = await vscode.commands.executeCommand<T>(command, ...args);
      const shown = api()
        .errors.shown.slice(before)
        .map((e) => e.text);
      assert.deepEqual(shown, [], `no error shown by ${command}`);
      assert.equal(script.remaining, 0, `every scripted answer was used by ${command} (asked: ${script.asked.join(' | ')})`);
      return result;
    },
    async refused(command: string, ...args: unknown[]): Promise<string> {
      const before = api().errors.shown.length;
      await vscode.commands.executeCommand(command, ...args);
      const shown = api().errors.shown.slice(before);
      assert.equal(shown.length, 1, `${command} showed one error`);
      assert.equal(script.remaining, 0, `every scripted answer was used (asked: ${script.asked.join(' | ')})`);
      return shown[0].text;
    },
  };
}
