// The Learn REST sample's whole Data Sync sequence, run against the emulator through the extension's
// own clients (src/azure + src/auth), exactly in the documented order:
// create group (no schema) → add member → refresh hub schema → update group with schema and
// masterSyncMemberName → update member → trigger sync → read logs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAzureConnection, type AzureConnection } from '../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import { emulatorCloud } from '../../../src/azure/clouds';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import { isSystemDatabase } from '../../../src/azure/sql/serverModels';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import { SyncMembersClient } from '../../../src/azure/sql/syncMembersClient';
import { databaseRefFromId, serverRefFromId } from '../../../src/dataSync/dataSyncRefs';
import { startEmulator, type EmulatorHandle } from '../../../src/emulator/index';

describe("the docs' Data Sync sequence through the src/azure clients", function () {
  this.timeout(60_000);
  let emulator: EmulatorHandle;
  let conn: AzureConnection;
  let dataDir: string;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-sequence-'));
    emulator = await startEmulator({
      seed: 'demo',
      port: 0,
      dataDir,
      lroDurationMs: 200,
      syncDurationMs: 400,
      retryAfterSeconds: 0,
      tickMs: 25,
    });
    const secrets = new InMemorySecretStore();
    await secrets.store('emulator-secret', 'emulator');
    conn = createAzureConnection({
      cloud: emulatorCloud({ ...emulator.endpoints, certificate: emulator.certificatePem }),
      secrets,
      source: { kind: 'emulator', tenantId: emulator.tenantId, clientId: 'emulator', secretKey: 'emulator-secret' },
    });
  });
  after(async () => {
    conn.dispose();
    await emulator.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, configures and syncs a group, then reads its logs', async () => {
    const wait = { minDelayMs: 50, maxDelayMs: 200 };
    const groups = new SyncGroupsClient(conn.arm);
    const members = new SyncMembersClient(conn.arm);
    const servers = new SqlServersClient(conn.arm);
    const subscription = (await new SubscriptionsClient(conn.arm).list().toArray()).find((s) => s.displayName === 'Contoso Production')!;
    const weu = (await servers.listServers(subscription.subscriptionId as string).toArray()).find((s) => s.name === 'contoso-sales-weu')!;
    const eus = (await servers.listServers(subscription.subscriptionId as string).toArray()).find((s) => s.name === 'contoso-sales-eus')!;
    const weuDbs = await servers.listDatabases(serverRefFromId(weu.id as string)).toArray();
    assert.ok(weuDbs.some(isSystemDatabase), 'master is listed (and must be filtered out by callers)');
    const hub = weuDbs.find((d) => d.name === 'SalesArchive')!;
    const metadata = weuDbs.find((d) => d.name === 'SyncMetadata')!;
    const memberDb = (await servers.listDatabases(serverRefFromId(eus.id as string)).toArray()).find((d) => d.name === 'SalesReplicaEast')!;
    const group = { ...databaseRefFromId(hub.id as string), syncGroup: 'docs-sequence' };

    // 1. Create the group without schema or masterSyncMemberName.
    const created = await (
      await groups.beginCreateOrUpdate(group, {
        properties: {
          interval: -1,
          conflictResolutionPolicy: 'HubWin',
          syncDatabaseId: metadata.id,
          hubDatabaseUserName: 'hubadmin',
          hubDatabasePassword: 'Hub!Passw0rd',
        },
      })
    ).pollUntilDone(wait);
    assert.equal(created.name, 'docs-sequence');
    assert.equal(created.properties?.syncState, 'NotReady');
    assert.equal((created.properties as Record<string, unknown>).hubDatabasePassword, undefined, 'the password is never returned');

    // 2. Add a member.
    const member = { ...group, syncMember: 'replica-east' };
    await (
      await members.beginCreateOrUpdate(member, {
        properties: {
          databaseType: 'AzureSqlDatabase',
          syncMemberAzureDatabaseResourceId: memberDb.id,
          serverName: eus.properties?.fullyQualifiedDomainName,
          databaseName: 'SalesReplicaEast',
          userName: 'memberadmin',
          password: 'Member!Passw0rd',
          syncDirection: 'Bidirectional',
        },
      })
    ).pollUntilDone(wait);

    // 3. Refresh the hub schema and read it.
    await (await groups.beginRefreshHubSchema(group)).pollUntilDone(wait);
    const schema = (await groups.listHubSchemas(group).toArray())[0];
    const syncable = schema.tables!.filter((t) => !t.hasError && t.columns?.some((c) => c.isPrimaryKey));
    assert.ok(syncable.length > 0, 'the hub has tables Data Sync can sync');

    // 4. Update the group with the chosen tables and the master member.
    const tables = syncable.map((t) => ({
      quotedName: t.quotedName,
      columns: t.columns!.filter((c) => !c.hasError).map((c) => ({ quotedName: c.quotedName, dataSize: c.dataSize, dataType: c.dataType })),
    }));
    const updated = await (
      await groups.beginUpdate(group, { properties: { schema: { tables, masterSyncMemberName: 'replica-east' } } })
    ).pollUntilDone(wait);
    assert.equal(updated.properties?.schema?.tables?.length, tables.length);

    // 5. Update the member (direction).
    const m = await (await members.beginUpdate(member, { properties: { syncDirection: 'OneWayHubToMember' } })).pollUntilDone(wait);
    assert.equal(m.properties?.syncDirection, 'OneWayHubToMember');

    // 6. Trigger a sync and wait for it to end.
    await groups.triggerSync(group);
    let state = '';
    for (let i = 0; i < 100 && !['Good', 'Warning', 'Error'].includes(state); i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await groups.get(group)).properties?.syncState ?? '';
    }
    assert.ok(['Good', 'Warning', 'Error'].includes(state), `the sync ended (state ${state})`);

    // 7. Read the logs of the last hour, all types, through the pager.
    const logs = await groups
      .listLogs(group, {
        startTime: new Date(Date.now() - 3_600_000).toISOString(),
        endTime: new Date(Date.now() + 60_000).toISOString(),
        type: 'All',
      })
      .toArray();
    assert.ok(logs.length > 0, 'the sync wrote log entries');
    assert.ok(
      logs.every((l) => l.timestamp && l.type && l.details),
      'each entry has a time, a type and details',
    );
  });
});
