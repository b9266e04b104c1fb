// Builds real pipelines/clients pointed at the HTTPS test server, with tiny backoff so tests are fast.
import { AzureClient } from '../../../src/azure/http/azureClient';
import { createAzurePipeline } from '../../../src/azure/http/pipeline';
import type { RetryOptions } from '../../../src/azure/http/retryPolicy';
import type { RequestLogger } from '../../../src/azure/http/requestLogger';
import { customCloud } from '../../../src/azure/clouds';
import type { HttpsTestServer } from './httpsTestServer';
import { RecordingCredential } from './fakeCredential';
import type { TokenCredential } from '@azure/core-auth';
import type { Agent } from 'node:https';

export const FAST_RETRY: RetryOptions = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 5_000 };

export interface TestClientOptions {
  audience?: 'arm' | 'fabric';
  retry?: RetryOptions;
  logger?: RequestLogger;
  maxConcurrencyPerHost?: number;
  credential?: TokenCredential;
  /** Defaults to the server's agent (no keep-alive, so tests leave no sockets open). */
  agent?: Agent;
  additionalTrustedHosts?: string[];
}

export function testCloud(server: HttpsTestServer) {
  return customCloud({ name: 'test', armEndpoint: server.origin, authorityHost: server.origin, fabricEndpoint: `${server.origin}/v1` });
}

export function testClient(server: HttpsTestServer, options: TestClientOptions = {}): AzureClient {
  return new AzureClient(
    createAzurePipeline({
      cloud: testCloud(server),
      credential: options.credential ?? new RecordingCredential(),
      audience: options.audience ?? 'arm',
      agent: options.agent ?? server.agent,
      retry: options.retry ?? FAST_RETRY,
      logger: options.logger,
      maxConcurrencyPerHost: options.maxConcurrencyPerHost,
      additionalTrustedHosts: options.additionalTrustedHosts,
    }),
  );
}
