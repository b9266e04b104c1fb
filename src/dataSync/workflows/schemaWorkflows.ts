// Sync schema use cases, in the documented order: refresh the hub schema (and the members'), read
// them, then save the chosen tables and columns as the group's schema together with
// masterSyncMemberName (the member that holds the schema). Long-running calls go through the tracker.
import { syncGroupPath, syncMemberPath } from '../../azure/sql/sqlPaths';
import type { SyncFullSchemaTable, SyncGroup, SyncGroupInput, SyncGroupSchema } from '../../azure/sql/syncModels';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId, syncMemberRefFromId } from '../dataSyncRefs';
import { buildGroupSchema, type SchemaSelection } from '../syncRules';
import { listMembers } from './syncMemberWorkflows';
import { track, type TrackOptions } from './tracking';
import { DataSyncValidationError, type FieldProblem } from './validationError';

export interface MemberSchema {
  name: string;
  tables?: SyncFullSchemaTable[];
  /** Why there is nothing to compare (never refreshed, or the read failed). */
  error?: string;
}

export interface GroupSchemas {
  group: SyncGroup;
  hub: SyncFullSchemaTable[];
  /** When the hub schema was last refreshed (service time), if known. */
  lastUpdateTime?: string;
  members: MemberSchema[];
}

/** The group, its hub schema and each member's schema (a member that cannot be read says why). */
export async function readGroupSchemas(ctx: DataSyncContext, groupId: string): Promise<GroupSchemas> {
  const ref = syncGroupRefFromId(groupId);
  const { groups, members } = ctx.clients();
  const [group, hubPages, memberList] = await Promise.all([
    groups.get(ref),
    groups.listHubSchemas(ref).toArray(),
    members.list(ref).toArray(),
  ]);
  const memberSchemas = await Promise.all(
    memberList.map(async (m): Promise<MemberSchema> => {
      const name = m.name ?? '';
      try {
        const pages = await members.listSchemas({ ...ref, syncMember: name }).toArray();
        const tables = pages.flatMap((p) => p.tables ?? []);
        // An empty answer means "never refreshed", not "has no tables": comparing would mark everything missing.
        if (!tables.length) return { name, error: 'not read yet — refresh the member schema to compare it' };
        return { name, tables };
      } catch (e) {
        return { name, error: `could not be read (${e instanceof Error ? e.message : String(e)})` };
      }
    }),
  );
  return {
    group,
    hub: hubPages.flatMap((s) => s.tables ?? []),
    lastUpdateTime: hubPages.find((s) => s.lastUpdateTime)?.lastUpdateTime,
    members: memberSchemas,
  };
}

export async function refreshHubSchema(ctx: DataSyncContext, groupId: string, o: TrackOptions = {}): Promise<TrackedOperation<void>> {
  const ref = syncGroupRefFromId(groupId);
  return track(ctx, await ctx.clients().groups.beginRefreshHubSchema(ref, o.signal), {
    title: `Refresh hub schema of ${ref.syncGroup}`,
    resourceId: syncGroupPath(ref),
    label: `sync group ${ref.syncGroup}`,
    retry: o.retry,
  });
}

export async function refreshMemberSchema(ctx: DataSyncContext, memberId: string, o: TrackOptions = {}): Promise<TrackedOperation<void>> {
  const ref = syncMemberRefFromId(memberId);
  return track(ctx, await ctx.clients().members.beginRefreshSchema(ref, o.signal), {
    title: `Refresh schema of member ${ref.syncMember}`,
    resourceId: syncMemberPath(ref),
    label: `sync member ${ref.syncMember}`,
    retry: o.retry,
  });
}

/** Refreshes every member's schema (one tracked operation each, in parallel); says which failed. */
export async function refreshMemberSchemas(ctx: DataSyncContext, groupId: string): Promise<{ failed: string[] }> {
  const ref = syncGroupRefFromId(groupId);
  const list = await listMembers(ctx, groupId);
  const results = await Promise.allSettled(
    list.map(async (m) => (await refreshMemberSchema(ctx, syncMemberPath({ ...ref, syncMember: m.name ?? '' }))).result),
  );
  return { failed: list.filter((_, i) => results[i].status === 'rejected').map((m) => m.name ?? '') };
}

/** The group's schema for a selection, or every reason it cannot be saved. `members`: the group's member names. */
export function schemaFor(
  hub: SyncFullSchemaTable[],
  selection: SchemaSelection,
  members: readonly string[],
): { schema?: SyncGroupSchema; problems: FieldProblem[] } {
  const built = buildGroupSchema(hub, selection);
  const problems: FieldProblem[] = built.errors.map((message) => ({ field: 'tables', message }));
  if (built.schema && !built.schema.tables?.length) problems.push({ field: 'tables', message: 'Choose at least one table to sync.' });
  const master = selection.masterSyncMemberName ?? members[0];
  if (!master)
    problems.push({ field: 'masterSyncMemberName', message: 'Add a member first: the schema is saved with the member that holds it.' });
  else if (!members.some((m) => m.toLowerCase() === master.toLowerCase()))
    problems.push({ field: 'masterSyncMemberName', message: `"${master}" is not a member of this sync group.` });
  if (problems.length || !built.schema) return { problems };
  return { schema: { ...built.schema, masterSyncMemberName: master }, problems };
}

export function saveSchemaBody(schema: SyncGroupSchema): Partial<SyncGroupInput> {
  return { properties: { schema } };
}

/** Validates the selection against the hub schema and the members, then PATCHes the group's schema. */
export async function saveSchema(
  ctx: DataSyncContext,
  groupId: string,
  hub: SyncFullSchemaTable[],
  selection: SchemaSelection,
): Promise<TrackedOperation<SyncGroup>> {
  const members = (await listMembers(ctx, groupId)).map((m) => m.name ?? '');
  const { schema, problems } = schemaFor(hub, selection, members);
  if (!schema) throw new DataSyncValidationError(problems);
  const ref = syncGroupRefFromId(groupId);
  return track(ctx, await ctx.clients().groups.beginUpdate(ref, saveSchemaBody(schema)), {
    title: `Update schema of sync group ${ref.syncGroup}`,
    resourceId: syncGroupPath(ref),
    label: `sync group ${ref.syncGroup}`,
  });
}
