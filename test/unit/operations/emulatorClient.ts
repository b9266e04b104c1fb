// A real ARM client (src/auth connection over the src/azure pipeline) pointed at a real emulator
// started in-process, for tests of code that sits on top of the REST core.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection } from '../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import { emulatorCloud } from '../../../src/azure/clouds';
import type { AzureClient } from '../../../src/azure/http/azureClient';
import type { RequestLogEntry } from '../../../src/azure/http/requestLogger';
import type { SentRequestLog } from '../../../src/azure/http/sentRequests';
import { DEFAULT_CREDENTIALS, startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../src/emulator/index';

export interface EmulatorWithClient {
  emulator: EmulatorHandle;
  arm: AzureClient;
  requests: RequestLogEntry[];
  stop(): Promise<void>;
}

export async function startEmulatorWithClient(
  options: EmulatorOptions = {},
  connection: { requestTimeoutMs?: number; sentRequests?: SentRequestLog } = {},
): Promise<EmulatorWithClient> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-ops-'));
  const emulator = await startEmulator({
    seed: 'demo',
    lroDurationMs: 400,
    syncDurationMs: 400,
    retryAfterSeconds: 0,
    persistDebounceMs: 10,
    tickMs: 25,
    ...options,
    port: 0,
    dataDir,
  });
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
  const requests: RequestLogEntry[] = [];
  const conn = createAzureConnection({
    cloud: emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
    logger: { log: (e) => requests.push(e) },
    retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 },
    requestTimeoutMs: connection.requestTimeoutMs,
    sentRequests: connection.sentRequests,
  });
  return {
    emulator,
    arm: conn.arm,
    requests,
    stop: async () => {
      conn.dispose();
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
