// Shared by unit and integration tests: user databases that are hub of no sync group yet, on the
// server of the first subscription that has most of them (Data Sync allows 5 groups per hub).
import type { AzureClient } from '../../src/azure/http/azureClient';

const q = { 'api-version': '2025-01-01' };

export async function freeHubDatabases(arm: AzureClient): Promise<string[]> {
  const subs = await arm.send<{ value: { subscriptionId: string }[] }>({
    operationName: 'List subscriptions',
    method: 'GET',
    url: '/subscriptions',
    query: { 'api-version': '2022-12-01' },
  });
  const servers = await arm.send<{ value: { id: string }[] }>({
    operationName: 'List servers',
    method: 'GET',
    url: `/subscriptions/${subs.body!.value[0].subscriptionId}/providers/Microsoft.Sql/servers`,
    query: q,
  });
  let best: string[] = [];
  for (const server of servers.body!.value) {
    const dbs = await arm.send<{ value: { id: string; name: string }[] }>({
      operationName: 'List databases',
      method: 'GET',
      url: `${server.id}/databases`,
      query: q,
    });
    const free: string[] = [];
    for (const db of dbs.body!.value.filter((d) => d.name !== 'master')) {
      const groups = await arm.send<{ value: unknown[] }>({
        operationName: 'List sync groups',
        method: 'GET',
        url: `${db.id}/syncGroups`,
        query: q,
      });
      if (groups.body!.value.length === 0) free.push(db.id);
    }
    if (free.length > best.length) best = free;
  }
  if (best.length < 2) throw new Error('the demo seed has no server with two databases free to be hubs');
  // Empty metadata databases last: the first one is used as a hub and should have tables.
  return best.sort((a, b) => Number(/meta/i.test(a)) - Number(/meta/i.test(b)));
}
