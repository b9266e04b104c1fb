// Mirroring readiness for an Azure SQL Database source: what Fabric needs before mirroring can run,
// each check ✓ / ✗ with its reason and, where a REST API can do it, a fix. What no REST API can see
// (tenant settings, SQL permissions, change feed state) is listed as "check yourself" with the exact
// setting or T-SQL — never reported as passed.
import { decodePart } from '../../azure/fabric/fabricModels';
import { WorkspaceRoleAssignmentsClient, type WorkspaceRoleAssignment } from '../../azure/fabric/workspaceRoleAssignmentsClient';
import { parseResourceId } from '../../azure/resourceId';
import { identityOf, ServerIdentityClient, type ServerIdentity } from '../../azure/sql/serverIdentityClient';
import type { SqlServer } from '../../azure/sql/serverModels';
import { serverPath, type ServerRef } from '../../azure/sql/sqlPaths';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import { keyCheckQuery, MAX_MIRRORED_TABLES, tierVerdict, type TableVerdict } from '../mirrorability';
import { connectionChoice, findSourceDatabase, listSourceTables } from './createWorkflows';
import type { MountedTableChoice } from './createValidation';
import { FabricConnectionsClient } from '../../azure/fabric/fabricConnectionsClient';

/** pass ✓, fail ✗, warn (mirroring runs, with a caveat), manual (no API can tell: check it yourself). */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'manual';

export type ReadinessFix =
  | { kind: 'enableServerIdentity'; serverId: string; serverName: string }
  | { kind: 'grantWorkspaceRole'; workspaceId: string; principalId: string; serverName: string };

export interface ReadinessCheck {
  id: 'serverIdentity' | 'workspaceRole' | 'tier' | 'tables' | 'tenantSettings' | 'sqlPermissions' | 'changeFeed' | 'source';
  title: string;
  status: CheckStatus;
  reason: string;
  /** Tables that cannot be mirrored (or need a key check), with why. */
  tables?: TableVerdict[];
  /** A fix this extension can apply through a REST API. */
  fix?: { label: string; action: ReadinessFix };
  /** What to do by hand: the exact T-SQL or setting. */
  instructions?: string;
}

export interface ReadinessInput {
  workspaceId: string;
  server: string;
  database: string;
  /** Chosen tables; absent = the whole database. */
  tables?: MountedTableChoice[];
}

export interface ReadinessResult {
  source: ReadinessInput;
  checks: ReadinessCheck[];
  /** Every check passed that can be checked through an API (manual ones still need a look). */
  ready: boolean;
}

/** Roles that let the identity write the mirrored data (Read and Write on the item). */
export const WRITER_ROLES = ['admin', 'member', 'contributor'];

const SQL_PERMISSIONS_TSQL = [
  '-- In the source database, as the login the Fabric connection uses:',
  "SELECT permission_name FROM fn_my_permissions(NULL, 'DATABASE')",
  "WHERE permission_name IN ('SELECT', 'ALTER ANY EXTERNAL MIRROR', 'VIEW DATABASE PERFORMANCE STATE', 'VIEW DATABASE SECURITY STATE');",
  '-- All four rows must come back (or the login is db_owner). To grant them:',
  '-- GRANT SELECT, ALTER ANY EXTERNAL MIRROR, VIEW DATABASE PERFORMANCE STATE, VIEW DATABASE SECURITY STATE TO [<user>];',
].join('\n');

const CHANGE_FEED_TSQL = [
  '-- Mirroring cannot start if the database uses CDC, Azure Synapse Link or delayed durability:',
  'SELECT is_cdc_enabled, is_data_lake_replication_enabled, delayed_durability_desc FROM sys.databases WHERE name = DB_NAME();',
  '-- Expect 0, 0, DISABLED.',
].join('\n');

const TENANT_SETTINGS =
  'Fabric admin portal → Tenant settings: "Service principals can use Fabric APIs" (when a service principal creates the item) and ' +
  '"Users can access data stored in OneLake with apps external to Fabric" (otherwise tables never reach Replicating).';

function identityCheck(server: SqlServer, identity: ServerIdentity | undefined, serverId: string, name: string): ReadinessCheck {
  const title = `Managed identity of server ${name}`;
  const on = (identity?.type ?? '').toLowerCase().includes('systemassigned') && Boolean(identity?.principalId);
  const primaryUami = server.properties?.primaryUserAssignedIdentityId;
  if (on && typeof primaryUami === 'string' && primaryUami)
    return {
      id: 'serverIdentity',
      title,
      status: 'fail',
      reason: `A user-assigned identity (${primaryUami}) is the server's primary identity; mirroring needs the system-assigned identity as primary.`,
      instructions: 'Remove the primary user-assigned identity from the server (Azure portal → SQL server → Identity).',
    };
  if (on)
    return {
      id: 'serverIdentity',
      title,
      status: 'pass',
      reason: `The system-assigned identity is on (principal ${identity?.principalId}).`,
    };
  return {
    id: 'serverIdentity',
    title,
    status: 'fail',
    reason: 'The system-assigned managed identity is off: Fabric cannot authenticate to the source.',
    fix: { label: `Turn on the system-assigned identity of ${name}`, action: { kind: 'enableServerIdentity', serverId, serverName: name } },
  };
}

function roleCheck(
  workspaceId: string,
  identity: ServerIdentity | undefined,
  assignments: WorkspaceRoleAssignment[],
  name: string,
): ReadinessCheck {
  const title = `Workspace role of ${name}'s identity`;
  const principalId = identity?.principalId;
  if (!principalId || !(identity?.type ?? '').toLowerCase().includes('systemassigned'))
    return {
      id: 'workspaceRole',
      title,
      status: 'fail',
      reason: 'The server has no system-assigned identity yet: turn it on first, then grant it a role.',
    };
  const mine = assignments.find((a) => a.principal?.id?.toLowerCase() === principalId.toLowerCase());
  if (mine && WRITER_ROLES.includes((mine.role ?? '').toLowerCase()))
    return { id: 'workspaceRole', title, status: 'pass', reason: `The identity has the ${mine.role} role in the workspace.` };
  return {
    id: 'workspaceRole',
    title,
    status: 'fail',
    reason: mine
      ? `The identity has only the ${mine.role} role: it needs Contributor (read and write) to write the mirrored data.`
      : 'The identity has no role in the workspace: an item created through the API does not grant it one.',
    ...(mine
      ? { instructions: 'Change the role to Contributor in the workspace\'s "Manage access" (Fabric portal).' }
      : {
          fix: {
            label: `Give ${name}'s identity the Contributor role in the workspace`,
            action: { kind: 'grantWorkspaceRole' as const, workspaceId, principalId, serverName: name },
          },
        }),
  };
}

function tablesCheck(verdicts: TableVerdict[], chosen: MountedTableChoice[] | undefined): ReadinessCheck {
  const key = (s: string, t: string) => `${s}.${t}`.toLowerCase();
  const wanted = chosen ? new Set(chosen.map((c) => key(c.schema, c.table))) : undefined;
  const inScope = wanted ? verdicts.filter((v) => wanted.has(key(v.schema, v.name))) : verdicts;
  const missing = chosen?.filter((c) => !verdicts.some((v) => key(v.schema, v.name) === key(c.schema, c.table))) ?? [];
  const blocked = inScope.filter((v) => v.status === 'notMirrorable');
  const toCheck = inScope.filter((v) => v.status === 'checkKey');
  const title = chosen ? `The ${chosen.length} chosen tables` : `Tables of the database (${verdicts.length})`;
  const problems: string[] = [];
  if (blocked.length) problems.push(`${blocked.length} cannot be mirrored`);
  if (missing.length) problems.push(`${missing.length} do not exist (${missing.map((m) => `${m.schema}.${m.table}`).join(', ')})`);
  if (problems.length)
    return {
      id: 'tables',
      title,
      status: 'fail',
      reason: `${problems.join('; ')}.${chosen ? ' Remove them from the selection.' : ' They will be Failed; choose tables to leave them out.'}`,
      tables: [...blocked, ...toCheck],
      ...(toCheck.length ? { instructions: toCheck.map((t) => `-- ${t.schema}.${t.name}\n${keyCheckQuery(t)}`).join('\n\n') } : {}),
    };
  if (inScope.length > MAX_MIRRORED_TABLES)
    return {
      id: 'tables',
      title,
      status: 'warn',
      reason: `${inScope.length} tables: the Azure SQL limit is ${MAX_MIRRORED_TABLES} per mirrored database; "mirror all" takes the first ${MAX_MIRRORED_TABLES} by schema and name.`,
      tables: toCheck,
    };
  if (toCheck.length)
    return {
      id: 'tables',
      title,
      status: 'manual',
      reason: `${toCheck.length} table(s) can be mirrored only if their primary key avoids computed or unsupported columns; ARM cannot show keys.`,
      tables: toCheck,
      instructions: toCheck.map((t) => `-- ${t.schema}.${t.name}\n${keyCheckQuery(t)}`).join('\n\n'),
    };
  return { id: 'tables', title, status: 'pass', reason: `All ${inScope.length} tables can be mirrored.` };
}

const manualChecks = (): ReadinessCheck[] => [
  {
    id: 'sqlPermissions',
    title: 'SQL permissions of the connection login',
    status: 'manual',
    reason: 'Not visible through a REST API.',
    instructions: SQL_PERMISSIONS_TSQL,
  },
  {
    id: 'changeFeed',
    title: 'CDC, Synapse Link and delayed durability are off',
    status: 'manual',
    reason: 'Not visible through a REST API.',
    instructions: CHANGE_FEED_TSQL,
  },
  {
    id: 'tenantSettings',
    title: 'Fabric tenant settings',
    status: 'manual',
    reason: 'Only a Fabric administrator can see them.',
    instructions: TENANT_SETTINGS,
  },
];

/** Runs every check for a source database and workspace. Each check's failure is its own result, not an exception. */
export async function checkReadiness(ctx: FabricContext, input: ReadinessInput, signal?: AbortSignal): Promise<ReadinessResult> {
  const checks: ReadinessCheck[] = [];
  const source = await findSourceDatabase(ctx, input.server, input.database, signal);
  if (!source) {
    checks.push({
      id: 'source',
      title: `Source database ${input.server}/${input.database}`,
      status: 'fail',
      reason: 'The database was not found in the subscriptions you can see, so nothing else could be checked through ARM.',
    });
  } else {
    const serverRef: ServerRef = {
      subscriptionId: source.ref.subscriptionId,
      resourceGroup: source.ref.resourceGroup,
      server: source.ref.server,
    };
    const server = await new ServerIdentityClient(ctx.clients().arm).get(serverRef, signal);
    const identity = identityOf(server);
    const assignments = await new WorkspaceRoleAssignmentsClient(ctx.clients().fabric).list(input.workspaceId, signal).toArray();
    checks.push(identityCheck(server, identity, serverPath(serverRef), serverRef.server));
    checks.push(roleCheck(input.workspaceId, identity, assignments, serverRef.server));
    const tier = tierVerdict(source.database.sku);
    checks.push({
      id: 'tier',
      title: `Service tier of ${source.ref.database}`,
      status: tier.supported === true ? 'pass' : tier.supported === false ? 'fail' : 'manual',
      reason: tier.reason,
      ...(tier.supported === false
        ? { instructions: 'Scale the database to Standard S3 (100 DTU) or higher, Premium, or a vCore tier.' }
        : {}),
    });
    checks.push(tablesCheck(await listSourceTables(ctx, source.ref, signal), input.tables));
  }
  checks.push(...manualChecks());
  return { source: input, checks, ready: checks.every((c) => c.status !== 'fail') };
}

/** The readiness input of an existing mirrored database: its definition's source and tables. */
export async function readinessInputOf(ctx: FabricContext, item: FabricItemTarget, signal?: AbortSignal): Promise<ReadinessInput> {
  const { mirroredDatabases, fabric } = ctx.clients();
  const ref = { workspaceId: item.workspaceId, mirroredDatabaseId: item.itemId };
  const { definition } = await (
    await mirroredDatabases.beginGetDefinition(ref, { signal })
  ).pollUntilDone({ signal, minDelayMs: 200, maxDelayMs: 2000 });
  const part = definition.parts.find((p) => p.path === 'mirroring.json');
  if (!part) throw new Error('The mirrored database has no mirroring.json definition part.');
  const doc = JSON.parse(decodePart(part)) as MirroringDoc;
  const props = doc.properties ?? {};
  const type = props.source?.type ?? '';
  if (!/^AzureSql(Database)?$/i.test(type))
    throw new Error(`Readiness checks cover Azure SQL Database sources; this one is ${type || 'unknown'}.`);
  const connectionId = props.source?.typeProperties?.connection ?? '';
  const connection = (await new FabricConnectionsClient(fabric).list(signal).toArray()).find(
    (c) => c.id?.toLowerCase() === connectionId.toLowerCase(),
  );
  const parsed = connection ? connectionChoice(connection) : undefined;
  if (!parsed?.server) throw new Error(`The source connection ${connectionId} was not found, or is not a SQL connection.`);
  return {
    workspaceId: item.workspaceId,
    server: parsed.server,
    database: props.source?.typeProperties?.database ?? parsed.database ?? '',
    tables: props.mountedTables?.map((m) => ({
      schema: m.source?.typeProperties?.schemaName ?? '',
      table: m.source?.typeProperties?.tableName ?? '',
    })),
  };
}

interface MirroringDoc {
  properties?: {
    source?: { type?: string; typeProperties?: { connection?: string; database?: string } };
    mountedTables?: Array<{ source?: { typeProperties?: { schemaName?: string; tableName?: string } } }>;
  };
}

export type FixOutcome =
  | { kind: 'enableServerIdentity'; operation: TrackedOperation<SqlServer> }
  | { kind: 'grantWorkspaceRole'; assignment: WorkspaceRoleAssignment };

/** Applies one fix: the identity through a tracked PATCH of the server, the role through the Fabric API. */
export async function applyReadinessFix(ctx: FabricContext, fix: ReadinessFix): Promise<FixOutcome> {
  if (fix.kind === 'enableServerIdentity') {
    const id = parseResourceId(fix.serverId);
    const ref: ServerRef = { subscriptionId: id.subscriptionId ?? '', resourceGroup: id.resourceGroup ?? '', server: fix.serverName };
    const client = new ServerIdentityClient(ctx.clients().arm);
    const current = identityOf(await client.get(ref));
    const operation = await ctx.operations.start(await client.beginEnableSystemIdentity(ref, current), {
      title: `Enable the managed identity of ${fix.serverName}`,
      target: { label: `SQL server ${fix.serverName}`, resourceId: serverPath(ref) },
      environment: ctx.environmentKey(),
    });
    return { kind: 'enableServerIdentity', operation };
  }
  const assignment = await new WorkspaceRoleAssignmentsClient(ctx.clients().fabric).add(fix.workspaceId, {
    principal: { id: fix.principalId, type: 'ServicePrincipal' },
    role: 'Contributor',
  });
  return { kind: 'grantWorkspaceRole', assignment };
}
