// Validates the wizard's forms with Data Sync's rules and turns them into request bodies. Pure: the
// page's fields come in, field errors or a body go out. The password is copied into the body only.
import type { SyncGroupInput, SyncMemberInput } from '../../azure/sql/syncModels';
import {
  MANUAL_INTERVAL,
  validateInterval,
  validateMemberQuota,
  validateRequired,
  validateRetentionDays,
  validateSyncGroupName,
  validateSyncMemberName,
} from '../syncRules';
import type { FieldErrors } from './protocol/dataSyncCommon';
import type { GroupForm, MemberForm } from './protocol/dataSyncWizard';

const DIRECTIONS = ['Bidirectional', 'OneWayMemberToHub', 'OneWayHubToMember'];
const POLICIES = ['HubWin', 'MemberWin'];

function collect(checks: Array<[string, string | undefined]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of checks) if (message && !errors[field]) errors[field] = message;
  return errors;
}

const wholeNumber = (s: string): number => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : Number.NaN);

export function validateGroupForm(f: GroupForm): { errors: FieldErrors; body?: SyncGroupInput } {
  const interval = f.manual ? MANUAL_INTERVAL : wholeNumber(f.interval);
  const retention = wholeNumber(f.conflictLoggingRetentionInDays);
  const errors = collect([
    ['subscription', validateRequired(f.subscriptionId, 'Subscription')],
    ['server', validateRequired(f.serverId, 'Server')],
    ['hub', validateRequired(f.hubDatabaseId, 'Hub database')],
    ['group-name', validateSyncGroupName(f.name)],
    ['sync-database', validateRequired(f.syncDatabaseId, 'Sync metadata database')],
    ['interval', validateInterval(interval)],
    ['conflict', POLICIES.includes(f.conflictResolutionPolicy) ? undefined : 'Choose Hub wins or Member wins.'],
    ['retention', f.enableConflictLogging ? validateRetentionDays(retention) : undefined],
    ['hub-user', validateRequired(f.hubDatabaseUserName, 'Hub database user name')],
    ['hub-password', validateRequired(f.hubDatabasePassword, 'Hub database password')],
  ]);
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      properties: {
        interval,
        conflictResolutionPolicy: f.conflictResolutionPolicy,
        syncDatabaseId: f.syncDatabaseId,
        hubDatabaseUserName: f.hubDatabaseUserName.trim(),
        hubDatabasePassword: f.hubDatabasePassword,
        enableConflictLogging: f.enableConflictLogging,
        ...(f.enableConflictLogging ? { conflictLoggingRetentionInDays: retention } : {}),
        usePrivateLinkConnection: f.usePrivateLinkConnection,
      },
    },
  };
}

export function validateMemberForm(
  f: MemberForm,
  existingMembers: string[],
  hubDatabaseId: string | undefined,
): { errors: FieldErrors; body?: SyncMemberInput } {
  const azure = f.kind === 'azure';
  const errors = collect([
    [
      'member-name',
      validateSyncMemberName(f.name) ??
        (existingMembers.some((m) => m.toLowerCase() === f.name.toLowerCase())
          ? `The group already has a member named "${f.name}".`
          : validateMemberQuota(existingMembers.length)),
    ],
    ['member-subscription', azure ? validateRequired(f.subscriptionId, 'Subscription') : undefined],
    ['member-server', azure ? validateRequired(f.serverId, 'Server') : undefined],
    [
      'member-database',
      azure
        ? (validateRequired(f.databaseId, 'Member database') ??
          (hubDatabaseId && f.databaseId.toLowerCase() === hubDatabaseId.toLowerCase()
            ? 'The hub database cannot also be a member.'
            : undefined))
        : undefined,
    ],
    ['member-agent', azure ? undefined : validateRequired(f.agentId, 'Sync agent')],
    ['member-linked', azure ? undefined : validateRequired(f.sqlServerDatabaseId, 'SQL Server database')],
    ['member-direction', DIRECTIONS.includes(f.syncDirection) ? undefined : 'Choose a sync direction.'],
    ['member-user', validateRequired(f.userName, 'Member user name')],
    ['member-password', validateRequired(f.password, 'Member password')],
  ]);
  if (Object.keys(errors).length) return { errors };
  const common = {
    userName: f.userName.trim(),
    password: f.password,
    syncDirection: f.syncDirection,
    usePrivateLinkConnection: f.usePrivateLinkConnection,
  };
  const body: SyncMemberInput = azure
    ? { properties: { databaseType: 'AzureSqlDatabase', syncMemberAzureDatabaseResourceId: f.databaseId, ...common } }
    : { properties: { databaseType: 'SqlServerDatabase', syncAgentId: f.agentId, sqlServerDatabaseId: f.sqlServerDatabaseId, ...common } };
  return { errors, body };
}
