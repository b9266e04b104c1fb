// Running a sync: start one now, cancel the running one, and read where the group and its members
// stand. Trigger and cancel are plain POSTs (no operation to track): the group's syncState shows progress.
import type { Page } from '../../azure/paging/pager';
import type { SyncGroup, SyncGroupLog, SyncMember } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { listMembers } from './syncMemberWorkflows';

export async function triggerSync(ctx: DataSyncContext, groupId: string, signal?: AbortSignal): Promise<void> {
  await ctx.clients().groups.triggerSync(syncGroupRefFromId(groupId), signal);
  ctx.refresh(groupId);
}

/** Cancels the running sync. The service answers a cancel with nothing running as a success, so the
 *  group's state is read first: false, and nothing sent, when no sync is running. */
export async function cancelSync(ctx: DataSyncContext, groupId: string, signal?: AbortSignal): Promise<boolean> {
  const ref = syncGroupRefFromId(groupId);
  const group = await ctx.clients().groups.get(ref, signal);
  if (group.properties?.syncState !== 'Progressing') return false;
  await ctx.clients().groups.cancelSync(ref, signal);
  ctx.refresh(groupId);
  return true;
}

export interface SyncStatus {
  group: SyncGroup;
  members: SyncMember[];
}

export async function readSyncStatus(ctx: DataSyncContext, groupId: string): Promise<SyncStatus> {
  const [group, members] = await Promise.all([ctx.clients().groups.get(syncGroupRefFromId(groupId)), listMembers(ctx, groupId)]);
  return { group, members };
}

export interface LogQuery {
  startTime: string;
  endTime: string;
  type: string;
}

/** The group's sync log, page by page (the pager follows nextLink / continuationToken). */
export function syncLogPages(ctx: DataSyncContext, groupId: string, query: LogQuery): AsyncIterator<Page<SyncGroupLog>> {
  return ctx.clients().groups.listLogs(syncGroupRefFromId(groupId), query).byPage()[Symbol.asyncIterator]();
}
