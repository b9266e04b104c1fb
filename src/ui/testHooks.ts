// A few objects keep what they showed or exchanged (messages posted to a webview, errors shown) so
// integration tests can assert on it, and a panel lets a test act as its page. Nobody reads those
// records in production, so there they stay empty and the hooks refuse: activate() turns them on
// only when VS Code runs the extension for tests or development. Never imports 'vscode'.
let enabled = false;

/** Called by activate() before anything records. */
export function enableTestHooks(on: boolean): void {
  enabled = on;
}

export function testHooksEnabled(): boolean {
  return enabled;
}

/** Appends to a list only tests read; does nothing in production, so the list never grows there. */
export function recordForTests<T>(list: T[], item: T): void {
  if (enabled) list.push(item);
}
