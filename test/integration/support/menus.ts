// Reads the extension's own menu contributions and evaluates their `when` clauses for a tree item, as
// far as view item menus use them (`view`/`viewItem` with `==` or `=~ /regex/`, joined by `&&`).
import * as vscode from 'vscode';
import { EXTENSION_ID } from './extension';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

function clauseHolds(clause: string, context: Record<string, string>): boolean {
  const eq = /^(\w+) == (.+)$/.exec(clause);
  if (eq) return context[eq[1]] === eq[2];
  const match = /^(\w+) =~ \/(.*)\/(\w*)$/.exec(clause);
  if (match) return context[match[1]] !== undefined && new RegExp(match[2], match[3]).test(context[match[1]]);
  throw new Error(`this test helper cannot evaluate "${clause}"`);
}

/** The context-menu entries (command and group) VS Code shows for an item of `view` with `contextValue`. */
export function itemMenu(view: string, contextValue: string): MenuEntry[] {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, MenuEntry[]> } };
  const context = { view, viewItem: contextValue };
  return pkg.contributes.menus['view/item/context'].filter((m) =>
    (m.when ?? 'true').split(' && ').every((c) => c === 'true' || clauseHolds(c.trim(), context)),
  );
}
