// Sync group schema work shared by the setup wizard and the schema picker: read the hub/member schemas
// into a SchemaView, refresh the hub schema and save a selection — every long-running call through the
// operation tracker so it shows in the status bar and the Operations view.
import type { SyncGroupRef } from '../../azure/sql/sqlPaths';
import type { SyncFullSchemaTable, SyncGroup } from '../../azure/sql/syncModels';
import { buildGroupSchema } from '../syncRules';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupPath } from '../../azure/sql/sqlPaths';
import type { SchemaSelectionMessage, SchemaView } from './protocol/dataSyncCommon';
import { buildSchemaView } from './schemaViewModel';

export interface LoadedSchema {
  group: SyncGroup;
  hub: SyncFullSchemaTable[];
  view: SchemaView;
}

export async function loadSchema(ctx: DataSyncContext, ref: SyncGroupRef): Promise<LoadedSchema> {
  const { groups, members } = ctx.clients();
  const [group, hubPages, memberList] = await Promise.all([
    groups.get(ref),
    groups.listHubSchemas(ref).toArray(),
    members.list(ref).toArray(),
  ]);
  const hub = hubPages.flatMap((s) => s.tables ?? []);
  const lastUpdateTime = hubPages.find((s) => s.lastUpdateTime)?.lastUpdateTime;
  const memberSchemas = await Promise.all(
    memberList.map(async (m) => {
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
  const view = buildSchemaView({
    groupName: ref.syncGroup,
    hub,
    lastUpdateTime,
    current: group.properties?.schema,
    members: memberSchemas,
  });
  return { group, hub, view };
}

export async function refreshHubSchema(ctx: DataSyncContext, ref: SyncGroupRef): Promise<void> {
  const poller = await ctx.clients().groups.beginRefreshHubSchema(ref);
  const op = await ctx.operations.start(poller, {
    title: `Refresh hub schema of ${ref.syncGroup}`,
    target: { label: `sync group ${ref.syncGroup}`, resourceId: syncGroupPath(ref) },
    environment: ctx.environmentKey(),
  });
  await op.result;
}

/** Refreshes every member's schema (one tracked operation each, in parallel) so drift can be compared. */
export async function refreshMemberSchemas(ctx: DataSyncContext, ref: SyncGroupRef): Promise<{ failed: string[] }> {
  const { members } = ctx.clients();
  const list = await members.list(ref).toArray();
  const results = await Promise.allSettled(
    list.map(async (m) => {
      const memberRef = { ...ref, syncMember: m.name ?? '' };
      const poller = await members.beginRefreshSchema(memberRef);
      const op = await ctx.operations.start(poller, {
        title: `Refresh schema of member ${memberRef.syncMember}`,
        target: { label: `sync member ${memberRef.syncMember}`, resourceId: m.id ?? syncGroupPath(ref) },
        environment: ctx.environmentKey(),
      });
      await op.result;
    }),
  );
  return { failed: list.filter((_, i) => results[i].status === 'rejected').map((m) => m.name ?? '') };
}

/** Validates (limits, syncability) before sending; throws with every problem listed. */
export async function saveSchema(
  ctx: DataSyncContext,
  ref: SyncGroupRef,
  hub: SyncFullSchemaTable[],
  selection: SchemaSelectionMessage,
): Promise<SyncGroup> {
  const built = buildGroupSchema(hub, selection);
  if (!built.schema) throw new SchemaSelectionError(built.errors);
  if (!built.schema.tables?.length) throw new SchemaSelectionError(['Choose at least one table to sync.']);
  const poller = await ctx.clients().groups.beginUpdate(ref, { properties: { schema: built.schema } });
  const op = await ctx.operations.start(poller, {
    title: `Update schema of sync group ${ref.syncGroup}`,
    target: { label: `sync group ${ref.syncGroup}`, resourceId: syncGroupPath(ref) },
    environment: ctx.environmentKey(),
  });
  const group = await op.result;
  ctx.refresh(syncGroupPath(ref));
  return group;
}

export class SchemaSelectionError extends Error {
  override readonly name = 'InvalidSchemaSelection';
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}
