// Quick-pick flows to choose a resource when a command runs from the palette (no tree node).
import type * as vscode from 'vscode';
import { isSystemDatabase } from '../../azure/sql/serverModels';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId } from '../dataSyncRefs';
import type { UserInput } from '../../ui/userInput';

interface IdItem extends vscode.QuickPickItem {
  id: string;
}

export async function pickSubscription(ctx: DataSyncContext, input: UserInput): Promise<string | undefined> {
  const items = ctx
    .clients()
    .subscriptions.list()
    .toArray()
    .then((subs) =>
      subs.map((s): IdItem => ({
        label: s.displayName ?? s.subscriptionId ?? '',
        description: s.subscriptionId,
        id: s.subscriptionId ?? '',
      })),
    );
  return (await input.pick(items, { title: 'Choose a subscription', matchOnDescription: true }))?.id;
}

export async function pickServer(ctx: DataSyncContext, input: UserInput, subscriptionId?: string): Promise<string | undefined> {
  const sub = subscriptionId ?? (await pickSubscription(ctx, input));
  if (!sub) return undefined;
  const items = ctx
    .clients()
    .servers.listServers(sub)
    .toArray()
    .then((servers) =>
      servers.map((s): IdItem => ({
        label: s.name ?? '',
        description: [s.location, serverRefFromId(s.id as string).resourceGroup].join(' · '),
        id: s.id as string,
      })),
    );
  return (await input.pick(items, { title: 'Choose a SQL server', matchOnDescription: true }))?.id;
}

export async function pickDatabase(
  ctx: DataSyncContext,
  input: UserInput,
  serverId?: string,
  title = 'Choose a database',
): Promise<string | undefined> {
  const server = serverId ?? (await pickServer(ctx, input));
  if (!server) return undefined;
  const items = ctx
    .clients()
    .servers.listDatabases(serverRefFromId(server))
    .toArray()
    .then((dbs) =>
      dbs.filter((d) => !isSystemDatabase(d)).map((d): IdItem => ({ label: d.name ?? '', description: d.sku?.name, id: d.id as string })),
    );
  return (await input.pick(items, { title }))?.id;
}

export async function pickSyncGroup(ctx: DataSyncContext, input: UserInput): Promise<string | undefined> {
  const server = await pickServer(ctx, input);
  if (!server) return undefined;
  const clients = ctx.clients();
  const items = clients.servers
    .listDatabases(serverRefFromId(server))
    .toArray()
    .then(async (dbs) => {
      const groups = await Promise.all(
        dbs.filter((d) => !isSystemDatabase(d)).map((d) => clients.groups.list(databaseRefFromId(d.id as string)).toArray()),
      );
      return groups.flat().map((g): IdItem => ({
        label: g.name ?? '',
        description: `hub ${databaseRefFromId(g.id as string).database} · ${g.properties?.syncState ?? ''}`,
        id: g.id as string,
      }));
    });
  return (await input.pick(items, { title: 'Choose a sync group', matchOnDescription: true }))?.id;
}
