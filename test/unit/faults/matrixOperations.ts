// The rows of the fault matrix: every REST client operation the emulator answers, one line each. A row names
// the request the fault is aimed at (method + a path regex matching only that request) and what kind of call
// it is, which decides the expected outcome of each fault (see matrixFaults.ts).
import type { HttpMethod } from '../../../src/azure/http/azureClient';
import type { PollUntilDoneOptions } from '../../../src/azure/lro/lroTypes';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import type { DatabaseRef, ServerRef, SyncAgentRef, SyncGroupRef, SyncMemberRef } from '../../../src/azure/sql/sqlPaths';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import { SyncAgentsClient } from '../../../src/azure/sql/syncAgentsClient';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../src/azure/sql/syncMembersClient';
import type { AzureClient } from '../../../src/azure/http/azureClient';

/** read: one GET; list: a pager; action: a POST answered at once; lro: a poller followed to the end. */
export type CallKind = 'read' | 'list' | 'action' | 'lro';

export interface MatrixContext {
  subscriptions: SubscriptionsClient;
  servers: SqlServersClient;
  groups: SyncGroupsClient;
  members: SyncMembersClient;
  agents: SyncAgentsClient;
  subscriptionId: string;
  weu: ServerRef;
  salesHub: DatabaseRef;
  salesArchive: DatabaseRef;
  syncMetadataId: string;
  replicaEastId: string;
  salesSync: SyncGroupRef;
  salesReporting: SyncGroupRef;
  hrReplication: SyncGroupRef;
  replicaEast: SyncMemberRef;
  reportingEast: SyncMemberRef;
  onlineAgent: SyncAgentRef;
  neverConnectedAgent: SyncAgentRef;
  wait: PollUntilDoneOptions;
}

export interface MatrixOperation<C = MatrixContext> {
  name: string;
  method: HttpMethod;
  /** Regex source matched (case-insensitively) against the path of the operation's own request, and nothing else. */
  path: string;
  kind: CallKind;
  /** False for an LRO the service may also complete at once (nothing can then fail midway). */
  canFailMidway?: boolean;
  /** The error code of an operation that fails midway, as its service reports it (default ARM's OperationTimedOut). */
  lroFailureCode?: string;
  run(c: C): Promise<unknown>;
}

export function matrixContext(arm: AzureClient, ids: Omit<MatrixContext, 'subscriptions' | 'servers' | 'groups' | 'members' | 'agents'>) {
  return {
    ...ids,
    subscriptions: new SubscriptionsClient(arm),
    servers: new SqlServersClient(arm),
    groups: new SyncGroupsClient(arm),
    members: new SyncMembersClient(arm),
    agents: new SyncAgentsClient(arm),
  };
}

const SERVER = '^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Sql/servers/[^/]+';
const GROUP = `${SERVER}/databases/[^/]+/syncGroups/[^/]+`;
const MEMBER = `${GROUP}/syncMembers/[^/]+`;
const AGENT = `${SERVER}/syncAgents/[^/]+`;
const lastHour = () => ({ startTime: new Date(Date.now() - 3_600_000).toISOString(), endTime: new Date().toISOString(), type: 'All' });
const newGroup = (c: MatrixContext) => ({
  properties: {
    interval: -1,
    conflictResolutionPolicy: 'HubWin',
    syncDatabaseId: c.syncMetadataId,
    hubDatabaseUserName: 'hubadmin',
    hubDatabasePassword: 'Hub!Passw0rd',
  },
});
const newMember = (c: MatrixContext) => ({
  properties: {
    databaseType: 'AzureSqlDatabase',
    syncMemberAzureDatabaseResourceId: c.replicaEastId,
    serverName: 'contoso-sales-eus.database.windows.net',
    databaseName: 'SalesReplicaEast',
    userName: 'memberadmin',
    password: 'Member!Passw0rd',
    syncDirection: 'Bidirectional',
  },
});

/** Order matters only within a column (one emulator per fault): syncs are triggered last. */
// prettier-ignore
export const OPERATIONS: MatrixOperation[] = [
  { name: 'List subscriptions', method: 'GET', path: '^/subscriptions$', kind: 'list', run: (c) => c.subscriptions.list().toArray() },
  { name: 'List servers', method: 'GET', path: '^/subscriptions/[^/]+/providers/Microsoft\\.Sql/servers$', kind: 'list', run: (c) => c.servers.listServers(c.subscriptionId).toArray() },
  { name: 'List databases', method: 'GET', path: `${SERVER}/databases$`, kind: 'list', run: (c) => c.servers.listDatabases(c.weu).toArray() },
  { name: 'List sync database ids', method: 'GET', path: '/locations/[^/]+/syncDatabaseIds$', kind: 'list', run: (c) => c.groups.listSyncDatabaseIds(c.subscriptionId, 'westeurope').toArray() },
  { name: 'List sync groups', method: 'GET', path: `${SERVER}/databases/[^/]+/syncGroups$`, kind: 'list', run: (c) => c.groups.list(c.salesHub).toArray() },
  { name: 'Get sync group', method: 'GET', path: `${GROUP}$`, kind: 'read', run: (c) => c.groups.get(c.salesSync) },
  { name: 'List hub schemas', method: 'GET', path: `${GROUP}/hubSchemas$`, kind: 'list', run: (c) => c.groups.listHubSchemas(c.salesSync).toArray() },
  { name: 'List sync logs', method: 'GET', path: `${GROUP}/logs$`, kind: 'list', run: (c) => c.groups.listLogs(c.salesSync, lastHour()).toArray() },
  { name: 'List sync members', method: 'GET', path: `${GROUP}/syncMembers$`, kind: 'list', run: (c) => c.members.list(c.salesSync).toArray() },
  { name: 'Get sync member', method: 'GET', path: `${MEMBER}$`, kind: 'read', run: (c) => c.members.get(c.replicaEast) },
  { name: 'List member schemas', method: 'GET', path: `${MEMBER}/schemas$`, kind: 'list', run: (c) => c.members.listSchemas(c.replicaEast).toArray() },
  { name: 'List sync agents', method: 'GET', path: `${SERVER}/syncAgents$`, kind: 'list', run: (c) => c.agents.list(c.weu).toArray() },
  { name: 'Get sync agent', method: 'GET', path: `${AGENT}$`, kind: 'read', run: (c) => c.agents.get(c.onlineAgent) },
  { name: 'List linked databases', method: 'GET', path: `${AGENT}/linkedDatabases$`, kind: 'list', run: (c) => c.agents.listLinkedDatabases(c.onlineAgent).toArray() },
  { name: 'Generate agent key', method: 'POST', path: `${AGENT}/generateKey$`, kind: 'action', run: (c) => c.agents.generateKey(c.onlineAgent) },
  { name: 'Create sync group', method: 'PUT', path: `${GROUP}$`, kind: 'lro', run: async (c) => (await c.groups.beginCreateOrUpdate({ ...c.salesArchive, syncGroup: 'fm-new' }, newGroup(c))).pollUntilDone(c.wait) },
  { name: 'Update sync group', method: 'PATCH', path: `${GROUP}$`, kind: 'lro', run: async (c) => (await c.groups.beginUpdate(c.salesReporting, { properties: { interval: 7200 } })).pollUntilDone(c.wait) },
  { name: 'Refresh hub schema', method: 'POST', path: `${GROUP}/refreshHubSchema$`, kind: 'lro', run: async (c) => (await c.groups.beginRefreshHubSchema(c.salesSync)).pollUntilDone(c.wait) },
  { name: 'Delete sync group', method: 'DELETE', path: `${GROUP}$`, kind: 'lro', run: async (c) => (await c.groups.beginDelete(c.hrReplication)).pollUntilDone(c.wait) },
  { name: 'Create sync member', method: 'PUT', path: `${MEMBER}$`, kind: 'lro', run: async (c) => (await c.members.beginCreateOrUpdate({ ...c.salesReporting, syncMember: 'fm-member' }, newMember(c))).pollUntilDone(c.wait) },
  { name: 'Update sync member', method: 'PATCH', path: `${MEMBER}$`, kind: 'lro', run: async (c) => (await c.members.beginUpdate(c.replicaEast, { properties: { syncDirection: 'Bidirectional' } })).pollUntilDone(c.wait) },
  { name: 'Refresh member schema', method: 'POST', path: `${MEMBER}/refreshSchema$`, kind: 'lro', run: async (c) => (await c.members.beginRefreshSchema(c.replicaEast)).pollUntilDone(c.wait) },
  { name: 'Delete sync member', method: 'DELETE', path: `${MEMBER}$`, kind: 'lro', run: async (c) => (await c.members.beginDelete(c.reportingEast)).pollUntilDone(c.wait) },
  { name: 'Create sync agent', method: 'PUT', path: `${AGENT}$`, kind: 'lro', run: async (c) => (await c.agents.beginCreateOrUpdate({ ...c.weu, syncAgent: 'fm-agent' }, { properties: { syncDatabaseId: c.syncMetadataId } })).pollUntilDone(c.wait) },
  { name: 'Delete sync agent', method: 'DELETE', path: `${AGENT}$`, kind: 'lro', canFailMidway: false, run: async (c) => (await c.agents.beginDelete(c.neverConnectedAgent)).pollUntilDone(c.wait) },
  { name: 'Trigger sync', method: 'POST', path: `${GROUP}/triggerSync$`, kind: 'action', run: (c) => c.groups.triggerSync(c.salesSync) },
  { name: 'Cancel sync', method: 'POST', path: `${GROUP}/cancelSync$`, kind: 'action', run: (c) => c.groups.cancelSync(c.salesSync) },
];
