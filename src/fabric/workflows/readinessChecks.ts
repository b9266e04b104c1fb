// The readiness checks as pure functions of what was read (server, identity, role assignments, table
// verdicts): each ✓ / ✗ with its reason and, where an API can do it, the fix. What no REST API can see
// (tenant settings, SQL permissions, change feed state, key columns and their precision) is a "check yourself" item with the exact T-SQL
// or setting — never reported as passed.
import type { WorkspaceRoleAssignment } from '../../azure/fabric/workspaceRoleAssignmentsClient';
import type { ServerIdentity } from '../../azure/sql/serverIdentityClient';
import type { SqlServer } from '../../azure/sql/serverModels';
import { keyCheckQuery, keyLimitsQuery, MAX_MIRRORED_TABLES, type TableVerdict } from '../mirrorability';
import type { MountedTableChoice } from './createValidation';

/** pass ✓, fail ✗, warn (mirroring runs, with a caveat), manual (no API can tell: check it yourself). */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'manual';

export type ReadinessFix =
  | { kind: 'enableServerIdentity'; serverId: string; serverName: string }
  | { kind: 'grantWorkspaceRole'; workspaceId: string; principalId: string; serverName: string };

export interface ReadinessCheck {
  id: 'serverIdentity' | 'workspaceRole' | 'tier' | 'tables' | 'keyColumns' | 'tenantSettings' | 'sqlPermissions' | 'changeFeed' | 'source';
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

export function identityCheck(server: SqlServer, identity: ServerIdentity | undefined, serverId: string, name: string): ReadinessCheck {
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

export function roleCheck(
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

export function tablesCheck(verdicts: TableVerdict[], chosen: MountedTableChoice[] | undefined): ReadinessCheck {
  const key = (s: string, t: string) => `${s}.${t}`.toLowerCase();
  const wanted = chosen ? new Set(chosen.map((c) => key(c.schema, c.table))) : undefined;
  const inScope = wanted ? verdicts.filter((v) => wanted.has(key(v.schema, v.name))) : verdicts;
  const missing = chosen?.filter((c) => !verdicts.some((v) => key(v.schema, v.name) === key(c.schema, c.table))) ?? [];
  const blocked = inScope.filter((v) => v.status === 'notMirrorable');
  const toCheck = inScope.filter((v) => v.status === 'checkKey');
  const title = chosen ? `The ${chosen.length} chosen tables` : `Tables of the database (${verdicts.length})`;
  if (chosen && !chosen.length)
    return { id: 'tables', title, status: 'fail', reason: 'No table is chosen: choose tables, or mirror the whole database.' };
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
      ...(toCheck.length ? { instructions: toCheck.map(keyCheckQuery).join('\n\n') } : {}),
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
      instructions: toCheck.map(keyCheckQuery).join('\n\n'),
    };
  return { id: 'tables', title, status: 'pass', reason: `All ${inScope.length} tables can be mirrored.` };
}

export const manualChecks = (): ReadinessCheck[] => [
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
    id: 'keyColumns',
    title: 'Key columns of the tables',
    status: 'manual',
    reason:
      'ARM shows neither primary keys nor precision: a key (or clustered index) on a computed column, a user-defined type, ' +
      'geometry, geography, hierarchyid, sql_variant, timestamp/rowversion, datetime2(7), datetimeoffset(7) or time(7) stops its table.',
    instructions: keyLimitsQuery(),
  },
  {
    id: 'tenantSettings',
    title: 'Fabric tenant settings',
    status: 'manual',
    reason: 'Only a Fabric administrator can see them.',
    instructions: TENANT_SETTINGS,
  },
];
