// A real emulator over HTTPS with a signed-in connection, a real operation tracker and a recording policy
// on the ARM and Fabric pipelines (each request's method, path and JSON body), for the workflow tests of
// every service. A service's harness adds its typed clients and context on top.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { createAzureConnection, type AzureConnection } from '../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import { emulatorCloud, type AzureCloud } from '../../../src/azure/clouds';
import type { RetryOptions } from '../../../src/azure/http/retryPolicy';
import { DEFAULT_CREDENTIALS, startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../src/emulator/index';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { postToControl } from '../../support/controlRequest';
import { MemoryMemento } from './memoryMemento';

export interface RecordedRequest {
  method: string;
  /** The full URL, query included. */
  url: string;
  path: string;
  /** The decoded query (api-version, $filter…). */
  query: Record<string, string>;
  body: unknown;
  /** The answer's status, once it came (undefined: no answer, e.g. a broken connection). */
  status?: number;
}

export interface EmulatorHarness {
  emulator: EmulatorHandle;
  conn: AzureConnection;
  cloud: AzureCloud;
  tracker: OperationTracker;
  requests: RecordedRequest[];
  /** POST to the emulator's control API. */
  control(pathname: string, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export interface EmulatorHarnessOptions extends Partial<EmulatorOptions> {
  /** Names the tracker's window and the data folder. */
  owner: string;
  /** The clients' retry policy (default: 3 quick retries). */
  retry?: RetryOptions;
}

export async function startEmulatorHarness(options: EmulatorHarnessOptions): Promise<EmulatorHarness> {
  const { owner, retry, ...emulatorOptions } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sqldm-${owner}-`));
  const emulator = await startEmulator({
    seed: 'demo',
    port: 0,
    dataDir,
    lroDurationMs: 100,
    retryAfterSeconds: 0,
    persistDebounceMs: 10,
    tickMs: 25,
    ...emulatorOptions,
  });
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
  const cloud = emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem });
  const conn = createAzureConnection({
    cloud,
    secrets,
    source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
    retry: retry ?? { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 },
  });
  const requests: RecordedRequest[] = [];
  const recorder: PipelinePolicy = {
    name: 'recordRequests',
    async sendRequest(request, next) {
      const text = typeof request.body === 'string' ? request.body : undefined;
      const url = new URL(request.url);
      const entry: RecordedRequest = {
        method: String(request.method),
        url: request.url,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text === undefined || text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(entry);
      const response = await next(request);
      entry.status = response.status;
      return response;
    },
  };
  conn.arm.transport.pipeline.addPolicy(recorder);
  conn.fabric?.transport.pipeline.addPolicy(recorder);
  const tracker = new OperationTracker({
    store: new OperationStore(new MemoryMemento()),
    owner,
    connect: () => ({ arm: conn.arm, fabric: conn.fabric }),
    minDelayMs: 20,
    maxDelayMs: 100,
    rescanMs: 100,
  });
  return {
    emulator,
    conn,
    cloud,
    tracker,
    requests,
    control: (pathname, body) => postControl(emulator, pathname, body),
    async stop() {
      await tracker.dispose();
      conn.dispose();
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POST to the control API, trusting exactly the emulator's certificate, with its token. */
export function postControl(emulator: EmulatorHandle, pathname: string, body: unknown): Promise<unknown> {
  return postToControl(emulator.endpoints.arm, emulator.certificatePem, emulator.controlToken, pathname, body);
}
