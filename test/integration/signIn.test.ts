// Sign-in flows that can be exercised offline: the service principal prompts, their validation, and
// that a secret goes to SecretStorage only (and is dropped when it does not work).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedUserInput, ValidationFailed } from '../../src/ui/userInput';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, waitFor } from './support/extension';

describe('sign-in (real VS Code)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  const script = new ScriptedUserInput();
  const config = () => vscode.workspace.getConfiguration('sqlDataMovement');

  before(async () => {
    api = await activateExtension();
    api.userInput.use(script);
    await config().update('authentication.method', 'servicePrincipal', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('sqlDataMovement.chooseEnvironment', 'AzureCloud');
    api.errors.shown.length = 0;
  });
  after(async () => {
    api.userInput.use(undefined);
    await config().update('authentication.method', undefined, vscode.ConfigurationTarget.Global);
  });

  it('refuses a tenant that is neither a GUID nor a domain', async () => {
    script.script({ title: /tenant/, answer: 'not a tenant' });
    await vscode.commands.executeCommand('sqlDataMovement.signIn');
    const shown = await waitFor('validation', () => api.errors.shown.find((e) => e.error instanceof ValidationFailed));
    assert.match(shown.text, /directory \(tenant\) ID/);
    api.errors.shown.length = 0;
  });

  it('keeps a service principal secret out of settings and state, and drops it when sign-in fails', async () => {
    const secret = 'Sup3r~Secret.Value-123';
    script.script(
      { title: /tenant/, answer: '11111111-2222-3333-4444-555555555555' },
      { title: /client\) ID/, answer: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
      { title: /authenticate/, answer: 'Client secret' },
      { title: /Client secret of/, answer: secret },
    );
    // Each attempt stores its secret under a key of its own: note every key written during this one.
    const written: string[] = [];
    const store = api.secrets.store.bind(api.secrets);
    api.secrets.store = (key: string, value: string) => {
      written.push(key);
      return store(key, value);
    };
    // No network to Entra ID here, so the token request fails: the sign-in must fail cleanly.
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('sqlDataMovement.signIn');
    } finally {
      api.secrets.store = store;
    }
    assert.equal(result, undefined);
    const shown = await waitFor('the sign-in error', () => api.errors.shown.find((e) => /^Sign in failed/.test(e.text)));
    assert.ok(!shown.text.includes(secret), 'the error does not echo the secret');
    assert.equal(api.environment.snapshot().signedIn, false);
    const allSettings = JSON.stringify(config());
    assert.ok(!allSettings.includes(secret), 'not in settings');
    assert.ok(written.length > 0, 'the attempt stored its secret while it was checked');
    for (const key of written) assert.equal(await api.secrets.get(key), undefined, `a secret that did not work is not kept (${key})`);
  });
});
