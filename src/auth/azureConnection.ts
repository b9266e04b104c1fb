// Everything needed to talk to one cloud as one identity: the credential (cached per audience), the
// agent (trusting the emulator's certificate exactly) and an AzureClient per service. This is what
// the extension builds per account; for the emulator:
//   createAzureConnection({ cloud: emulatorCloud(printedJson), source: { kind: 'emulator', … }, secrets })
import https from 'node:https';
import type { AzureCloud } from '../azure/clouds';
import { AzureClient } from '../azure/http/azureClient';
import type { ArmPacingLimits } from '../azure/http/armPacer';
import { agentForCloud, createAzurePipeline } from '../azure/http/pipeline';
import type { RequestLogger } from '../azure/http/requestLogger';
import type { SentRequestLog } from '../azure/http/sentRequests';
import type { RetryOptions } from '../azure/http/retryPolicy';
import type { CachingCredential } from './cachingCredential';
import { createCredential, type CredentialSource } from './credentialFactory';
import type { SecretStore } from './secretStore';
import type { SessionProvider } from './vscodeSessionCredential';

export interface AzureConnectionOptions {
  cloud: AzureCloud;
  source: CredentialSource;
  secrets: SecretStore;
  sessions?: SessionProvider;
  logger?: RequestLogger;
  retry?: RetryOptions;
  maxConcurrencyPerHost?: number;
  /** ARM's token buckets as the pacer assumes them (default: the documented limits); false = no pacing. */
  armPacing?: ArmPacingLimits | false;
  /** Per-attempt request timeout (default 30 s). */
  requestTimeoutMs?: number;
  /** Overrides the cloud's agent (e.g. VS Code's proxy agent with the emulator CA added). */
  agent?: https.Agent;
  /** Remembers the requests sent (redacted) for "Copy as REST Request". */
  sentRequests?: SentRequestLog;
}

export interface AzureConnection {
  cloud: AzureCloud;
  credential: CachingCredential;
  arm: AzureClient;
  /** Undefined where the cloud has no Fabric endpoint. */
  fabric?: AzureClient;
  /** Closes pooled sockets (call on sign-out / deactivate). */
  dispose(): void;
}

export function createAzureConnection(options: AzureConnectionOptions): AzureConnection {
  const agent = options.agent ?? agentForCloud(options.cloud);
  const credential = createCredential(options.source, {
    cloud: options.cloud,
    secrets: options.secrets,
    sessions: options.sessions,
    agent,
  });
  const common = {
    cloud: options.cloud,
    credential,
    agent,
    logger: options.logger,
    retry: options.retry,
    maxConcurrencyPerHost: options.maxConcurrencyPerHost,
    armPacing: options.armPacing,
    requestTimeoutMs: options.requestTimeoutMs,
  };
  return {
    cloud: options.cloud,
    credential,
    arm: new AzureClient(createAzurePipeline({ ...common, audience: 'arm' }), options.sentRequests),
    fabric: options.cloud.fabricApiBase
      ? new AzureClient(createAzurePipeline({ ...common, audience: 'fabric' }), options.sentRequests)
      : undefined,
    dispose() {
      credential.clear();
      if (!options.agent) agent?.destroy();
    },
  };
}
