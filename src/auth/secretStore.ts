// Where secrets live: the extension backs this with VS Code SecretStorage; tests and the CLI use the
// in-memory one. Nothing else in the code base may persist a secret.

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export class InMemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }
  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}

/** Reads a secret that must exist, with a message that tells the user what to do. */
export async function requireSecret(store: SecretStore, key: string, what: string): Promise<string> {
  const value = await store.get(key);
  if (!value) throw new Error(`${what} is not stored on this machine. Sign in again to enter it.`);
  return value;
}
