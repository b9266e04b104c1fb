// Client-credentials sign-in against the local emulator's token endpoint:
//   POST {authority}/{tenant}/oauth2/v2.0/token
//   grant_type=client_credentials&client_id=…&client_secret=…&scope=…
//   → {token_type, access_token, expires_in}
// Sent through our node-fetch client with the emulator's agent (its certificate trusted exactly).
import type https from 'node:https';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { createEmptyPipeline, createHttpHeaders, createPipelineRequest, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import { createNodeFetchHttpClient } from '../azure/http/nodeFetchHttpClient';
import { errorFromResponse } from '../azure/http/parseErrorBody';
import { retryPolicy, type RetryOptions } from '../azure/http/retryPolicy';
import { requestIdsFrom } from '../azure/http/requestIds';
import { requireSecret, type SecretStore } from './secretStore';

export interface EmulatorCredentialOptions {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  secrets: SecretStore;
  /** SecretStore key of the client secret. */
  secretKey: string;
  agent?: https.Agent;
  /** Retries for the token request (429/5xx/resets), like every other call. */
  retry?: RetryOptions;
}

export class EmulatorCredential implements TokenCredential {
  private readonly http: HttpClient;
  private readonly pipeline: Pipeline;

  constructor(private readonly options: EmulatorCredentialOptions) {
    this.http = createNodeFetchHttpClient({ agent: options.agent });
    this.pipeline = createEmptyPipeline();
    this.pipeline.addPolicy(retryPolicy(options.retry));
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const secret = await requireSecret(this.options.secrets, this.options.secretKey, 'The emulator client secret');
    const tenant = encodeURIComponent(options.tenantId ?? this.options.tenantId);
    const url = `${this.options.authorityHost.replace(/\/+$/, '')}/${tenant}/oauth2/v2.0/token`;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: secret,
      scope: (Array.isArray(scopes) ? scopes : [scopes]).join(' '),
    });
    if (options.claims) form.set('claims', options.claims);
    const request = createPipelineRequest({
      url,
      method: 'POST',
      body: form.toString(),
      abortSignal: options.abortSignal,
      headers: createHttpHeaders({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
    });
    const response = await this.pipeline.sendRequest(this.http, request);
    if (response.status !== 200) {
      throw errorFromResponse(response.status, response.bodyAsText ?? '', requestIdsFrom(request.headers, response.headers), {
        name: 'Sign in to the emulator',
        method: 'POST',
        url,
      });
    }
    const body = JSON.parse(response.bodyAsText ?? '{}') as { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
    if (typeof body.access_token !== 'string' || !body.access_token)
      throw new Error('The emulator token endpoint answered without an access_token.');
    const lifetimeSeconds = Number(body.expires_in);
    return {
      token: body.access_token,
      expiresOnTimestamp: Date.now() + (Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0 ? lifetimeSeconds : 3600) * 1000,
      tokenType: 'Bearer',
    };
  }
}
