// One entry point: a credential description (persistable, no secrets) → a cached TokenCredential.
import type https from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import type { AzureCloud } from '../azure/clouds';
import { CachingCredential } from './cachingCredential';
import { EmulatorCredential } from './emulatorCredential';
import {
  createAzureCliCredential,
  createClientCertificateCredential,
  createClientSecretCredential,
  type ServicePrincipalOptions,
} from './identityCredentials';
import type { SecretStore } from './secretStore';
import { VsCodeAccountCredential, type SessionProvider } from './vscodeSessionCredential';

/** How the user signs in. Safe to persist: secrets are referenced by SecretStore key only. */
export type CredentialSource =
  | { kind: 'vscodeAccount'; tenantId?: string }
  | { kind: 'servicePrincipalSecret'; tenantId: string; clientId: string; secretKey: string }
  | { kind: 'servicePrincipalCertificate'; tenantId: string; clientId: string; secretKey: string }
  | { kind: 'azureCli'; tenantId?: string }
  | { kind: 'emulator'; tenantId: string; clientId: string; secretKey: string };

export interface CredentialDeps {
  cloud: AzureCloud;
  secrets: SecretStore;
  /** Agent for identity HTTP (the emulator's, trusting its certificate). */
  agent?: https.Agent;
  /** VS Code's authentication (vscodeAuthentication.ts); required for vscodeAccount. */
  sessions?: SessionProvider;
  /** Refresh margin for the token cache (default 5 min). */
  refreshMarginMs?: number;
}

export function createCredential(source: CredentialSource, deps: CredentialDeps): CachingCredential {
  return new CachingCredential(createRawCredential(source, deps), { refreshMarginMs: deps.refreshMarginMs });
}

function createRawCredential(source: CredentialSource, deps: CredentialDeps): TokenCredential {
  const { cloud, secrets, agent } = deps;
  switch (source.kind) {
    case 'vscodeAccount': {
      if (!deps.sessions) throw new Error('VS Code account sign-in is only available inside VS Code.');
      if (!cloud.vscodeAuthProviderId)
        throw new Error(`${cloud.displayName} does not support VS Code account sign-in; use a service principal.`);
      return new VsCodeAccountCredential(deps.sessions, { providerId: cloud.vscodeAuthProviderId, tenantId: source.tenantId });
    }
    case 'servicePrincipalSecret':
    case 'servicePrincipalCertificate': {
      // The two differ only in what the stored secret holds: a client secret or a PEM certificate.
      const options: ServicePrincipalOptions = {
        cloud,
        tenantId: source.tenantId,
        clientId: source.clientId,
        secrets,
        secretKey: source.secretKey,
        agent,
      };
      return source.kind === 'servicePrincipalSecret' ? createClientSecretCredential(options) : createClientCertificateCredential(options);
    }
    case 'azureCli':
      return createAzureCliCredential(source.tenantId);
    case 'emulator':
      return new EmulatorCredential({
        authorityHost: cloud.authorityHost,
        tenantId: source.tenantId,
        clientId: source.clientId,
        secrets,
        secretKey: source.secretKey,
        agent,
      });
  }
}
