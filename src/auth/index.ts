// Credential sources behind one TokenCredential. vscodeAuthentication.ts (the only file importing
// 'vscode') is deliberately NOT re-exported here, so this barrel stays usable in plain Node.
export { createCredential, type CredentialSource, type CredentialDeps } from './credentialFactory';
export { createAzureConnection, type AzureConnection, type AzureConnectionOptions } from './azureConnection';
export { CachingCredential } from './cachingCredential';
export { EmulatorCredential } from './emulatorCredential';
export { InMemorySecretStore, type SecretStore } from './secretStore';
export { NotSignedInError } from './notSignedInError';
export { VsCodeAccountCredential, type SessionProvider, type SessionRequest } from './vscodeSessionCredential';
