// Arranges a sync group ready to sync, the documented way: create without schema, add a member, refresh
// the hub schema, choose one table. Straight through the REST clients, so the tree learns nothing of it.
import * as assert from 'node:assert/strict';
import { databaseRefFromId, serverRefFromId, syncGroupRefFromId } from '../../../src/dataSync/dataSyncRefs';
import type { DataSyncClients } from '../../../src/dataSync/dataSyncContext';
import { freeHubDatabases } from '../../support/freeHubDatabases';
import type { AzureClient } from '../../../src/azure/http/azureClient';
import type { SyncFullSchema, SyncGroupSchemaTable } from '../../../src/azure/sql/syncModels';

export interface ArrangedGroup {
  groupId: string;
  memberId: string;
  /** The server the group's hub is on. */
  serverId: string;
}

/** The first hub table that can be synced (it has a primary key), as a group schema names it, with its columns. */
export function syncableTable(hub: SyncFullSchema): SyncGroupSchemaTable {
  const table = hub.tables?.find((t) => !t.hasError && t.columns?.some((c) => c.isPrimaryKey));
  assert.ok(table?.columns, 'a syncable table in the hub');
  const columns = table.columns
    .filter((c) => !c.hasError)
    .map((c) => ({ quotedName: c.quotedName, dataType: c.dataType, dataSize: c.dataSize }));
  return { quotedName: table.quotedName, columns };
}

export async function arrangeSyncableGroup(arm: AzureClient, clients: DataSyncClients, name: string): Promise<ArrangedGroup> {
  const free = await freeHubDatabases(arm);
  const serverDbs = await clients.servers.listDatabases(serverRefFromId(free[0])).toArray();
  const memberDb = serverDbs.find((d) => d.name !== 'master' && !free.slice(0, 2).some((f) => f.toLowerCase() === d.id?.toLowerCase()));
  assert.ok(memberDb?.id, 'a third user database on the server');
  const groupId = `${free[0]}/syncGroups/${name}`;
  const ref = syncGroupRefFromId(groupId);
  await (
    await clients.groups.beginCreateOrUpdate(ref, {
      properties: {
        interval: -1,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: free[1],
        hubDatabaseUserName: 'hubadmin',
        hubDatabasePassword: 'Hub!Passw0rd',
      },
    })
  ).pollUntilDone({ minDelayMs: 100 });
  const memberRef = { ...ref, syncMember: `${name}-member` };
  // Azure requires the member's server (FQDN) and database by name, as the documented body sends them.
  const hubServer = serverRefFromId(free[0]);
  const servers = await clients.servers.listServers(hubServer.subscriptionId, { resourceGroup: hubServer.resourceGroup }).toArray();
  const fqdn = servers.find((s) => s.name?.toLowerCase() === hubServer.server.toLowerCase())?.properties?.fullyQualifiedDomainName;
  assert.ok(fqdn, 'the hub server has a fully qualified domain name');
  await (
    await clients.members.beginCreateOrUpdate(memberRef, {
      properties: {
        databaseType: 'AzureSqlDatabase',
        syncMemberAzureDatabaseResourceId: memberDb.id,
        serverName: fqdn,
        databaseName: databaseRefFromId(memberDb.id).database,
        userName: 'memberadmin',
        password: 'Member!Passw0rd',
        syncDirection: 'Bidirectional',
      },
    })
  ).pollUntilDone({ minDelayMs: 100 });
  await (await clients.groups.beginRefreshHubSchema(ref)).pollUntilDone({ minDelayMs: 100 });
  const table = syncableTable((await clients.groups.listHubSchemas(ref).toArray())[0]);
  await (
    await clients.groups.beginUpdate(ref, {
      properties: { schema: { tables: [table], masterSyncMemberName: memberRef.syncMember } },
    })
  ).pollUntilDone({ minDelayMs: 100 });
  return { groupId, memberId: `${groupId}/syncMembers/${memberRef.syncMember}`, serverId: free[0].replace(/\/databases\/[^/]+$/i, '') };
}
