// Service principal (client secret or certificate) and Azure CLI through @azure/identity. The secret
// or certificate PEM is read from the SecretStore only when a token is first needed, so nothing
// secret sits in settings or in memory longer than the credential. The identity client talks to the
// cloud's authority through our node-fetch transport and agent, so the emulator's certificate is
// trusted exactly; instance discovery is disabled where Entra cannot vouch for the authority.
import type https from 'node:https';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import type { AzureCloud } from '../azure/clouds';
import { createNodeFetchHttpClient } from '../azure/http/nodeFetchHttpClient';
import { requireSecret, type SecretStore } from './secretStore';

export interface ServicePrincipalOptions {
  cloud: AzureCloud;
  tenantId: string;
  clientId: string;
  secrets: SecretStore;
  /** SecretStore key of the client secret (secret) or of the PEM with private key (certificate). */
  secretKey: string;
  agent?: https.Agent;
}

function identityOptions(cloud: AzureCloud, agent: https.Agent | undefined) {
  return {
    authorityHost: cloud.authorityHost,
    disableInstanceDiscovery: cloud.disableInstanceDiscovery,
    httpClient: createNodeFetchHttpClient({ agent }),
    // Only the tenant the user chose; never let a challenge redirect us to another one.
    additionallyAllowedTenants: [] as string[],
  };
}

export function createClientSecretCredential(options: ServicePrincipalOptions): TokenCredential {
  return new LazyCredential(
    async () =>
      new ClientSecretCredential(
        options.tenantId,
        options.clientId,
        await requireSecret(options.secrets, options.secretKey, 'The client secret'),
        identityOptions(options.cloud, options.agent),
      ),
  );
}

export function createClientCertificateCredential(options: ServicePrincipalOptions): TokenCredential {
  return new LazyCredential(
    async () =>
      new ClientCertificateCredential(
        options.tenantId,
        options.clientId,
        { certificate: await requireSecret(options.secrets, options.secretKey, 'The client certificate') },
        identityOptions(options.cloud, options.agent),
      ),
  );
}

/** Uses the user's `az login`. The CLI talks to Entra itself, so no agent applies. */
export function createAzureCliCredential(tenantId?: string): TokenCredential {
  return new AzureCliCredential(tenantId ? { tenantId } : {});
}

/** Builds the real credential on first use (after reading its secret). */
class LazyCredential implements TokenCredential {
  private credential: Promise<TokenCredential> | undefined;

  constructor(private readonly create: () => Promise<TokenCredential>) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.credential ??= this.create().catch((err: unknown) => {
      this.credential = undefined; // let the user store the secret and try again
      throw err;
    });
    return (await this.credential).getToken(scopes, options);
  }
}
