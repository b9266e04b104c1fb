// Sync member commands: add (an Azure SQL database from any subscription, or SQL Server through a sync
// agent), edit direction and credentials, refresh the member schema, delete. The member workflows check
// the same rules as the setup wizard (name, duplicates, the group's limit, the hub is no member).
import * as vscode from 'vscode';
import { serverPath } from '../../azure/sql/sqlPaths';
import { SYNC_DIRECTIONS } from '../syncRules';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId, syncGroupRefFromId, syncMemberRefFromId } from '../dataSyncRefs';
import type { UserInput } from '../../ui/userInput';
import { resourceIdOf } from '../../ui/targetResourceId';
import { listLinkedDatabases } from '../workflows/resourceLists';
import { refreshMemberSchema } from '../workflows/schemaWorkflows';
import {
  addMember,
  deleteMember,
  newMemberNameRule,
  readMember,
  updateMember,
  type AddMemberInput,
  type MemberChanges,
} from '../workflows/syncMemberWorkflows';
import type { SyncMemberProperties } from '../../azure/sql/syncModels';
import { askThenSend } from '../../ui/retryableCommand';
import { withRequestProgress, type CommandDeps } from './commandSupport';
import { pickAgent, pickDatabase, pickMember, pickServer, pickSyncGroup } from './pickers';

const DIRECTION_ITEMS = SYNC_DIRECTIONS.map((d) => ({ label: d.value, description: d.description }));

const required = (what: string) => (value: string) => (value.trim() ? undefined : `Enter the ${what}.`);

type MemberTarget = Pick<AddMemberInput, 'kind' | 'databaseId' | 'agentId' | 'sqlServerDatabaseId'> & {
  databaseName: string;
  suggestedName: string;
};

export function registerSyncMemberCommands(deps: CommandDeps): vscode.Disposable[] {
  const { ctx, input, errors } = deps;
  const memberId = async (arg: unknown): Promise<string | undefined> => {
    const id = resourceIdOf(arg);
    if (id) return id;
    const group = await pickSyncGroup(ctx, input);
    if (!group) return undefined;
    return pickMember(ctx, input, group);
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.addMember',
      errors.guard('Add sync member', (arg?: unknown) =>
        askThenSend('Add sync member', deps, {
          ask: (ui) => askNewMember(ctx, ui, arg),
          send: async (answers) =>
            (await withRequestProgress(`Adding sync member ${answers.name}…`, arg, (signal) => addMember(ctx, answers, signal))).operation,
        }),
      ),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.editMember',
      errors.guard('Edit sync member', async (arg?: unknown) => {
        const id = await memberId(arg);
        if (!id) return undefined;
        const name = syncMemberRefFromId(id).syncMember;
        const current = await withRequestProgress(`Reading sync member ${name}…`, arg, (signal) => readMember(ctx, id, signal));
        return askThenSend('Edit sync member', deps, {
          ask: (ui) => askMemberChanges(ui, name, current),
          send: (changes) => withRequestProgress(`Updating sync member ${name}…`, arg, (signal) => updateMember(ctx, id, changes, signal)),
        });
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.refreshMemberSchema',
      errors.guard('Refresh member schema', async (arg?: unknown) => {
        const id = await memberId(arg);
        if (!id) return undefined;
        return withRequestProgress(`Refreshing the schema of ${syncMemberRefFromId(id).syncMember}…`, arg, (signal) =>
          refreshMemberSchema(ctx, id, { retry: { command: 'sqlDataMovement.dataSync.refreshMemberSchema', args: [id] }, signal }),
        );
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
        return withRequestProgress(`Removing sync member ${ref.syncMember}…`, arg, (signal) => deleteMember(ctx, id, signal));
      }),
    ),
  ];
}

/** Every answer Add Member needs, from the group (unless given) to the password; undefined when cancelled. */
async function askNewMember(ctx: DataSyncContext, input: UserInput, arg: unknown): Promise<AddMemberInput | undefined> {
  const groupId = resourceIdOf(arg) ?? (await pickSyncGroup(ctx, input));
  if (!groupId) return undefined;
  const group = syncGroupRefFromId(groupId);
  // Name, duplicate and group-limit rules as in the wizard, checked before anything else is asked.
  const nameRule = await newMemberNameRule(ctx, groupId);
  const kind = await input.pick(
    [
      { label: 'Azure SQL Database', description: 'from any subscription you can see' },
      { label: 'SQL Server', description: 'on premises or in a VM, through a sync agent' },
    ],
    { title: `Add a member to ${group.syncGroup}`, key: 'member kind' },
  );
  if (!kind) return undefined;
  const target = kind.label === 'SQL Server' ? await askSqlServerTarget(ctx, input, groupId) : await askAzureTarget(ctx, input);
  if (!target) return undefined;
  const direction = await input.pick(DIRECTION_ITEMS, { title: 'Sync direction' });
  if (!direction) return undefined;
  const name = await input.input({ title: 'Member name', value: target.suggestedName, validateInput: nameRule });
  if (!name) return undefined;
  const credentials = await askCredentials(input, target.databaseName, { key: 'member user name' });
  if (!credentials) return undefined;
  const { userName, password } = credentials;
  const { kind: memberKind, databaseId, agentId, sqlServerDatabaseId } = target;
  return { groupId, name, kind: memberKind, databaseId, agentId, sqlServerDatabaseId, syncDirection: direction.label, userName, password };
}

/** A member's new direction and, when asked for, new credentials; undefined when cancelled. */
async function askMemberChanges(input: UserInput, memberName: string, current: SyncMemberProperties): Promise<MemberChanges | undefined> {
  const direction = await input.pick(
    DIRECTION_ITEMS.map((d) => ({ ...d, picked: d.label === current.syncDirection })),
    { title: `Sync direction of ${memberName}`, placeHolder: `Now: ${current.syncDirection ?? 'unknown'}` },
  );
  if (!direction) return undefined;
  const change = await input.pick([{ label: 'Keep the credentials' }, { label: 'Change the credentials' }], {
    title: `Credentials of ${memberName}`,
  });
  if (!change) return undefined;
  const changes: MemberChanges = { syncDirection: direction.label };
  if (change.label === 'Change the credentials') {
    const credentials = await askCredentials(input, current.databaseName ?? memberName, { value: current.userName });
    if (!credentials) return undefined;
    changes.credentials = credentials;
  }
  return changes;
}

/** The user name and password for a member database; undefined when cancelled. */
async function askCredentials(
  input: UserInput,
  databaseName: string,
  userNamePrompt: { key: string } | { value: string | undefined },
): Promise<{ userName: string; password: string } | undefined> {
  const userName = await input.input({ title: `User name for ${databaseName}`, ...userNamePrompt, validateInput: required('user name') });
  if (!userName) return undefined;
  const password = await input.input({
    title: `Password for ${userName}`,
    key: 'member password',
    password: true,
    validateInput: required('password'),
  });
  if (!password) return undefined;
  return { userName, password };
}

const suggestName = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128);

async function askAzureTarget(ctx: DataSyncContext, input: UserInput): Promise<MemberTarget | undefined> {
  const serverId = await pickServer(ctx, input);
  if (!serverId) return undefined;
  const databaseId = await pickDatabase(ctx, input, serverId, 'Choose the member database');
  if (!databaseId) return undefined;
  const db = databaseRefFromId(databaseId);
  return {
    kind: 'azure',
    databaseId,
    databaseName: db.database,
    suggestedName: suggestName(`${db.database}-${serverRefFromId(serverId).server}`),
  };
}

async function askSqlServerTarget(ctx: DataSyncContext, input: UserInput, groupId: string): Promise<MemberTarget | undefined> {
  const group = syncGroupRefFromId(groupId);
  const agent = await pickAgent(ctx, input, serverPath(group), `Choose the sync agent (on ${group.server})`);
  if (!agent) return undefined;
  const linked = listLinkedDatabases(ctx, agent.id).then((dbs) =>
    dbs.map((d) => ({
      label: d.properties?.databaseName ?? d.name ?? '',
      description: d.properties?.serverName,
      id: d.properties?.databaseId ?? d.name ?? '',
    })),
  );
  const db = await input.pick(linked, { title: `Choose a database registered with ${agent.label}` });
  if (!db) return undefined;
  return {
    kind: 'sqlServer',
    agentId: agent.id,
    sqlServerDatabaseId: db.id,
    databaseName: db.label,
    suggestedName: suggestName(`${db.label}-onprem`),
  };
}
