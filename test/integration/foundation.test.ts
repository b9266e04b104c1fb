import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, EXTENSION_ID, screenshot, waitFor } from './support/extension';

describe('foundation (real VS Code)', () => {
  let api: ExtensionApi;

  before(async () => {
    await vscode.workspace.getConfiguration('sqlDataMovement').update('environment', 'AzureCloud', vscode.ConfigurationTarget.Global);
    api = await activateExtension();
  });

  it('runs in a Node extension host with the real vscode API', () => {
    assert.match(vscode.version, /^1\.\d+/);
    assert.equal(typeof process.versions.node, 'string');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('activates after start-up (never on "*"), on its own views, commands and restored panels', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { activationEvents?: string[] };
    const events = pkg.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'never delays VS Code start-up');
    // The environment item belongs in the status bar from start-up, not only once a view is opened.
    assert.ok(events.includes('onStartupFinished'));
    for (const e of events) assert.match(e, /^(onStartupFinished|onWebviewPanel:sqlDataMovement\.)/);
  });

  it('contributes one container with the five views, each with welcome content', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { views: Record<string, { id: string; name: string }[]>; viewsWelcome: { view: string; contents: string }[] };
    };
    assert.deepEqual(
      pkg.contributes.views.sqlDataMovement.map((v) => v.name),
      ['SQL Data Sync', 'Fabric Mirroring', 'Backup', 'Estate Health', 'Operations'],
    );
    for (const id of api.viewIds)
      assert.ok(
        pkg.contributes.viewsWelcome.some((w) => w.view === id),
        `welcome content for ${id}`,
      );
    const dataSyncWelcome = pkg.contributes.viewsWelcome
      .filter((w) => w.view === 'sqlDataMovement.dataSync')
      .map((w) => w.contents)
      .join('\n');
    assert.match(dataSyncWelcome, /command:sqlDataMovement\.signIn/);
    assert.match(dataSyncWelcome, /command:sqlDataMovement\.chooseEnvironment/);
    assert.match(dataSyncWelcome, /command:sqlDataMovement\.startEmulator/);
    assert.match(dataSyncWelcome, /30 September 2027/);
  });

  it('registers its commands, and every contributed command has a handler', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of pkg.contributes.commands) assert.ok(all.has(command), `${command} is registered`);
  });

  it('opens its view container and focuses each view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.sqlDataMovement');
    for (const id of api.viewIds) await vscode.commands.executeCommand(`${id}.focus`);
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    await screenshot('integration-views-welcome');
  });

  it('shows the environment in the status bar and follows a change of environment', async () => {
    assert.match(api.environmentStatusBar.text, /Azure \(signed out\)/);
    assert.equal(api.environmentStatusBar.command, 'sqlDataMovement.chooseEnvironment');
    await vscode.commands.executeCommand('sqlDataMovement.chooseEnvironment', 'AzureUSGovernment');
    assert.equal(vscode.workspace.getConfiguration('sqlDataMovement').get('environment'), 'AzureUSGovernment');
    await waitFor('status bar to show US Government', () => /Azure US Government/.test(api.environmentStatusBar.text));
    await vscode.commands.executeCommand('sqlDataMovement.chooseEnvironment', 'AzureCloud');
    await waitFor('status bar back to Azure', () => /^\$\(azure\) Azure \(signed out\)$/.test(api.environmentStatusBar.text));
  });

  it('opens a webview with a strict CSP whose vscode-elements script runs without violations', async () => {
    await vscode.commands.executeCommand('sqlDataMovement.showGettingStarted');
    const ready = await waitFor('the webview to post ready', () => api.gettingStarted.lastReady, 30_000);
    assert.deepEqual(ready.elements, ['vscode-button', 'vscode-badge', 'vscode-divider']);
    const html = api.gettingStarted.show().webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'script nonce');
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
    assert.equal(
      (html.match(/<script /g) ?? []).length,
      (html.match(new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`, 'g')) ?? []).length,
      'every script carries the nonce',
    );
    assert.deepEqual(api.gettingStarted.cspViolations, []);
    await screenshot('integration-getting-started');
  });

  it('tells the truth about which services this version has', async () => {
    await vscode.commands.executeCommand('sqlDataMovement.showGettingStarted');
    const rendered = await waitFor('the page to render its service list', () => api.gettingStarted.lastRendered, 30_000);
    const line = (name: string): string =>
      rendered.find((text) => text.startsWith(name)) ?? assert.fail(`no line for ${name}: ${rendered.join(' | ')}`);
    assert.equal(rendered.length, 4);
    assert.match(line('SQL Data Sync'), /retires on 30 September 2027/);
    assert.doesNotMatch(line('SQL Data Sync'), /Not available/);
    assert.doesNotMatch(line('Operations'), /Not available/);
    assert.doesNotMatch(line('Fabric Mirroring'), /Not available/);
    assert.doesNotMatch(line('Backup'), /Not available/);
    assert.match(line('Backup'), /back up now/);
  });
});
