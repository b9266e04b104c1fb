// Quick-pick flows to choose a resource when a command runs from the palette (no tree node).
import type * as vscode from 'vscode';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId } from '../dataSyncRefs';
import type { UserInput } from '../../ui/userInput';
import { listAgents, listServers, listSubscriptions, listSyncGroupsOfServer, listUserDatabases } from '../workflows/resourceLists';
import { listMembers } from '../workflows/syncMemberWorkflows';

interface IdItem extends vscode.QuickPickItem {
  id: string;
}

export async function pickSubscription(ctx: DataSyncContext, input: UserInput): Promise<string | undefined> {
  const items = listSubscriptions(ctx).then((subs) =>
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
  const items = listServers(ctx, sub).then((servers) =>
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
  const items = listUserDatabases(ctx, server).then((dbs) =>
    dbs.map((d): IdItem => ({ label: d.name ?? '', description: d.sku?.name, id: d.id as string })),
  );
  return (await input.pick(items, { title }))?.id;
}

export async function pickSyncGroup(ctx: DataSyncContext, input: UserInput): Promise<string | undefined> {
  const server = await pickServer(ctx, input);
  if (!server) return undefined;
  const items = listSyncGroupsOfServer(ctx, server).then((groups) =>
    groups.map((g): IdItem => ({
      label: g.name ?? '',
      description: `hub ${databaseRefFromId(g.id as string).database} · ${g.properties?.syncState ?? ''}`,
      id: g.id as string,
    })),
  );
  return (await input.pick(items, { title: 'Choose a sync group', matchOnDescription: true }))?.id;
}

export async function pickMember(ctx: DataSyncContext, input: UserInput, groupId: string): Promise<string | undefined> {
  const items = listMembers(ctx, groupId).then((ms) =>
    ms.map((m): IdItem => ({ label: m.name ?? '', description: m.properties?.databaseName, id: m.id as string })),
  );
  return (await input.pick(items, { title: 'Choose a sync member' }))?.id;
}

export async function pickAgent(
  ctx: DataSyncContext,
  input: UserInput,
  serverId: string,
  title = 'Choose a sync agent',
): Promise<IdItem | undefined> {
  const items = listAgents(ctx, serverId).then((as) =>
    as.map((a): IdItem => ({ label: a.name ?? '', description: a.properties?.state, id: a.id as string })),
  );
  return input.pick(items, { title });
}
