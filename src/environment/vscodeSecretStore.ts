// The SecretStore the auth layer reads, backed by VS Code's SecretStorage (the OS keychain):
// the only place a secret is persisted.
import type * as vscode from 'vscode';
import type { SecretStore } from '../auth/secretStore';

export class VsCodeSecretStore implements SecretStore {
  constructor(private readonly storage: vscode.SecretStorage) {}
  async get(key: string): Promise<string | undefined> {
    return this.storage.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    await this.storage.store(key, value);
  }
  async delete(key: string): Promise<void> {
    await this.storage.delete(key);
  }
}
