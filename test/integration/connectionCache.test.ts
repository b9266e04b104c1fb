// The connection is rebuilt whenever what the credential or the endpoints are made of changes, even
// when the account label shown in the status bar stays the same.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AzureConnection } from '../../src/auth/azureConnection';
import type { EnvironmentKind } from '../../src/environment/environmentKind';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension } from './support/extension';

describe('sign-in connection cache (real VS Code)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let previousKind: EnvironmentKind;
  const config = () => vscode.workspace.getConfiguration('sqlDataMovement');

  /** Sets the account and waits until the environment has told its listeners (when what it shows changed:
   *  with the local emulator running, the account shown stays "emulator" whatever is set). */
  async function setAccount(account: string | undefined): Promise<void> {
    const before = JSON.stringify(api.environment.snapshot());
    let listener: vscode.Disposable | undefined;
    const published = new Promise<void>((resolve) => {
      listener = api.environment.onDidChange(() => resolve());
    });
    api.environment.setAccount(account);
    if (JSON.stringify(api.environment.snapshot()) !== before) await published;
    listener?.dispose();
  }

  async function useEnvironment(kind: EnvironmentKind): Promise<void> {
    await setAccount(undefined);
    await api.environment.setKind(kind);
  }

  function connection(): AzureConnection {
    const current = api.connections.current();
    if (typeof current === 'string') assert.fail(current);
    return current;
  }

  before(async () => {
    api = await activateExtension();
    previousKind = api.environment.kind;
  });
  after(async () => {
    await api.connections.signIns.set('AzureCloud', undefined);
    await api.connections.signIns.set('Custom', undefined);
    await config().update('customEnvironment', undefined, vscode.ConfigurationTarget.Global);
    await useEnvironment(previousKind);
  });

  it('builds a new credential when the same account label signs in to another tenant', async () => {
    await useEnvironment('AzureCloud');
    await api.connections.signIns.set('AzureCloud', { source: { kind: 'azureCli', tenantId: 'tenant-one.example' }, account: 'Azure CLI' });
    await setAccount('Azure CLI');
    const first = connection();
    assert.equal(connection(), first, 'an unchanged sign-in reuses the connection');
    await api.connections.signIns.set('AzureCloud', { source: { kind: 'azureCli', tenantId: 'tenant-two.example' }, account: 'Azure CLI' });
    assert.notEqual(connection(), first);
  });

  it('follows edits to sqlDataMovement.customEnvironment', async () => {
    await config().update(
      'customEnvironment',
      { armEndpoint: 'https://arm-one.example', authorityHost: 'https://login.example' },
      vscode.ConfigurationTarget.Global,
    );
    await useEnvironment('Custom');
    await api.connections.signIns.set('Custom', { source: { kind: 'azureCli' }, account: 'Azure CLI' });
    await setAccount('Azure CLI');
    assert.equal(connection().cloud.armEndpoint, 'https://arm-one.example');
    await config().update(
      'customEnvironment',
      { armEndpoint: 'https://arm-two.example', authorityHost: 'https://login.example' },
      vscode.ConfigurationTarget.Global,
    );
    assert.equal(connection().cloud.armEndpoint, 'https://arm-two.example');
  });
});
