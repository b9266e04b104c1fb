// Shared helpers for the integration suites: the activated extension's API and polling waits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extensionApi';

export const EXTENSION_ID = 'sql-data-movement.azure-sql-data-movement';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  assert.ok(api, 'the test handle is returned (the extension runs in test mode)');
  return api;
}

/** Polls until fn returns a truthy value; fails with `what` after ms. */
export async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Asks the harness to screenshot the live workbench (it watches the extension host's log). */
export async function screenshot(name: string): Promise<void> {
  console.log(`[sqldm] screenshot:${name}`);
  await new Promise((r) => setTimeout(r, 800));
}
