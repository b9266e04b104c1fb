// Sync member commands: add (an Azure SQL database from any subscription, or SQL Server through a sync
// agent), edit direction and credentials, refresh the member schema, delete.
import * as vscode from 'vscode';
import type { SyncMemberInput } from '../../azure/sql/syncModels';
import { validateSyncMemberName } from '../syncRules';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId, syncAgentRefFromId, syncGroupRefFromId, syncMemberRefFromId } from '../dataSyncRefs';
import type { UserInput } from '../../ui/userInput';
import { resourceIdOf, startTracked, type CommandDeps } from './commandSupport';
import { pickDatabase, pickServer, pickSyncGroup } from './pickers';

const DIRECTIONS = [
  { label: 'Bidirectional', description: 'changes flow both ways (hub ⇄ member)' },
  { label: 'OneWayMemberToHub', description: 'member → hub' },
  { label: 'OneWayHubToMember', description: 'hub → member' },
];

export const validateMemberName = (value: string): string | undefined => validateSyncMemberName(value);

const required = (what: string) => (value: string) => (value.trim() ? undefined : `Enter the ${what}.`);

export function registerSyncMemberCommands({ ctx, input, errors }: CommandDeps): vscode.Disposable[] {
  const memberId = async (arg: unknown): Promise<string | undefined> => {
    const id = resourceIdOf(arg);
    if (id) return id;
    const group = await pickSyncGroup(ctx, input);
    if (!group) return undefined;
    const members = ctx
      .clients()
      .members.list(syncGroupRefFromId(group))
      .toArray()
      .then((ms) => ms.map((m) => ({ label: m.name ?? '', description: m.properties?.databaseName, id: m.id as string })));
    return (await input.pick(members, { title: 'Choose a sync member' }))?.id;
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.addMember',
      errors.guard('Add sync member', async (arg?: unknown) => {
        const groupId = resourceIdOf(arg) ?? (await pickSyncGroup(ctx, input));
        if (!groupId) return undefined;
        const group = syncGroupRefFromId(groupId);
        const kind = await input.pick(
          [
            { label: 'Azure SQL Database', description: 'from any subscription you can see' },
            { label: 'SQL Server', description: 'on premises or in a VM, through a sync agent' },
          ],
          { title: `Add a member to ${group.syncGroup}` },
        );
        if (!kind) return undefined;
        const target = kind.label === 'SQL Server' ? await askSqlServerTarget(ctx, input, groupId) : await askAzureTarget(ctx, input);
        if (!target) return undefined;
        const direction = await input.pick(DIRECTIONS, { title: 'Sync direction' });
        if (!direction) return undefined;
        const name = await input.input({ title: 'Member name', value: target.suggestedName, validateInput: validateMemberName });
        if (!name) return undefined;
        const userName = await input.input({ title: `User name for ${target.databaseName}`, validateInput: required('user name') });
        if (!userName) return undefined;
        const password = await input.input({ title: `Password for ${userName}`, password: true, validateInput: required('password') });
        if (!password) return undefined;
        const body: SyncMemberInput = { properties: { ...target.properties, userName, password, syncDirection: direction.label } };
        const ref = { ...group, syncMember: name };
        return startTracked(ctx, {
          title: `Add member ${name} to ${group.syncGroup}`,
          resourceId: `${groupId}/syncMembers/${name}`,
          label: `member ${name}`,
          begin: () => ctx.clients().members.beginCreateOrUpdate(ref, body),
        });
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.editMember',
      errors.guard('Edit sync member', async (arg?: unknown) => {
        const id = await memberId(arg);
        if (!id) return undefined;
        const ref = syncMemberRefFromId(id);
        const current = (await ctx.clients().members.get(ref)).properties ?? {};
        const direction = await input.pick(
          DIRECTIONS.map((d) => ({ ...d, picked: d.label === current.syncDirection })),
          { title: `Sync direction of ${ref.syncMember}`, placeHolder: `Now: ${current.syncDirection ?? 'unknown'}` },
        );
        if (!direction) return undefined;
        const change = await input.pick([{ label: 'Keep the credentials' }, { label: 'Change the credentials' }], {
          title: `Credentials of ${ref.syncMember}`,
        });
        if (!change) return undefined;
        const properties: Partial<SyncMemberInput['properties']> = { syncDirection: direction.label };
        if (change.label === 'Change the credentials') {
          const userName = await input.input({
            title: `User name for ${current.databaseName ?? ref.syncMember}`,
            value: current.userName,
            validateInput: required('user name'),
          });
          if (!userName) return undefined;
          const password = await input.input({ title: `Password for ${userName}`, password: true, validateInput: required('password') });
          if (!password) return undefined;
          Object.assign(properties, { userName, password });
        }
        return startTracked(ctx, {
          title: `Update member ${ref.syncMember}`,
          resourceId: id,
          label: `member ${ref.syncMember}`,
          begin: () => ctx.clients().members.beginUpdate(ref, { properties }),
        });
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.refreshMemberSchema',
      errors.guard('Refresh member schema', async (arg?: unknown) => {
        const id = await memberId(arg);
        if (!id) return undefined;
        const ref = syncMemberRefFromId(id);
        return startTracked(ctx, {
          title: `Refresh schema of member ${ref.syncMember}`,
          resourceId: id,
          label: `member ${ref.syncMember}`,
          begin: () => ctx.clients().members.beginRefreshSchema(ref),
          retry: { command: 'sqlDataMovement.dataSync.refreshMemberSchema', args: [id] },
        });
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.deleteMember',
      errors.guard('Delete sync member', async (arg?: unknown) => {
        const id = await memberId(arg);
        if (!id) return undefined;
        const ref = syncMemberRefFromId(id);
        const ok = await input.confirm(
          `Remove member "${ref.syncMember}" from sync group "${ref.syncGroup}"?`,
          'The member stops syncing; the data in its database is not deleted.',
          'Remove',
        );
        if (!ok) return undefined;
        return startTracked(ctx, {
          title: `Remove member ${ref.syncMember}`,
          resourceId: id,
          label: `member ${ref.syncMember}`,
          begin: () => ctx.clients().members.beginDelete(ref),
        });
      }),
    ),
  ];
}

interface MemberTarget {
  properties: Partial<SyncMemberInput['properties']>;
  databaseName: string;
  suggestedName: string;
}

async function askAzureTarget(ctx: DataSyncContext, input: UserInput): Promise<MemberTarget | undefined> {
  const serverId = await pickServer(ctx, input);
  if (!serverId) return undefined;
  const dbId = await pickDatabase(ctx, input, serverId, 'Choose the member database');
  if (!dbId) return undefined;
  const server = serverRefFromId(serverId);
  const servers = await ctx.clients().servers.listServers(server.subscriptionId, { resourceGroup: server.resourceGroup }).toArray();
  const fqdn = servers.find((s) => s.id?.toLowerCase() === serverId.toLowerCase())?.properties?.fullyQualifiedDomainName ?? server.server;
  const db = databaseRefFromId(dbId);
  return {
    properties: { databaseType: 'AzureSqlDatabase', syncMemberAzureDatabaseResourceId: dbId, serverName: fqdn, databaseName: db.database },
    databaseName: db.database,
    suggestedName: `${db.database}-${server.server}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128),
  };
}

async function askSqlServerTarget(ctx: DataSyncContext, input: UserInput, groupId: string): Promise<MemberTarget | undefined> {
  const group = syncGroupRefFromId(groupId);
  const clients = ctx.clients();
  const agents = clients.agents
    .list(group)
    .toArray()
    .then((as) => as.map((a) => ({ label: a.name ?? '', description: a.properties?.state, id: a.id as string })));
  const agent = await input.pick(agents, { title: `Choose the sync agent (on ${group.server})` });
  if (!agent) return undefined;
  const linked = clients.agents
    .listLinkedDatabases(syncAgentRefFromId(agent.id))
    .toArray()
    .then((dbs) =>
      dbs.map((d) => ({
        label: d.properties?.databaseName ?? d.name ?? '',
        description: d.properties?.serverName,
        id: d.properties?.databaseId ?? d.name ?? '',
      })),
    );
  const db = await input.pick(linked, { title: `Choose a database registered with ${agent.label}` });
  if (!db) return undefined;
  return {
    properties: {
      databaseType: 'SqlServerDatabase',
      syncAgentId: agent.id,
      sqlServerDatabaseId: db.id,
      databaseName: db.label,
      serverName: db.description,
    },
    databaseName: db.label,
    suggestedName: `${db.label}-onprem`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128),
  };
}
