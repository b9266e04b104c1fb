// Sync member use cases: add (an Azure SQL database, or a SQL Server database through a sync agent),
// change direction or credentials, delete. Adding checks the group's limits and names first, and
// always sends what the API needs to find the database: for Azure SQL the server's FQDN and the
// database name beside the resource id; for SQL Server the agent, its database id and their names.
import { syncMemberPath } from '../../azure/sql/sqlPaths';
import type { SyncMember, SyncMemberInput, SyncMemberProperties } from '../../azure/sql/syncModels';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, serverRefFromId, syncAgentRefFromId, syncGroupRefFromId, syncMemberRefFromId } from '../dataSyncRefs';
import { validateMemberQuota, validateRequired, validateSyncDirection, validateSyncMemberName, type Check } from '../syncRules';
import { hubDatabaseIdOf } from './syncGroupWorkflows';
import { track } from './tracking';
import { DataSyncValidationError, problemsOf, throwIfInvalid, type FieldProblem } from './validationError';

export interface AddMemberInput {
  groupId: string;
  name: string;
  /** azure: an Azure SQL database (databaseId); sqlServer: a database registered with a sync agent. */
  kind: 'azure' | 'sqlServer';
  databaseId?: string;
  agentId?: string;
  sqlServerDatabaseId?: string;
  syncDirection: string;
  userName: string;
  /** Write-only: goes into the request body and nowhere else. */
  password: string;
  usePrivateLinkConnection?: boolean;
}

/** What the checks compare against: the group's members now and its hub. */
export interface MemberContext {
  existingMembers: readonly string[];
  hubDatabaseId: string | undefined;
}

/** The name rule for a new member: a valid name, not taken (names compare case-insensitively), room for one more. */
export function validateNewMemberName(name: string, existingMembers: readonly string[]): Check {
  const taken = existingMembers.some((m) => m.toLowerCase() === name.toLowerCase());
  return (
    validateSyncMemberName(name) ??
    (taken ? `The group already has a member named "${name}".` : validateMemberQuota(existingMembers.length))
  );
}

/** Every rule an added member must pass, given the group's current members and hub. */
export function addMemberProblems(input: AddMemberInput, context: MemberContext): FieldProblem[] {
  const azure = input.kind === 'azure';
  const isHub =
    azure && input.databaseId && context.hubDatabaseId && input.databaseId.toLowerCase() === context.hubDatabaseId.toLowerCase();
  return problemsOf([
    ['name', validateNewMemberName(input.name, context.existingMembers)],
    [
      'databaseId',
      azure
        ? (validateRequired(input.databaseId, 'Member database') ?? (isHub ? 'The hub database cannot also be a member.' : undefined))
        : undefined,
    ],
    ['agentId', azure ? undefined : validateRequired(input.agentId, 'Sync agent')],
    ['sqlServerDatabaseId', azure ? undefined : validateRequired(input.sqlServerDatabaseId, 'SQL Server database')],
    ['syncDirection', validateSyncDirection(input.syncDirection)],
    ['userName', validateRequired(input.userName, 'Member user name')],
    ['password', validateRequired(input.password, 'Member password')],
  ]);
}

/** Where the member's database is, as the API wants it named. */
export type MemberLocation =
  | { databaseType: 'AzureSqlDatabase'; syncMemberAzureDatabaseResourceId: string; serverName: string; databaseName: string }
  | { databaseType: 'SqlServerDatabase'; syncAgentId: string; sqlServerDatabaseId: string; serverName?: string; databaseName?: string };

export function addMemberBody(input: AddMemberInput, location: MemberLocation): SyncMemberInput {
  return {
    properties: {
      ...location,
      userName: input.userName.trim(),
      password: input.password,
      syncDirection: input.syncDirection,
      usePrivateLinkConnection: input.usePrivateLinkConnection ?? false,
    },
  };
}

/** The server's FQDN (serverName) and the database name of an Azure SQL database. */
async function azureLocation(ctx: DataSyncContext, databaseId: string, signal?: AbortSignal): Promise<MemberLocation> {
  const db = databaseRefFromId(databaseId);
  const serverId = databaseId.replace(/\/databases\/[^/]+$/i, '');
  const server = serverRefFromId(serverId);
  const servers = await ctx.clients().servers.listServers(server.subscriptionId, { resourceGroup: server.resourceGroup, signal }).toArray();
  const fqdn = servers.find((s) => s.id?.toLowerCase() === serverId.toLowerCase())?.properties?.fullyQualifiedDomainName;
  if (!fqdn) throw new Error(`Cannot find the address (fully qualified domain name) of server ${server.server}.`);
  return { databaseType: 'AzureSqlDatabase', syncMemberAzureDatabaseResourceId: databaseId, serverName: fqdn, databaseName: db.database };
}

/** The agent's registered database, with the server and database names the agent reports. */
async function sqlServerLocation(
  ctx: DataSyncContext,
  agentId: string,
  sqlServerDatabaseId: string,
  signal?: AbortSignal,
): Promise<MemberLocation> {
  const linked = await ctx.clients().agents.listLinkedDatabases(syncAgentRefFromId(agentId), signal).toArray();
  const found = linked.find((d) => d.properties?.databaseId?.toLowerCase() === sqlServerDatabaseId.toLowerCase());
  if (!found)
    throw new DataSyncValidationError([
      { field: 'sqlServerDatabaseId', message: `The database is not registered with sync agent ${syncAgentRefFromId(agentId).syncAgent}.` },
    ]);
  return {
    databaseType: 'SqlServerDatabase',
    syncAgentId: agentId,
    sqlServerDatabaseId: found.properties?.databaseId ?? sqlServerDatabaseId,
    ...(found.properties?.serverName ? { serverName: found.properties.serverName } : {}),
    ...(found.properties?.databaseName ? { databaseName: found.properties.databaseName } : {}),
  };
}

export interface StartedMember {
  memberId: string;
  operation: TrackedOperation<SyncMember>;
}

/** Checks the rules against the group's members and hub, locates the database, then adds the member. */
export async function addMember(ctx: DataSyncContext, input: AddMemberInput, signal?: AbortSignal): Promise<StartedMember> {
  const group = syncGroupRefFromId(input.groupId);
  const existing = await listMembers(ctx, input.groupId, signal);
  throwIfInvalid(
    addMemberProblems(input, { existingMembers: existing.map((m) => m.name ?? ''), hubDatabaseId: hubDatabaseIdOf(input.groupId) }),
  );
  const location =
    input.kind === 'azure'
      ? await azureLocation(ctx, input.databaseId ?? '', signal)
      : await sqlServerLocation(ctx, input.agentId ?? '', input.sqlServerDatabaseId ?? '', signal);
  const ref = { ...group, syncMember: input.name };
  const memberId = syncMemberPath(ref);
  const operation = await track(ctx, await ctx.clients().members.beginCreateOrUpdate(ref, addMemberBody(input, location), signal), {
    title: `Add sync member ${input.name}`,
    resourceId: memberId,
    label: `sync member ${input.name}`,
  });
  return { memberId, operation };
}

/** The name check for a member about to be added (reads the group's members once, so a prompt can
 *  check as the user types); refuses at once when the group has no room for another member. */
export async function newMemberNameRule(ctx: DataSyncContext, groupId: string, signal?: AbortSignal): Promise<(name: string) => Check> {
  const existing = (await listMembers(ctx, groupId, signal)).map((m) => m.name ?? '');
  throwIfInvalid(problemsOf([['name', validateMemberQuota(existing.length)]]));
  return (name) => validateNewMemberName(name, existing);
}

export interface MemberChanges {
  syncDirection: string;
  /** Only when the credentials change; the password is write-only. */
  credentials?: { userName: string; password: string };
}

export function updateMemberProblems(changes: MemberChanges): FieldProblem[] {
  return problemsOf([
    ['syncDirection', validateSyncDirection(changes.syncDirection)],
    ['userName', changes.credentials ? validateRequired(changes.credentials.userName, 'Member user name') : undefined],
    ['password', changes.credentials ? validateRequired(changes.credentials.password, 'Member password') : undefined],
  ]);
}

export function updateMemberBody(changes: MemberChanges): Partial<SyncMemberInput> {
  return {
    properties: {
      syncDirection: changes.syncDirection,
      ...(changes.credentials ? { userName: changes.credentials.userName.trim(), password: changes.credentials.password } : {}),
    },
  };
}

export async function updateMember(
  ctx: DataSyncContext,
  memberId: string,
  changes: MemberChanges,
  signal?: AbortSignal,
): Promise<TrackedOperation<SyncMember>> {
  throwIfInvalid(updateMemberProblems(changes));
  const ref = syncMemberRefFromId(memberId);
  return track(ctx, await ctx.clients().members.beginUpdate(ref, updateMemberBody(changes), signal), {
    title: `Update member ${ref.syncMember}`,
    resourceId: syncMemberPath(ref),
    label: `member ${ref.syncMember}`,
  });
}

export async function deleteMember(ctx: DataSyncContext, memberId: string, signal?: AbortSignal): Promise<TrackedOperation<void>> {
  const ref = syncMemberRefFromId(memberId);
  return track(ctx, await ctx.clients().members.beginDelete(ref, signal), {
    title: `Remove member ${ref.syncMember}`,
    resourceId: syncMemberPath(ref),
    label: `member ${ref.syncMember}`,
  });
}

/** The member's current properties (to start an edit from). */
export async function readMember(ctx: DataSyncContext, memberId: string, signal?: AbortSignal): Promise<SyncMemberProperties> {
  return (await ctx.clients().members.get(syncMemberRefFromId(memberId), signal)).properties ?? {};
}

export function listMembers(ctx: DataSyncContext, groupId: string, signal?: AbortSignal): Promise<SyncMember[]> {
  return ctx.clients().members.list(syncGroupRefFromId(groupId), signal).toArray();
}
