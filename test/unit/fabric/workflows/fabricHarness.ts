// The Fabric workflows against a real emulator: real clients over HTTPS (Fabric and ARM), a real
// operation tracker, the demo seed's workspaces and mirrored databases by name, and every request's
// method and path recorded.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection, type AzureConnection } from '../../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../../src/auth/secretStore';
import { emulatorCloud } from '../../../../src/azure/clouds';
import { MirroredDatabasesClient } from '../../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../../src/azure/fabric/workspacesClient';
import type { RequestLogEntry } from '../../../../src/azure/http/requestLogger';
import { SubscriptionsClient } from '../../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../../src/azure/sql/sqlServersClient';
import { DEFAULT_CREDENTIALS, startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../../../src/emulator/index';
import type { FabricClients, FabricContext } from '../../../../src/fabric/fabricContext';
import type { FabricItemTarget } from '../../../../src/fabric/fabricTarget';
import { OperationStore } from '../../../../src/operations/operationStore';
import { MemoryMemento } from '../../helpers/memoryMemento';
import { OperationTracker } from '../../../../src/operations/operationTracker';

export interface FabricHarness {
  emulator: EmulatorHandle;
  conn: AzureConnection;
  ctx: FabricContext;
  tracker: OperationTracker;
  /** Every request (method, url) the clients sent. */
  requests: RequestLogEntry[];
  refreshed: Array<string | undefined>;
  stop(): Promise<void>;
}

export async function startFabricHarness(options: EmulatorOptions = {}): Promise<FabricHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-fabric-'));
  const emulator = await startEmulator({
    seed: 'demo',
    lroDurationMs: 100,
    retryAfterSeconds: 0,
    persistDebounceMs: 10,
    tickMs: 25,
    ...options,
    fabric: { initializeMs: 100, startMs: 300, stopMs: 300, snapshotMs: 200, operationMs: 100, ...options.fabric },
    port: 0,
    dataDir,
  });
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator', DEFAULT_CREDENTIALS.clientSecret);
  const requests: RequestLogEntry[] = [];
  const cloud = emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem });
  const conn = createAzureConnection({
    cloud,
    secrets,
    source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: DEFAULT_CREDENTIALS.clientId, secretKey: 'emulator' },
    logger: { log: (e) => requests.push(e) },
    retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 5000 },
  });
  const fabric = conn.fabric!;
  const clients: FabricClients = {
    cloud,
    fabric,
    arm: conn.arm,
    workspaces: new FabricWorkspacesClient(fabric),
    mirroredDatabases: new MirroredDatabasesClient(fabric),
    subscriptions: new SubscriptionsClient(conn.arm),
    servers: new SqlServersClient(conn.arm),
  };
  const tracker = new OperationTracker({
    store: new OperationStore(new MemoryMemento()),
    owner: 'fabric-workflow-tests',
    connect: () => ({ arm: conn.arm, fabric }),
    minDelayMs: 20,
    maxDelayMs: 100,
    rescanMs: 100,
  });
  const refreshed: Array<string | undefined> = [];
  const ctx: FabricContext = {
    clients: () => clients,
    operations: tracker,
    environmentKey: () => 'LocalEmulator',
    refresh: (id) => refreshed.push(id),
  };
  return {
    emulator,
    conn,
    ctx,
    tracker,
    requests,
    refreshed,
    async stop() {
      await tracker.dispose();
      conn.dispose();
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo seed's mirrored databases as command targets. */
export function demoItems(h: FabricHarness) {
  const fabric = h.emulator.control.state().fabric!;
  const ws = (name: string) => Object.values(fabric.workspaces).find((w) => w.displayName === name)!;
  const item = (name: string): FabricItemTarget => {
    const md = Object.values(fabric.mirroredDatabases).find((m) => m.displayName === name)!;
    const w = fabric.workspaces[md.workspaceId.toLowerCase()] ?? Object.values(fabric.workspaces).find((x) => x.id === md.workspaceId)!;
    return { workspaceId: md.workspaceId, itemId: md.id, displayName: md.displayName, workspaceName: w.displayName };
  };
  return {
    sales: ws('Sales Analytics').id,
    finance: ws('Finance Dev').id,
    hr: ws('HR Reporting').id,
    running: item('RetailOps mirror'),
    stopped: item('Sales replica (east)'),
    initialized: item('RetailOps sandbox'),
    paused: item('HR core'),
  };
}

/** The emulator's current status of a mirrored database. */
export function statusIn(h: FabricHarness, itemId: string): string {
  const fabric = h.emulator.control.state().fabric!;
  return Object.values(fabric.mirroredDatabases).find((m) => m.id === itemId)!.status;
}
