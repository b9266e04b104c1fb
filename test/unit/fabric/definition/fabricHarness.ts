// The Fabric workflows against a real emulator: real clients over HTTPS (the extension's own connection
// code), a real operation tracker, and every Fabric request's method and path recorded.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { createAzureConnection, type AzureConnection } from '../../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../../src/auth/secretStore';
import { emulatorCloud } from '../../../../src/azure/clouds';
import { MirroredDatabasesClient } from '../../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../../src/azure/fabric/workspacesClient';
import { SubscriptionsClient } from '../../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../../src/azure/sql/sqlServersClient';
import type { EmulatorOptions } from '../../../../src/emulator/index';
import type { FabricClients, FabricContext } from '../../../../src/fabric/fabricContext';
import { OperationStore } from '../../../../src/operations/operationStore';
import { MemoryMemento } from '../../helpers/memoryMemento';
import { OperationTracker } from '../../../../src/operations/operationTracker';
import { startFabricEmulator, fabricIds, type FabricTestEmulator } from '../../emulator/fabric/fabricHelpers';

export interface FabricHarness {
  t: FabricTestEmulator;
  conn: AzureConnection;
  ctx: FabricContext;
  tracker: OperationTracker;
  ids: ReturnType<typeof fabricIds>;
  /** `METHOD /path` of every Fabric request, with its answer's status. */
  requests: { method: string; path: string; status: number }[];
  refreshed: Array<string | undefined>;
  stop(): Promise<void>;
}

export async function startFabricHarness(options: EmulatorOptions = {}): Promise<FabricHarness> {
  const t = await startFabricEmulator({ retryAfterSeconds: 0, ...options });
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator-secret', 'emulator');
  const conn = createAzureConnection({
    cloud: emulatorCloud({ ...t.emu.endpoints, certificate: t.emu.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: t.emu.tenantId, clientId: 'emulator', secretKey: 'emulator-secret' },
    retry: { maxRetries: 0, baseDelayMs: 10, maxDelayMs: 50, maxTotalMs: 1000 },
  });
  const fabric = conn.fabric!;
  const requests: FabricHarness['requests'] = [];
  const recorder: PipelinePolicy = {
    name: 'recordFabricRequests',
    async sendRequest(request, next) {
      const response = await next(request);
      requests.push({ method: request.method, path: new URL(request.url).pathname, status: response.status });
      return response;
    },
  };
  fabric.transport.pipeline.addPolicy(recorder);
  const clients: FabricClients = {
    cloud: emulatorCloud({ ...t.emu.endpoints, certificate: t.emu.certificatePem }),
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
    t,
    conn,
    ctx,
    tracker,
    ids: fabricIds(t),
    requests,
    refreshed,
    async stop() {
      await tracker.dispose();
      conn.dispose();
      await t.stop();
    },
  };
}
