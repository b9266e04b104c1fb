// The Fabric mirroring walkthrough through the extension's own clients (src/azure/fabric + FabricPoller +
// the pager) against the emulator: both answers of getDefinition / updateDefinition (200 and 202 →
// operation → result), both continuation styles, create / update / start / status / stop / delete, and a
// 429 the client retries.
import assert from 'node:assert/strict';
import { createAzureConnection, type AzureConnection } from '../../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../../src/auth/secretStore';
import { emulatorCloud } from '../../../../src/azure/clouds';
import { MirroredDatabasesClient } from '../../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../../src/azure/fabric/workspacesClient';
import { jsonPart } from '../../../../src/azure/fabric/fabricModels';
import { waitFor } from '../helpers';
import { decodeMirroring, fabricIds, mirroringDoc, startFabricEmulator, type FabricTestEmulator } from './fabricHelpers';
import type { EmulatorOptions } from '../../../../src/emulator/index';

const wait = { minDelayMs: 20, maxDelayMs: 100 };

async function connect(t: FabricTestEmulator): Promise<AzureConnection> {
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator-secret', 'emulator');
  return createAzureConnection({
    cloud: emulatorCloud({ ...t.emu.endpoints, certificate: t.emu.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: t.emu.tenantId, clientId: 'emulator', secretKey: 'emulator-secret' },
  });
}

function suite(name: string, options: EmulatorOptions, body: (ctx: () => { t: FabricTestEmulator; conn: AzureConnection }) => void) {
  describe(name, function () {
    this.timeout(30_000);
    let t: FabricTestEmulator;
    let conn: AzureConnection;
    before(async () => {
      t = await startFabricEmulator(options);
      conn = await connect(t);
    });
    after(async () => {
      conn.dispose();
      await t.stop();
    });
    body(() => ({ t, conn }));
  });
}

suite('Fabric mirroring through the src/azure clients', { pageSize: 1 }, (ctx) => {
  it('walks the documented sequence, getting both 200 and 202 answers for the definition calls', async () => {
    const { t, conn } = ctx();
    const ids = fabricIds(t);
    const client = new MirroredDatabasesClient(conn.fabric!);

    const workspaces = await new FabricWorkspacesClient(conn.fabric!).list().toArray();
    assert.equal(workspaces.length, 3, 'three pages of one workspace each, followed by continuationUri');

    const created = await (
      await client.beginCreate(ids.sales, {
        displayName: 'Client mirror',
        description: 'A mirrored database description',
        definition: {
          parts: [
            jsonPart('mirroring.json', mirroringDoc(ids.eastConnection, { tables: ['dbo.Customers', 'dbo.Orders'], defaultSchema: 'dbo' })),
          ],
        },
      })
    ).pollUntilDone(wait);
    assert.equal(created.type, 'MirroredDatabase');
    assert.equal(created.displayName, 'Client mirror');
    const ref = { workspaceId: ids.sales, mirroredDatabaseId: created.id as string };

    const listed = await client.list(ids.sales).toArray();
    assert.deepEqual(listed.map((d) => d.displayName).sort(), ['Client mirror', 'RetailOps mirror', 'Sales replica (east)']);

    // 1st definition call of the item: 200 (a finished poller); 2nd: 202, polled to its result.
    const first = await client.beginGetDefinition(ref);
    assert.equal(first.isDone(), true, '200 answer');
    const second = await client.beginGetDefinition(ref);
    assert.equal(second.isDone(), false, '202 answer');
    const [a, b] = [await first.pollUntilDone(wait), await second.pollUntilDone(wait)];
    assert.deepEqual(decodeMirroring(b.definition), decodeMirroring(a.definition));
    assert.deepEqual(
      a.definition.parts.map((p) => p.path),
      ['mirroring.json', '.platform'],
    );
    assert.equal(decodeMirroring(a.definition).properties.mountedTables!.length, 2);

    // 3rd call: updateDefinition answered 200; 4th: 202, applied when the operation completes.
    const add = mirroringDoc(ids.eastConnection, { tables: ['dbo.Customers', 'dbo.Orders', 'dbo.Products'], defaultSchema: 'dbo' });
    const update1 = await client.beginUpdateDefinition(ref, { parts: [jsonPart('mirroring.json', add)] });
    assert.equal(update1.isDone(), true);
    await update1.pollUntilDone(wait);
    const retention = mirroringDoc(ids.eastConnection, { tables: ['dbo.Customers'], defaultSchema: 'dbo', retentionInDays: 14 });
    const update2 = await client.beginUpdateDefinition(ref, { parts: [jsonPart('mirroring.json', retention)] });
    assert.equal(update2.isDone(), false);
    await update2.pollUntilDone(wait);
    const after = await (await client.beginGetDefinition(ref)).pollUntilDone(wait);
    assert.equal(decodeMirroring(after.definition).properties.target.typeProperties.retentionInDays, 14);

    const renamed = await client.update(ref, { displayName: 'Client mirror renamed' });
    assert.equal(renamed.displayName, 'Client mirror renamed');
    const got = await client.get(ref);
    assert.equal(got.properties?.defaultSchema, 'dbo');

    await waitFor(async () => ((await client.getMirroringStatus(ref)).status === 'Initialized' ? true : undefined));
    await client.startMirroring(ref);
    await waitFor(async () => ((await client.getMirroringStatus(ref)).status === 'Running' ? true : undefined));
    const rows = await client.listTablesMirroringStatus(ref).toArray();
    assert.deepEqual(
      rows.map((r) => `${r.sourceSchemaName}.${r.sourceTableName}`),
      ['dbo.Customers'],
    );
    await client.stopMirroring(ref);
    await waitFor(async () => ((await client.getMirroringStatus(ref)).status === 'Stopped' ? true : undefined));
    await client.delete(ref, { hardDelete: true });
    await assert.rejects(client.get(ref), (e: { code?: string; status?: number }) => e.status === 404 && e.code === 'ItemNotFound');
  });

  it('a definition operation that fails midway (lro-fail) rejects the poller and changes nothing', async () => {
    const { t, conn } = ctx();
    const ids = fabricIds(t);
    const client = new MirroredDatabasesClient(conn.fabric!);
    const ref = { workspaceId: ids.sales, mirroredDatabaseId: ids.stopped };
    const before = await (await client.beginGetDefinition(ref)).pollUntilDone(wait);
    t.emu.control.addFaults('lro-fail*1@/updateDefinition$');
    const poller = await client.beginUpdateDefinition(ref, { parts: [jsonPart('mirroring.json', mirroringDoc(ids.eastConnection))] });
    assert.equal(poller.isDone(), false, 'the 202 answer');
    await assert.rejects(poller.pollUntilDone(wait), (e: { code?: string }) => e.code === 'OperationFailed');
    const after = await (await client.beginGetDefinition(ref)).pollUntilDone(wait);
    assert.deepEqual(decodeMirroring(after.definition), decodeMirroring(before.definition));
  });

  it('pages table statuses (rows under data) with continuationUri', async () => {
    const { t, conn } = ctx();
    const ids = fabricIds(t);
    const rows = await new MirroredDatabasesClient(conn.fabric!)
      .listTablesMirroringStatus({ workspaceId: ids.hr, mirroredDatabaseId: ids.paused })
      .toArray();
    assert.equal(rows.length, t.emu.control.state().fabric!.mirroredDatabases[ids.paused].tables.length);
    assert.ok(rows.length > 1);
  });

  it('retries a 429 with Retry-After from the fault injector', async () => {
    const { t, conn } = ctx();
    t.emu.control.addFaults('429*1@POST /getMirroringStatus$');
    const ids = fabricIds(t);
    const status = await new MirroredDatabasesClient(conn.fabric!).getMirroringStatus({
      workspaceId: ids.sales,
      mirroredDatabaseId: ids.running,
    });
    assert.equal(status.status, 'Running');
    assert.equal(t.emu.control.listFaults().find((r) => r.kind === '429')?.remaining, 0, 'the fault fired');
  });
});

suite('Fabric paging with continuationToken only', { pageSize: 2, fabric: { continuation: 'token', definitionLro: 'always' } }, (ctx) => {
  it('the pager rebuilds each request from the token', async () => {
    const { t, conn } = ctx();
    const first = await t.f('GET', '/workspaces');
    assert.ok(first.body.continuationToken);
    assert.equal(first.body.continuationUri, undefined);
    const workspaces = await new FabricWorkspacesClient(conn.fabric!).list().toArray();
    assert.equal(workspaces.length, 3);
    const ids = fabricIds(t);
    const rows = await new MirroredDatabasesClient(conn.fabric!)
      .listTablesMirroringStatus({ workspaceId: ids.sales, mirroredDatabaseId: ids.running })
      .toArray();
    assert.equal(rows.length, 8);
    assert.equal(new Set(rows.map((r) => r.sourceTableName)).size, 8);
  });

  it("with definitionLro 'always' every getDefinition is a 202 followed to its result", async () => {
    const { t, conn } = ctx();
    const ids = fabricIds(t);
    const poller = await new MirroredDatabasesClient(conn.fabric!).beginGetDefinition({
      workspaceId: ids.sales,
      mirroredDatabaseId: ids.stopped,
    });
    assert.equal(poller.isDone(), false);
    const result = await poller.pollUntilDone(wait);
    assert.equal(decodeMirroring(result.definition).properties.mountedTables!.length, 4);
  });
});
