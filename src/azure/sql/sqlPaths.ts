// Request paths for Microsoft.Sql, built from validated + encoded names (a hostile name is refused
// here, before any request, with the field named).
import { buildPath } from '../resourceId';

export const SQL_API_VERSION = '2025-01-01';

export interface ServerRef {
  subscriptionId: string;
  resourceGroup: string;
  server: string;
}
export interface DatabaseRef extends ServerRef {
  database: string;
}
export interface SyncGroupRef extends DatabaseRef {
  syncGroup: string;
}
export interface SyncMemberRef extends SyncGroupRef {
  syncMember: string;
}
export interface SyncAgentRef extends ServerRef {
  syncAgent: string;
}

export function serverPath(r: ServerRef): string {
  return buildPath([
    'subscriptions',
    { field: 'Subscription id', value: r.subscriptionId },
    'resourceGroups',
    { field: 'Resource group', value: r.resourceGroup },
    'providers',
    'Microsoft.Sql',
    'servers',
    { field: 'Server name', value: r.server },
  ]);
}
export function databasePath(r: DatabaseRef): string {
  return `${serverPath(r)}${buildPath(['databases', { field: 'Database name', value: r.database }])}`;
}
export function syncGroupPath(r: SyncGroupRef): string {
  return `${databasePath(r)}${buildPath(['syncGroups', { field: 'Sync group name', value: r.syncGroup }])}`;
}
export function syncMemberPath(r: SyncMemberRef): string {
  return `${syncGroupPath(r)}${buildPath(['syncMembers', { field: 'Sync member name', value: r.syncMember }])}`;
}
export function syncAgentPath(r: SyncAgentRef): string {
  return `${serverPath(r)}${buildPath(['syncAgents', { field: 'Sync agent name', value: r.syncAgent }])}`;
}
