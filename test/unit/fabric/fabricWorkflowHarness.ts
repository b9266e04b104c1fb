// The Fabric workflows against a real emulator (demo seed, mirroring states compressed): real ARM and
// Fabric clients over HTTPS, a real operation tracker, and a recording policy on both pipelines that
// keeps each request's method, path and JSON body so tests compare the exact bodies sent.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { createAzureConnection, type AzureConnection } from '../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import { emulatorCloud } from '../../../src/azure/clouds';
import { MirroredDatabasesClient } from '../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../src/azure/fabric/workspacesClient';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import { DEFAULT_CREDENTIALS, startEmulator, type EmulatorHandle } from '../../../src/emulator/index';
import type { FabricClients, FabricContext } from '../../../src/fabric/fabricContext';
import { OperationStore, type KeyValueStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

class MapMemento implements KeyValueStore {
  private readonly map = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.map.get(key)) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.map.set(key, structuredClone(value));
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.map.keys()].filter((k) => this.map.get(k) !== undefined);
  }
}

export interface FabricHarness {
  emulator: EmulatorHandle;
  conn: AzureConnection;
  ctx: FabricContext;
  tracker: OperationTracker;
  requests: RecordedRequest[];
  refreshed: number;
  /** POST to the emulator's control API (no token). */
  control(pathname: string, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startFabricHarness(): Promise<FabricHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-fabric-wf-'));
  const emulator = await startEmulator({
    seed: 'demo',
    port: 0,
    dataDir,
    lroDurationMs: 100,
    retryAfterSeconds: 0,
    persistDebounceMs: 10,
    tickMs: 25,
    // Initializing lasts long enough to be seen, short enough to wait out.
    fabric: { initializeMs: 1500, startMs: 100, stopMs: 100, snapshotMs: 200, operationMs: 100 },
  });
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
  const conn = createAzureConnection({
    cloud: emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
    retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 },
  });
  const requests: RecordedRequest[] = [];
  const recorder: PipelinePolicy = {
    name: 'recordRequests',
    async sendRequest(request, next) {
      const text = typeof request.body === 'string' ? request.body : undefined;
      requests.push({
        method: String(request.method),
        path: new URL(request.url).pathname,
        body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      });
      return next(request);
    },
  };
  const fabric = conn.fabric!;
  conn.arm.transport.pipeline.addPolicy(recorder);
  fabric.transport.pipeline.addPolicy(recorder);
  const clients: FabricClients = {
    cloud: emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem }),
    fabric,
    arm: conn.arm,
    workspaces: new FabricWorkspacesClient(fabric),
    mirroredDatabases: new MirroredDatabasesClient(fabric),
    subscriptions: new SubscriptionsClient(conn.arm),
    servers: new SqlServersClient(conn.arm),
  };
  const tracker = new OperationTracker({
    store: new OperationStore(new MapMemento()),
    owner: 'fabric-workflow-tests',
    connect: () => ({ arm: conn.arm, fabric }),
    minDelayMs: 20,
    maxDelayMs: 100,
    rescanMs: 100,
  });
  const h: FabricHarness = {
    emulator,
    conn,
    tracker,
    requests,
    refreshed: 0,
    ctx: {
      clients: () => clients,
      operations: tracker,
      environmentKey: () => 'LocalEmulator',
      refresh: () => {
        h.refreshed++;
      },
    },
    control: (pathname, body) => postControl(emulator, pathname, body),
    async stop() {
      await tracker.dispose();
      conn.dispose();
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** POST to the control API over HTTPS, trusting exactly the emulator's certificate. */
function postControl(emulator: EmulatorHandle, pathname: string, body: unknown): Promise<unknown> {
  const url = new URL(pathname, emulator.endpoints.arm);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: 'POST',
        ca: emulator.certificatePem,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${pathname} answered ${res.statusCode}: ${text}`));
          else resolve(text ? (JSON.parse(text) as unknown) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
