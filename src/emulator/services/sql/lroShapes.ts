// How each Data Sync mutation is answered. ARM lets a service answer a mutation at once (200/201) or accept
// it (201/202) with Location, Azure-AsyncOperation or both, with or without Retry-After; clients must cope
// with every combination, so the emulator uses each of them, one fixed choice per operation.
//
// Every status stays within what the operation's spec declares (SyncGroups.json, SyncMembers.json,
// SyncAgents.json 2025-01-01: PUT 200/201/202, PATCH 200/202, DELETE 200/202/204, refresh 200/202). Where a
// spec example shows the headers, the choice follows it: refreshHubSchema (SyncGroupRefreshHubSchema.json)
// and sync group PATCH (SyncGroupPatch.json) answer 202 with only `Location:
// …/locations/westus/operation/{id}?api-version=2022-11-01-preview`. The specs declare only Location on their
// 202s; Azure-AsyncOperation (…/sync{Group|Member|Agent}AzureAsyncOperation/{id}) and Retry-After are what ARM
// allows on top of it, so they appear on some operations and not on others, and a client must not need them.
//
// | operation                         | answer             | Location | Azure-AsyncOperation | Retry-After |
// |-----------------------------------|--------------------|----------|----------------------|-------------|
// | sync group PUT                    | 202                | yes      | yes                  | yes         |
// | sync group PATCH                  | 202                | yes      | no                   | yes         |
// | sync group DELETE                 | 202                | yes      | yes                  | no          |
// | sync group refreshHubSchema       | 202                | yes      | no                   | no          |
// | sync member PUT, new member       | 201 + member       | yes      | yes                  | yes         |
// | sync member PUT, existing member  | 200 + member, done | no       | no                   | no          |
// | sync member PATCH                 | 202                | yes      | no                   | no          |
// | sync member DELETE                | 202                | yes      | no                   | yes         |
// | sync member refreshSchema         | 202                | yes      | yes                  | no          |
// | sync agent PUT, new agent         | 202                | yes      | yes                  | yes         |
// | sync agent PUT, existing agent    | 200 + agent, done  | no       | no                   | no          |
// | sync agent DELETE                 | 200, done          | no       | no                   | no          |
// DELETE of something that does not exist answers 204 at once (not in this table: nothing is started).
import type { LroShape } from '../../core/lroEngine';

export type SqlMutation =
  | 'syncGroup.put'
  | 'syncGroup.patch'
  | 'syncGroup.delete'
  | 'syncGroup.refreshHubSchema'
  | 'syncMember.create'
  | 'syncMember.replace'
  | 'syncMember.patch'
  | 'syncMember.delete'
  | 'syncMember.refreshSchema'
  | 'syncAgent.create'
  | 'syncAgent.replace'
  | 'syncAgent.delete'
  | 'server.patch';

const accepted = (status: 201 | 202, asyncOperation: boolean, retryAfter: boolean): LroShape => ({
  mode: 'accepted',
  status,
  asyncOperation,
  retryAfter,
});
const now: LroShape = { mode: 'now' };

export const SQL_LRO_SHAPES: Readonly<Record<SqlMutation, LroShape>> = {
  'syncGroup.put': accepted(202, true, true),
  'syncGroup.patch': accepted(202, false, true),
  'syncGroup.delete': accepted(202, true, false),
  'syncGroup.refreshHubSchema': accepted(202, false, false),
  'syncMember.create': accepted(201, true, true),
  'syncMember.replace': now,
  'syncMember.patch': accepted(202, false, false),
  'syncMember.delete': accepted(202, false, true),
  'syncMember.refreshSchema': accepted(202, true, false),
  'syncAgent.create': accepted(202, true, true),
  'syncAgent.replace': now,
  'syncAgent.delete': now,
  // Servers PATCH (e.g. enabling the managed identity): 202 with both polling headers, as ARM answers it.
  'server.patch': accepted(202, true, true),
};
