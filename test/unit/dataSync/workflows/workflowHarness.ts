// The Data Sync workflows against a real emulator: real clients over HTTPS, a real operation tracker,
// and a recording pipeline policy that keeps every request's method, path and JSON body, so tests can
// compare the exact bodies the workflows send with the documented ones.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { emulatorCloud } from '../../../../src/azure/clouds';
import { SubscriptionsClient } from '../../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../../src/azure/sql/sqlServersClient';
import { SyncAgentsClient } from '../../../../src/azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../../src/azure/sql/syncMembersClient';
import type { DataSyncClients, DataSyncContext } from '../../../../src/dataSync/dataSyncContext';
import { OperationStore, type KeyValueStore } from '../../../../src/operations/operationStore';
import { OperationTracker } from '../../../../src/operations/operationTracker';
import { startEmulatorWithClient, type EmulatorWithClient } from '../../operations/emulatorClient';

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. /subscriptions/…/syncGroups/g. */
  path: string;
  apiVersion: string | null;
  /** Parsed JSON body; undefined when none was sent. */
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

export interface WorkflowHarness {
  env: EmulatorWithClient;
  ctx: DataSyncContext;
  tracker: OperationTracker;
  requests: RecordedRequest[];
  /** Ids passed to ctx.refresh (undefined = everything). */
  refreshed: Array<string | undefined>;
  /** Requests that change something (anything but GET), from index `from`. */
  writes(from?: number): RecordedRequest[];
  stop(): Promise<void>;
}

export async function startWorkflowHarness(): Promise<WorkflowHarness> {
  const env = await startEmulatorWithClient({ lroDurationMs: 100, syncDurationMs: 300 });
  const requests: RecordedRequest[] = [];
  const recorder: PipelinePolicy = {
    name: 'recordRequests',
    async sendRequest(request, next) {
      const url = new URL(request.url);
      const text = typeof request.body === 'string' ? request.body : undefined;
      requests.push({
        method: request.method,
        path: url.pathname,
        apiVersion: url.searchParams.get('api-version'),
        body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      });
      return next(request);
    },
  };
  env.arm.transport.pipeline.addPolicy(recorder);
  const clients: DataSyncClients = {
    cloud: emulatorCloud({ ...env.emulator.endpoints, certificate: env.emulator.certificatePem }),
    subscriptions: new SubscriptionsClient(env.arm),
    servers: new SqlServersClient(env.arm),
    groups: new SyncGroupsClient(env.arm),
    members: new SyncMembersClient(env.arm),
    agents: new SyncAgentsClient(env.arm),
  };
  const tracker = new OperationTracker({
    store: new OperationStore(new MapMemento()),
    owner: 'workflow-tests',
    connect: () => ({ arm: env.arm }),
    minDelayMs: 20,
    maxDelayMs: 100,
    rescanMs: 100,
  });
  const refreshed: Array<string | undefined> = [];
  const ctx: DataSyncContext = {
    clients: () => clients,
    operations: tracker,
    environmentKey: () => 'LocalEmulator',
    refresh: (id) => refreshed.push(id),
  };
  return {
    env,
    ctx,
    tracker,
    requests,
    refreshed,
    writes: (from = 0) => requests.slice(from).filter((r) => r.method !== 'GET'),
    async stop() {
      await tracker.dispose();
      await env.stop();
    },
  };
}

/** Ids in the demo seed the workflow tests use. */
export function demoEstate(h: WorkflowHarness) {
  const st = h.env.emulator.control.state();
  const prod = st.subscriptions.find((s) => s.displayName === 'Contoso Production')!.subscriptionId;
  const weu = `/subscriptions/${prod}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers/contoso-sales-weu`;
  const eus = `/subscriptions/${prod}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers/contoso-sales-eus`;
  return {
    prod,
    weu,
    eus,
    /** Four sales tables, hub of no group. */
    salesArchive: `${weu}/databases/SalesArchive`,
    salesHub: `${weu}/databases/SalesHub`,
    syncMeta: `${weu}/databases/SyncMetadata`,
    east: `${eus}/databases/SalesReplicaEast`,
    onlineAgent: `${weu}/syncAgents/onprem-agent-01`,
  };
}

/** The last write to a path ending in `tail` (method checked by the caller). */
export function lastWriteTo(h: WorkflowHarness, tail: string, from = 0): RecordedRequest {
  const found = h
    .writes(from)
    .reverse()
    .find((r) => r.path.toLowerCase().endsWith(tail.toLowerCase()));
  if (!found)
    throw new Error(
      `no request to …${tail}; sent: ${h
        .writes(from)
        .map((r) => `${r.method} ${r.path}`)
        .join(', ')}`,
    );
  return found;
}
