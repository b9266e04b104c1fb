// Sign in and out. The emulator signs in by itself; Azure environments use the method chosen in
// sqlDataMovement.authentication.method: the Microsoft account in VS Code, a service principal
// (secret or certificate kept in SecretStorage only), or the Azure CLI's login.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { createCredential } from '../auth/credentialFactory';
import type { SecretStore } from '../auth/secretStore';
import { vscodeScopes } from '../auth/vscodeSessionCredential';
import type { ConnectionManager } from './connectionManager';
import type { EnvironmentController } from './environmentController';
import { onDidChangeEnvironmentKind } from './environmentSettings';
import type { SignIn, SignInStore } from './signInStore';
import { newServicePrincipalSecretKey, swapSignIn } from './signInTransaction';
import type { ErrorReporter } from '../ui/errorReporter';
import type { UserInput } from '../ui/userInput';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const validateTenant = (v: string) =>
  GUID.test(v.trim()) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v.trim())
    ? undefined
    : 'Enter the directory (tenant) ID, a GUID, or its domain such as contoso.onmicrosoft.com.';
export const validateClientId = (v: string) =>
  GUID.test(v.trim()) ? undefined : 'Enter the application (client) ID: a GUID such as 00000000-0000-0000-0000-000000000000.';

export interface SignInDeps {
  environment: EnvironmentController;
  connections: ConnectionManager;
  signIns: SignInStore;
  secrets: SecretStore;
  input: UserInput;
  errors: ErrorReporter;
}

export function registerSignInCommands(d: SignInDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.signIn',
      d.errors.guard('Sign in', async () => {
        const kind = d.environment.kind;
        if (kind === 'LocalEmulator') return vscode.commands.executeCommand('sqlDataMovement.startEmulator');
        const signIn = await askSignIn(d);
        if (!signIn) return undefined;
        // Prove it works before saying "signed in": get an ARM token now, then swap.
        const cloud = d.connections.cloudFor(kind);
        await swapSignIn(signIn, {
          secrets: d.secrets,
          previous: d.signIns.get(kind),
          verify: async (next) => {
            await createCredential(next.source, { cloud, secrets: d.secrets, sessions: d.connections.sessions }).getToken(cloud.armScope);
          },
          save: (next) => d.signIns.set(kind, next),
        });
        d.connections.invalidate();
        d.environment.setAccount(signIn.account);
        return signIn.account;
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.signOut',
      d.errors.guard('Sign out', async () => {
        const kind = d.environment.kind;
        const signIn = d.signIns.get(kind);
        if (signIn && 'secretKey' in signIn.source) await d.secrets.delete(signIn.source.secretKey);
        await d.signIns.set(kind, undefined);
        d.connections.invalidate();
        d.environment.setAccount(undefined);
        return true;
      }),
    ),
    // The controller forgets the account on every switch; the environment switched to may have its own.
    onDidChangeEnvironmentKind(() => {
      void restoreSignIn(d).catch((e: unknown) => d.errors.show('Restore the sign-in', e));
    }),
  ];
}

/** Restores the saved sign-in of the current environment after a reload or a switch, without prompting. */
export async function restoreSignIn(d: Pick<SignInDeps, 'environment' | 'signIns' | 'connections'>): Promise<void> {
  const kind = d.environment.kind;
  const saved = d.signIns.get(kind);
  if (!saved) return;
  if (saved.source.kind === 'vscodeAccount') {
    const provider = d.connections.cloudFor(kind).vscodeAuthProviderId;
    const session =
      provider &&
      (await vscode.authentication.getSession(provider, vscodeScopes(d.connections.cloudFor(kind).armScope, saved.source.tenantId), {
        silent: true,
      }));
    // Switched again while VS Code looked for the session: this sign-in is not the current one anymore.
    if (!session || d.environment.kind !== kind) return;
  }
  d.environment.setAccount(saved.account);
}

async function askSignIn(d: SignInDeps): Promise<SignIn | undefined> {
  const config = vscode.workspace.getConfiguration('sqlDataMovement.authentication');
  const method = config.get<string>('method', 'microsoftAccount');
  const tenantSetting = config.get<string>('tenant') || undefined;
  const cloud = d.connections.cloudFor(d.environment.kind);
  if (method === 'azureCli') return { source: { kind: 'azureCli', tenantId: tenantSetting }, account: 'Azure CLI' };
  if (method === 'servicePrincipal') {
    const tenantId = await d.input.input({
      title: 'Directory (tenant) ID of the service principal',
      value: tenantSetting,
      validateInput: validateTenant,
    });
    if (!tenantId) return undefined;
    const clientId = await d.input.input({ title: 'Application (client) ID', validateInput: validateClientId });
    if (!clientId) return undefined;
    const how = await d.input.pick([{ label: 'Client secret' }, { label: 'Certificate (PEM file with its private key)' }], {
      title: 'How does the service principal authenticate?',
    });
    if (!how) return undefined;
    const secretKey = newServicePrincipalSecretKey(tenantId.trim(), clientId.trim());
    if (how.label === 'Client secret') {
      const secret = await d.input.input({
        title: `Client secret of ${clientId}`,
        password: true,
        validateInput: (v) => (v ? undefined : 'Enter the client secret.'),
      });
      if (!secret) return undefined;
      await d.secrets.store(secretKey, secret);
      return {
        source: { kind: 'servicePrincipalSecret', tenantId: tenantId.trim(), clientId: clientId.trim(), secretKey },
        account: `app ${clientId.trim()}`,
      };
    }
    const file = await vscode.window.showOpenDialog({
      title: 'Certificate with private key (PEM)',
      filters: { 'PEM certificate': ['pem'] },
      canSelectMany: false,
    });
    if (!file?.[0]) return undefined;
    const pem = fs.readFileSync(file[0].fsPath, 'utf8');
    if (!/BEGIN CERTIFICATE/.test(pem) || !/PRIVATE KEY/.test(pem))
      throw new Error('That file is not a PEM with both the certificate and its private key.');
    await d.secrets.store(secretKey, pem);
    return {
      source: { kind: 'servicePrincipalCertificate', tenantId: tenantId.trim(), clientId: clientId.trim(), secretKey },
      account: `app ${clientId.trim()}`,
    };
  }
  if (!cloud.vscodeAuthProviderId)
    throw new Error(
      `${cloud.displayName} does not support signing in with a VS Code account; set sqlDataMovement.authentication.method to servicePrincipal or azureCli.`,
    );
  const session = await vscode.authentication.getSession(cloud.vscodeAuthProviderId, vscodeScopes(cloud.armScope, tenantSetting), {
    createIfNone: true,
  });
  return { source: { kind: 'vscodeAccount', tenantId: tenantSetting }, account: session.account.label };
}
