// Documented validation errors, in ARM's error shape, for groups, members and agents.
import assert from 'node:assert/strict';
import { demoIds, runLro, startTestEmulator, v, type TestEmulator } from './helpers';
import { armErrorOf, syncGroupOf } from './answers';

describe('emulator validation errors', function () {
  let t: TestEmulator;
  let ids: ReturnType<typeof demoIds>;
  // Long enough that "a create still in flight" is observable on a busy machine.
  before(async () => {
    t = await startTestEmulator({ lroDurationMs: 1000 });
    ids = demoIds(t.emu);
  });
  after(() => t.stop());

  const body = (extra: Record<string, unknown> = {}) => ({
    properties: { interval: -1, conflictResolutionPolicy: 'HubWin', syncDatabaseId: ids.syncMeta, ...extra },
  });
  async function expectError(method: string, p: string, b: unknown, status: number, code: string) {
    const r = await t.call(method, v(p), { body: b });
    assert.equal(r.status, status, r.text);
    assert.equal(armErrorOf(r).code, code, r.text);
    assert.ok(armErrorOf(r).message);
    return r;
  }

  it('interval below 5 seconds (other than -1) → InvalidSyncGroupInterval', async () => {
    await expectError('PUT', `${ids.salesHub}/syncGroups/bad-interval`, body({ interval: 4 }), 400, 'InvalidSyncGroupInterval');
    await expectError('PUT', `${ids.salesHub}/syncGroups/bad-interval`, body({ interval: 0 }), 400, 'InvalidSyncGroupInterval');
    assert.equal((await t.call('PUT', v(`${ids.salesHub}/syncGroups/ok-interval`), { body: body({ interval: 300 }) })).status, 202);
  });
  it('empty body → InvalidSyncGroupCreateOrUpdateRequest; bad name → InvalidSyncGroupName; no policy → MissingConflictResolutionPolicy', async () => {
    await expectError('PUT', `${ids.salesHub}/syncGroups/g`, undefined, 400, 'InvalidSyncGroupCreateOrUpdateRequest');
    await expectError('PUT', `${ids.salesHub}/syncGroups/bad.name`, body(), 400, 'InvalidSyncGroupName');
    await expectError(
      'PUT',
      `${ids.salesHub}/syncGroups/g`,
      { properties: { syncDatabaseId: ids.syncMeta } },
      400,
      'MissingConflictResolutionPolicy',
    );
  });
  it('malformed JSON → InvalidRequestContent', async () => {
    await expectError('PUT', `${ids.salesHub}/syncGroups/g`, '{"properties": ', 400, 'InvalidRequestContent');
  });
  it('schema or masterSyncMemberName on create → InvalidSyncGroup', async () => {
    await expectError(
      'PUT',
      `${ids.salesHub}/syncGroups/g`,
      body({ schema: { tables: [{ quotedName: '[dbo].[Customers]', columns: [] }] } }),
      400,
      'InvalidSyncGroup',
    );
    await expectError('PUT', `${ids.salesHub}/syncGroups/g`, body({ schema: { masterSyncMemberName: 'x' } }), 400, 'InvalidSyncGroup');
  });
  it('the master database as hub, member or sync database → SyncOperation_MasterDbInSyncGroup', async () => {
    await expectError('PUT', `${ids.master}/syncGroups/g`, body(), 400, 'SyncOperation_MasterDbInSyncGroup');
    await expectError(
      'PUT',
      `${ids.salesHub}/syncGroups/g`,
      body({ syncDatabaseId: ids.master }),
      400,
      'SyncOperation_MasterDbInSyncGroup',
    );
    await expectError(
      'PUT',
      `${ids.salesHub}/syncGroups/sales-new/syncMembers/m`,
      {
        properties: {
          databaseType: 'AzureSqlDatabase',
          syncMemberAzureDatabaseResourceId: ids.master,
          serverName: 'contoso-sales-weu.database.windows.net',
          databaseName: 'master',
        },
      },
      400,
      'SyncOperation_MasterDbInSyncGroup',
    );
  });
  it('a data warehouse database → SyncOperation_DwInSyncGroup', async () => {
    const warehouse = `/subscriptions/${t.emu.control.state().subscriptions[2].subscriptionId}/resourceGroups/rg-analytics/providers/Microsoft.Sql/servers/fabrikam-bi-sea/databases/Warehouse`;
    await expectError('PUT', `${warehouse}/syncGroups/g`, body(), 400, 'SyncOperation_DwInSyncGroup');
    await expectError(
      'PUT',
      `${ids.salesHub}/syncGroups/sales-new/syncMembers/dw`,
      {
        properties: {
          syncMemberAzureDatabaseResourceId: warehouse,
          serverName: 'fabrikam-bi-sea.database.windows.net',
          databaseName: 'Warehouse',
        },
      },
      400,
      'SyncOperation_DwInSyncGroup',
    );
  });
  it('more than 5 groups on one database → CannotCreateSyncGroupDueToQuotaExceeded', async () => {
    // SalesHub has 4 seeded groups + ok-interval (in flight) = 5.
    await expectError('PUT', `${ids.salesHub}/syncGroups/sixth`, body(), 400, 'CannotCreateSyncGroupDueToQuotaExceeded');
  });
  it('creating a group whose create is still in flight → 409 SyncOperation_DuplicateSyncGroupName', async () => {
    const eastGroups = `${ids.east}/syncGroups`;
    assert.equal((await t.call('PUT', v(`${eastGroups}/dup`), { body: body() })).status, 202);
    await expectError('PUT', `${eastGroups}/dup`, body(), 409, 'SyncOperation_DuplicateSyncGroupName');
    // The same name on another hub is a different resource.
    assert.equal((await t.call('PUT', v(`${eastGroups}/sales-sync`), { body: body() })).status, 202);
  });
  it('unknown sync database → InvalidSyncMetadataDatabase; changing it → SyncOperation_WrongSyncDatabase', async () => {
    await expectError(
      'PUT',
      `${ids.salesHub}/syncGroups/sales-new`,
      body({ syncDatabaseId: `${ids.weu}/databases/Nope` }),
      400,
      'SyncOperation_WrongSyncDatabase',
    );
    await expectError(
      'PUT',
      `${ids.reporting}/syncGroups/g`,
      body({ syncDatabaseId: `${ids.weu}/databases/Nope` }),
      400,
      'InvalidSyncMetadataDatabase',
    );
  });
  it('missing server / database / group → 404 with the spec codes', async () => {
    await expectError(
      'GET',
      `/subscriptions/${ids.prod}/resourceGroups/rg-sales-prod/providers/Microsoft.Sql/servers/nope/databases/x/syncGroups`,
      undefined,
      404,
      'SubscriptionDoesNotHaveServer',
    );
    await expectError('GET', `${ids.weu}/databases/nope/syncGroups`, undefined, 404, 'DatabaseDoesNotExist');
    await expectError('GET', `${ids.salesHub}/syncGroups/nope`, undefined, 404, 'ResourceNotFound');
  });

  describe('schema choices (update with schema)', () => {
    const g = () => `${ids.salesHub}/syncGroups/sales-new`;
    const table = (name: string, columns?: string[]) => ({ quotedName: name, columns: (columns ?? []).map((c) => ({ quotedName: c })) });
    before(async () => {
      await runLro(t, 'POST', `${g()}/refreshHubSchema`);
    });

    it('a table without a primary key → InvalidSyncGroup (Schema_TableHasNoPrimaryKey)', async () => {
      const r = await expectError(
        'PATCH',
        g(),
        { properties: { schema: { tables: [table('[dbo].[PriceHistory]')] } } },
        400,
        'InvalidSyncGroup',
      );
      assert.equal(armErrorOf(r).details![0].code, 'Schema_TableHasNoPrimaryKey');
    });
    it('unsupported column types (hierarchyid, rowversion) → SyncOperation_UnsupportedDataTypeColumnInSchema', async () => {
      await expectError(
        'PATCH',
        g(),
        { properties: { schema: { tables: [table('[dbo].[Employees]', ['[EmployeeId]', '[OrgNode]'])] } } },
        400,
        'SyncOperation_UnsupportedDataTypeColumnInSchema',
      );
      await expectError(
        'PATCH',
        g(),
        { properties: { schema: { tables: [table('[dbo].[Inventory]')] } } },
        400,
        'SyncOperation_UnsupportedDataTypeColumnInSchema',
      );
    });
    it('more than 500 tables → InvalidSyncGroup', async () => {
      const tables = Array.from({ length: 501 }, () => table('[dbo].[Customers]'));
      const r = await expectError('PATCH', g(), { properties: { schema: { tables } } }, 400, 'InvalidSyncGroup');
      assert.match(armErrorOf(r).message, /500/);
    });
    it('a table missing from the hub schema, or an unknown masterSyncMemberName → 400', async () => {
      await expectError('PATCH', g(), { properties: { schema: { tables: [table('[dbo].[Nope]')] } } }, 400, 'InvalidSyncGroup');
      await expectError(
        'PATCH',
        g(),
        { properties: { schema: { tables: [table('[dbo].[Customers]')], masterSyncMemberName: 'ghost' } } },
        400,
        'InvalidSyncMember',
      );
    });
    it('syncable tables with their columns are accepted', async () => {
      const r = await runLro(t, 'PATCH', g(), {
        properties: {
          schema: {
            tables: [table('[dbo].[Customers]', ['[CustomerId]', '[Name]']), table('[dbo].[Employees]', ['[EmployeeId]', '[Name]'])],
          },
        },
      });
      assert.equal(r.final.status, 200, r.final.text);
      assert.equal(syncGroupOf(r.final).properties.schema!.tables!.length, 2);
    });
  });

  describe('members and agents', () => {
    const g = () => `${ids.salesHub}/syncGroups/sales-sync`;
    it('empty member body → InvalidSyncMemberCreateOrUpdateRequest; bad name → InvalidSyncMemberName', async () => {
      await expectError('PUT', `${g()}/syncMembers/m`, {}, 400, 'InvalidSyncMemberCreateOrUpdateRequest');
      await expectError('PUT', `${g()}/syncMembers/m$`, { properties: {} }, 400, 'InvalidSyncMemberName');
    });
    it('an on-premises member needs a valid agent and a linked database', async () => {
      await expectError(
        'PUT',
        `${g()}/syncMembers/m`,
        {
          properties: {
            databaseType: 'SqlServerDatabase',
            syncAgentId: `${ids.weu}/syncAgents/nope`,
            sqlServerDatabaseId: '00000000-0000-0000-0000-000000000000',
          },
        },
        400,
        'InvalidSyncAgentResourceId',
      );
      await expectError(
        'PUT',
        `${g()}/syncMembers/m`,
        {
          properties: {
            databaseType: 'SqlServerDatabase',
            syncAgentId: ids.onlineAgent,
            sqlServerDatabaseId: '00000000-0000-0000-0000-000000000000',
          },
        },
        400,
        'InvalidSyncMember',
      );
    });
    it('the hub itself as member → InvalidSyncMember; unknown database → DatabaseDoesNotExist', async () => {
      await expectError(
        'PUT',
        `${g()}/syncMembers/m`,
        {
          properties: {
            syncMemberAzureDatabaseResourceId: ids.salesHub,
            serverName: 'contoso-sales-weu.database.windows.net',
            databaseName: 'SalesHub',
          },
        },
        400,
        'InvalidSyncMember',
      );
      await expectError(
        'PUT',
        `${g()}/syncMembers/m`,
        {
          properties: {
            syncMemberAzureDatabaseResourceId: `${ids.eus}/databases/nope`,
            serverName: 'contoso-sales-eus.database.windows.net',
            databaseName: 'nope',
          },
        },
        404,
        'DatabaseDoesNotExist',
      );
    });
    it('a 31st member → CannotCreateSyncMemberDueToQuotaExceeded', async () => {
      const grp = `${ids.east}/syncGroups/crowded`;
      assert.equal((await runLro(t, 'PUT', grp, body())).final.status, 200);
      const member = {
        properties: {
          syncMemberAzureDatabaseResourceId: ids.reporting,
          serverName: 'contoso-sales-eus.database.windows.net',
          databaseName: 'SalesReporting',
          syncDirection: 'Bidirectional',
        },
      };
      const puts = await Promise.all(Array.from({ length: 30 }, (_, i) => t.call('PUT', v(`${grp}/syncMembers/m${i}`), { body: member })));
      assert.ok(puts.every((r) => r.status === 201));
      await expectError('PUT', `${grp}/syncMembers/m30`, member, 400, 'CannotCreateSyncMemberDueToQuotaExceeded');
    });
    it('deleting an agent a member uses → CannotDeleteInUseSyncAgent', async () => {
      await expectError('DELETE', ids.onlineAgent, undefined, 400, 'CannotDeleteInUseSyncAgent');
    });
    it('agent PUT without body → InvalidSyncAgentCreateOrUpdateRequest', async () => {
      await expectError('PUT', `${ids.weu}/syncAgents/a2`, {}, 400, 'InvalidSyncAgentCreateOrUpdateRequest');
    });
    it('deleting a group twice → SyncOperation_DuplicateSyncGroupDrop; updating it meanwhile → SyncOperation_UpdateSyncGroupWhenDropping', async () => {
      const p = `${ids.salesHub}/syncGroups/sales-reporting`;
      assert.equal((await t.call('DELETE', v(p))).status, 202);
      await expectError('DELETE', p, undefined, 400, 'SyncOperation_DuplicateSyncGroupDrop');
      await expectError('PATCH', p, { properties: { interval: 600 } }, 400, 'SyncOperation_UpdateSyncGroupWhenDropping');
    });
  });
});
