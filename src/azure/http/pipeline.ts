// The one factory for HTTP pipelines. Order (outermost first):
//   trusted host (token only to the endpoint) → client request id → retry (backoff, Retry-After, caps)
//   → bearer token (+ claims / invalid_token challenge) → ARM only: token-bucket pacing per subscription
//   → per-host concurrency limit → logging (every attempt) → node-fetch transport with the cloud's agent
// The bearer policy sits inside retry so a retried request re-reads a possibly refreshed token; the
// pacer and the concurrency limit sit inside retry so waiting out a backoff never holds a slot.
import https from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import { createEmptyPipeline, setClientRequestIdPolicy, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import { baseUrlFor, scopeFor, type AzureCloud, type ServiceAudience } from '../clouds';
import { ArmPacer, type ArmPacingLimits } from './armPacer';
import { armPacingPolicy } from './armPacingPolicy';
import { bearerAuthPolicy } from './bearerAuthPolicy';
import { hostConcurrencyPolicy } from './hostConcurrencyPolicy';
import { loggingPolicy } from './loggingPolicy';
import { createNodeFetchHttpClient } from './nodeFetchHttpClient';
import type { RequestLogger } from './requestLogger';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './requestTimeout';
import { retryPolicy, type RetryOptions } from './retryPolicy';
import { trustedHostPolicy } from './trustedHostPolicy';

export interface AzurePipelineOptions {
  cloud: AzureCloud;
  credential: TokenCredential;
  audience: ServiceAudience;
  /** Overrides the agent derived from the cloud (the emulator's trusts its certificate). */
  agent?: https.Agent;
  logger?: RequestLogger;
  retry?: RetryOptions;
  /** Requests in flight per host. Default 8 for Fabric, 32 for ARM (where the pacer is what keeps us under ARM's limits). */
  maxConcurrencyPerHost?: number;
  /** ARM's token buckets as the pacer assumes them (default: the documented limits); false = no pacing. */
  armPacing?: ArmPacingLimits | false;
  /** Hosts besides the endpoint's own (and its subdomains) that may receive our token. */
  additionalTrustedHosts?: string[];
  /** Per-attempt timeout of every request (a request's own timeoutMs wins). Default 30 s: calls are interactive. */
  requestTimeoutMs?: number;
}

export interface AzurePipeline {
  readonly pipeline: Pipeline;
  readonly httpClient: HttpClient;
  readonly baseUrl: string;
  readonly scope: string;
  readonly audience: ServiceAudience;
  /** Per-attempt timeout for requests that do not set their own. */
  readonly requestTimeoutMs: number;
  /** ARM pipelines: the token-bucket pacer (its stats count requests, waits and 429s). */
  readonly pacer?: ArmPacer;
}

export function createAzurePipeline(options: AzurePipelineOptions): AzurePipeline {
  const scope = scopeFor(options.cloud, options.audience);
  const pipeline = createEmptyPipeline();
  const baseUrl = baseUrlFor(options.cloud, options.audience);
  pipeline.addPolicy(trustedHostPolicy([new URL(baseUrl).host, ...(options.additionalTrustedHosts ?? [])]));
  pipeline.addPolicy(setClientRequestIdPolicy('x-ms-client-request-id'));
  pipeline.addPolicy(retryPolicy(options.retry));
  pipeline.addPolicy(bearerAuthPolicy(options.credential, scope));
  const pacer = options.audience === 'arm' && options.armPacing !== false ? new ArmPacer(options.armPacing) : undefined;
  if (pacer) pipeline.addPolicy(armPacingPolicy(pacer));
  pipeline.addPolicy(hostConcurrencyPolicy(options.maxConcurrencyPerHost ?? (pacer ? 32 : 8)));
  if (options.logger) pipeline.addPolicy(loggingPolicy(options.logger));
  return {
    pipeline,
    httpClient: createNodeFetchHttpClient({ agent: options.agent ?? agentForCloud(options.cloud) }),
    baseUrl,
    scope,
    audience: options.audience,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    pacer,
  };
}

/** An agent trusting exactly the cloud's certificate when it has one (emulator); else Node's defaults. */
export function agentForCloud(cloud: AzureCloud): https.Agent | undefined {
  return cloud.trustedCertificate ? new https.Agent({ ca: cloud.trustedCertificate, keepAlive: true }) : undefined;
}
