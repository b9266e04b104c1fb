// package.json is read by VS Code with a JSON parser where a repeated key silently replaces the earlier
// one, so a merge that leaves two "command" keys in one menu entry hides a command without any error.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { visit } from 'jsonc-parser';

function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Array<Set<string>> = [];
  visit(text, {
    onObjectBegin: () => {
      stack.push(new Set());
    },
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (name, offset) => {
      const keys = stack.at(-1);
      if (keys?.has(name)) found.push(`"${name}" at offset ${offset}`);
      keys?.add(name);
    },
  });
  return found;
}

describe('package.json manifest', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8');

  it('has no key twice in one object', () => {
    assert.deepEqual(duplicateKeys(text), []);
  });

  it('finds a repeated key (the check itself works)', () => {
    assert.deepEqual(duplicateKeys('{"a":{"command":"x","command":"y"}}'), ['"command" at offset 20']);
  });

  it('lists every command a menu names among the contributed commands', () => {
    const manifest = JSON.parse(text) as {
      contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command?: string }>> };
    };
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    const unknown = Object.values(manifest.contributes.menus)
      .flat()
      .map((m) => m.command)
      .filter((c): c is string => c !== undefined && !declared.has(c));
    assert.deepEqual(unknown, []);
  });
});
