// Sync group use cases: create (the documented way: no schema, no masterSyncMemberName), change its
// settings, delete it. Each checks Data Sync's rules first and throws DataSyncValidationError without
// sending anything when they fail.
import { databasePath, syncGroupPath } from '../../azure/sql/sqlPaths';
import type { SyncGroup, SyncGroupInput, SyncGroupProperties } from '../../azure/sql/syncModels';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { DataSyncContext } from '../dataSyncContext';
import { databaseRefFromId, syncGroupRefFromId } from '../dataSyncRefs';
import {
  validateConflictPolicy,
  validateGroupQuota,
  validateInterval,
  validateRequired,
  validateRetentionDays,
  validateSyncGroupName,
} from '../syncRules';
import { track } from './tracking';
import { problemsOf, throwIfInvalid, type FieldProblem } from './validationError';

/** The settings a group can change after it exists. */
export interface GroupSettings {
  /** Seconds, or -1 to sync manually. */
  interval: number;
  conflictResolutionPolicy: string;
  enableConflictLogging: boolean;
  /** Days; only sent while conflict logging is on. */
  conflictLoggingRetentionInDays?: number;
  usePrivateLinkConnection: boolean;
}

export interface CreateGroupInput extends GroupSettings {
  hubDatabaseId: string;
  name: string;
  syncDatabaseId: string;
  hubDatabaseUserName: string;
  /** Write-only: goes into the request body and nowhere else. */
  hubDatabasePassword: string;
}

function settingsProblems(s: GroupSettings): FieldProblem[] {
  return problemsOf([
    ['interval', validateInterval(s.interval)],
    ['conflictResolutionPolicy', validateConflictPolicy(s.conflictResolutionPolicy)],
    ['conflictLoggingRetentionInDays', s.enableConflictLogging ? validateRetentionDays(s.conflictLoggingRetentionInDays) : undefined],
  ]);
}

function settingsBody(s: GroupSettings): SyncGroupProperties {
  return {
    interval: s.interval,
    conflictResolutionPolicy: s.conflictResolutionPolicy,
    enableConflictLogging: s.enableConflictLogging,
    ...(s.enableConflictLogging ? { conflictLoggingRetentionInDays: s.conflictLoggingRetentionInDays } : {}),
    usePrivateLinkConnection: s.usePrivateLinkConnection,
  };
}

/** The checks that need no request, in the order the wizard's fields appear. */
export function createGroupProblems(input: CreateGroupInput): FieldProblem[] {
  const settings = settingsProblems(input);
  return [
    ...problemsOf([
      ['hubDatabaseId', validateRequired(input.hubDatabaseId, 'Hub database')],
      ['name', validateSyncGroupName(input.name)],
      ['syncDatabaseId', validateRequired(input.syncDatabaseId, 'Sync metadata database')],
    ]),
    ...settings,
    ...problemsOf([
      ['hubDatabaseUserName', validateRequired(input.hubDatabaseUserName, 'Hub database user name')],
      ['hubDatabasePassword', validateRequired(input.hubDatabasePassword, 'Hub database password')],
    ]),
  ];
}

/** The PUT body: the group's settings without schema (the docs: set the schema once members exist). */
export function createGroupBody(input: CreateGroupInput): SyncGroupInput {
  const s = settingsBody(input);
  return {
    properties: {
      interval: s.interval,
      conflictResolutionPolicy: s.conflictResolutionPolicy,
      syncDatabaseId: input.syncDatabaseId,
      hubDatabaseUserName: input.hubDatabaseUserName.trim(),
      hubDatabasePassword: input.hubDatabasePassword,
      enableConflictLogging: s.enableConflictLogging,
      ...(s.enableConflictLogging ? { conflictLoggingRetentionInDays: s.conflictLoggingRetentionInDays } : {}),
      usePrivateLinkConnection: s.usePrivateLinkConnection,
    },
  };
}

export interface StartedGroup {
  groupId: string;
  operation: TrackedOperation<SyncGroup>;
}

/** Checks the rules, then that the hub has no group of that name and room for one more, then creates it. */
export async function createGroup(ctx: DataSyncContext, input: CreateGroupInput, signal?: AbortSignal): Promise<StartedGroup> {
  throwIfInvalid(createGroupProblems(input));
  const ref = { ...databaseRefFromId(input.hubDatabaseId), syncGroup: input.name };
  const groups = ctx.clients().groups;
  const existing = await groups.list(ref, signal).toArray();
  const taken = existing.some((g) => g.name?.toLowerCase() === input.name.toLowerCase());
  throwIfInvalid(
    taken
      ? [{ field: 'name', message: `The hub database already has a sync group named "${input.name}".` }]
      : problemsOf([['hubDatabaseId', validateGroupQuota(existing.length)]]),
  );
  const groupId = syncGroupPath(ref);
  const operation = await track(ctx, await groups.beginCreateOrUpdate(ref, createGroupBody(input), signal), {
    title: `Create sync group ${ref.syncGroup}`,
    resourceId: groupId,
    label: `sync group ${ref.syncGroup}`,
  });
  return { groupId, operation };
}

/** The group's current settings (to start an edit from). */
export async function readGroupSettings(ctx: DataSyncContext, groupId: string, signal?: AbortSignal): Promise<SyncGroupProperties> {
  return (await ctx.clients().groups.get(syncGroupRefFromId(groupId), signal)).properties ?? {};
}

export async function updateGroupSettings(
  ctx: DataSyncContext,
  groupId: string,
  settings: GroupSettings,
  signal?: AbortSignal,
): Promise<TrackedOperation<SyncGroup>> {
  throwIfInvalid(settingsProblems(settings));
  const ref = syncGroupRefFromId(groupId);
  return track(ctx, await ctx.clients().groups.beginUpdate(ref, { properties: settingsBody(settings) }, signal), {
    title: `Update sync group ${ref.syncGroup}`,
    resourceId: syncGroupPath(ref),
    label: `sync group ${ref.syncGroup}`,
  });
}

export async function deleteGroup(ctx: DataSyncContext, groupId: string, signal?: AbortSignal): Promise<TrackedOperation<void>> {
  const ref = syncGroupRefFromId(groupId);
  return track(ctx, await ctx.clients().groups.beginDelete(ref, signal), {
    title: `Delete sync group ${ref.syncGroup}`,
    resourceId: syncGroupPath(ref),
    label: `sync group ${ref.syncGroup}`,
  });
}

/** The hub database of a group (its id without the /syncGroups/… tail). */
export const hubDatabaseIdOf = (groupId: string): string => databasePath(syncGroupRefFromId(groupId));
