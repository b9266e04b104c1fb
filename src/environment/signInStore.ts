// How the user signed in to an Azure environment, remembered in globalState so a reload restores it.
// Secrets are not here: a service principal's secret or certificate lives in SecretStorage under
// `secretKey`, and this record only names that key.
import type * as vscode from 'vscode';
import type { CredentialSource } from '../auth/credentialFactory';
import type { EnvironmentKind } from './environmentKind';

export interface SignIn {
  source: Exclude<CredentialSource, { kind: 'emulator' }>;
  /** What the status bar shows: the account, the app id, or "Azure CLI". */
  account: string;
}

const key = (kind: EnvironmentKind) => `sqlDataMovement.signIn:${kind}`;

export class SignInStore {
  constructor(private readonly state: vscode.Memento) {}

  get(kind: EnvironmentKind): SignIn | undefined {
    return this.state.get<SignIn>(key(kind));
  }

  async set(kind: EnvironmentKind, signIn: SignIn | undefined): Promise<void> {
    await this.state.update(key(kind), signIn);
  }
}
