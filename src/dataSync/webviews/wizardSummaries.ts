// What the wizard page shows of a group and its members, and which pickers to preset from the
// resource the wizard was opened on. Pure.
import type { SyncGroup, SyncMember } from '../../azure/sql/syncModels';
import { syncGroupRefFromId } from '../dataSyncRefs';
import type { GroupSummary, MemberSummary } from './protocol/dataSyncWizard';

const tail = (id: string | undefined, n: number): string =>
  (id ?? '')
    .split('/')
    .filter((_, i, a) => i >= a.length - n)
    .join('/');

export function summarizeGroup(g: SyncGroup, id: string): GroupSummary {
  const ref = syncGroupRefFromId(id);
  return {
    id,
    name: g.name ?? ref.syncGroup,
    hub: `${ref.server}/${ref.database}`,
    syncState: g.properties?.syncState ?? 'Unknown',
    lastSyncTime: g.properties?.lastSyncTime,
    interval: g.properties?.interval,
    conflictResolutionPolicy: g.properties?.conflictResolutionPolicy,
    hasSchema: Boolean(g.properties?.schema?.tables?.length),
  };
}

export function summarizeMember(m: SyncMember): MemberSummary {
  const p = m.properties ?? {};
  const database = p.syncMemberAzureDatabaseResourceId
    ? tail(p.syncMemberAzureDatabaseResourceId, 3).replace('/databases/', '/')
    : `${p.serverName ?? '?'}/${p.databaseName ?? '?'}`;
  return {
    name: m.name ?? '',
    database,
    databaseType: p.databaseType ?? '',
    syncDirection: p.syncDirection ?? '',
    syncState: p.syncState ?? '',
  };
}

export interface WizardPreset {
  subscriptionId?: string;
  serverId?: string;
  hubDatabaseId?: string;
}

/** The subscription, server and database an id lies in (as deep as it goes). */
export function presetOf(id: string): WizardPreset {
  const server = /^(.*?\/providers\/Microsoft\.Sql\/servers\/[^/]+)/i.exec(id)?.[1];
  const database = /^(.*?\/databases\/[^/]+)/i.exec(id)?.[1];
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
  return { subscriptionId, serverId: server, hubDatabaseId: database };
}
