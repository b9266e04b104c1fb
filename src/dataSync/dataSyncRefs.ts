// Converts between ARM resource ids (what tree nodes, operations and webviews carry) and the typed
// refs the Data Sync clients take. Parsing validates every segment, so a bad id fails here with a
// clear message instead of as a strange 404.
import { nameOf, parseResourceId } from '../azure/resourceId';
import type { DatabaseRef, ServerRef, SyncAgentRef, SyncGroupRef, SyncMemberRef } from '../azure/sql/sqlPaths';

function need(value: string | undefined, what: string, id: string): string {
  if (!value) throw new Error(`"${id}" is not the id of a ${what}.`);
  return value;
}

export function serverRefFromId(id: string): ServerRef {
  const p = parseResourceId(id);
  return {
    subscriptionId: p.subscriptionId,
    resourceGroup: need(p.resourceGroup, 'SQL server', id),
    server: need(nameOf(p, 'servers'), 'SQL server', id),
  };
}

export function databaseRefFromId(id: string): DatabaseRef {
  return { ...serverRefFromId(id), database: need(nameOf(parseResourceId(id), 'databases'), 'SQL database', id) };
}

export function syncGroupRefFromId(id: string): SyncGroupRef {
  return { ...databaseRefFromId(id), syncGroup: need(nameOf(parseResourceId(id), 'syncGroups'), 'sync group', id) };
}

export function syncMemberRefFromId(id: string): SyncMemberRef {
  return { ...syncGroupRefFromId(id), syncMember: need(nameOf(parseResourceId(id), 'syncMembers'), 'sync member', id) };
}

export function syncAgentRefFromId(id: string): SyncAgentRef {
  return { ...serverRefFromId(id), syncAgent: need(nameOf(parseResourceId(id), 'syncAgents'), 'sync agent', id) };
}
