// Switching environment brings back the sign-in saved for the environment switched to, without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EnvironmentKind } from '../../src/environment/environmentKind';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, waitFor } from './support/extension';

describe('sign-in across environment switches (real VS Code)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let previousKind: EnvironmentKind;

  const choose = (kind: EnvironmentKind) => vscode.commands.executeCommand('sqlDataMovement.chooseEnvironment', kind);
  const account = (kind: EnvironmentKind, expected: string | undefined) =>
    waitFor(`${kind} with account ${expected ?? '(none)'}`, () => {
      const snap = api.environment.snapshot();
      return snap.kind === kind && snap.account === expected ? snap : undefined;
    });

  before(async () => {
    api = await activateExtension();
    previousKind = api.environment.kind;
    await api.connections.signIns.set('AzureCloud', { source: { kind: 'azureCli', tenantId: 'public.example' }, account: 'CLI public' });
    await api.connections.signIns.set('AzureUSGovernment', { source: { kind: 'azureCli', tenantId: 'gov.example' }, account: 'CLI gov' });
    await api.connections.signIns.set('AzureChinaCloud', undefined);
  });
  after(async () => {
    await api.connections.signIns.set('AzureCloud', undefined);
    await api.connections.signIns.set('AzureUSGovernment', undefined);
    api.environment.setAccount(undefined);
    await choose(previousKind);
  });

  it('restores the saved sign-in of each environment switched to', async () => {
    await choose('AzureChinaCloud');
    await account('AzureChinaCloud', undefined);
    await choose('AzureCloud');
    await account('AzureCloud', 'CLI public');
    await choose('AzureUSGovernment');
    const gov = await account('AzureUSGovernment', 'CLI gov');
    assert.equal(gov.signedIn, true);
    await choose('AzureChinaCloud');
    const china = await account('AzureChinaCloud', undefined);
    assert.equal(china.signedIn, false, 'an environment without a saved sign-in stays signed out');
    await choose('AzureCloud');
    await account('AzureCloud', 'CLI public');
  });
});
