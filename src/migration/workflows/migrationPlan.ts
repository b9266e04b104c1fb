// The Data Sync → Fabric mirroring plan for one sync group: what mirroring replaces and what it does not
// (member by member), the group's synced tables with Fabric's verdict on each (read through the ARM schema
// APIs of the hub database), the Fabric connections that reach the hub, and the mirroring.json that
// mirrors exactly the synced tables that Fabric can mirror.
import { nameOf, parseResourceId } from '../../azure/resourceId';
import type { SyncGroupProperties, SyncMember } from '../../azure/sql/syncModels';
import type { DatabaseRef } from '../../azure/sql/sqlPaths';
import type { DataSyncContext } from '../../dataSync/dataSyncContext';
import { readGroupSettings } from '../../dataSync/workflows/syncGroupWorkflows';
import { listMembers } from '../../dataSync/workflows/syncMemberWorkflows';
import type { FabricContext } from '../../fabric/fabricContext';
import { MAX_MIRRORED_TABLES, type TableVerdict } from '../../fabric/mirrorability';
import { listSourceTables, listSqlConnections, type SqlConnectionChoice } from '../../fabric/workflows/createWorkflows';
import { mirroringDocument, type MountedTableChoice } from '../../fabric/workflows/createValidation';
import { splitQuotedName } from './quotedNames';

export type MemberFate = 'replaced' | 'viaHub' | 'noEquivalent';

export interface MemberPlan {
  name: string;
  direction: string;
  /** `server/database`, or the agent's database for SQL Server members. */
  where: string;
  fate: MemberFate;
  advice: string;
}

export interface TablePlan {
  schema: string;
  table: string;
  /** Fabric's verdict; undefined when the hub database no longer has the table. */
  verdict?: TableVerdict;
}

export interface MigrationPlan {
  groupId: string;
  groupName: string;
  hub: DatabaseRef;
  members: MemberPlan[];
  tables: TablePlan[];
  /** The tables the mirrored database will mount: synced and mirrorable (or needing only a key check). */
  mountedTables: MountedTableChoice[];
  /** Fabric connections to the hub database (server and database match), best first. */
  connections: SqlConnectionChoice[];
  /** Things the user must know before switching (limits, bidirectional members, unsynced schema). */
  warnings: string[];
  /** Suggested name of the mirrored database. */
  suggestedName: string;
}

/** The hub database of a sync group, from the group's id (…/servers/{s}/databases/{db}/syncGroups/{g}). */
export function hubOf(groupId: string): DatabaseRef & { group: string } {
  const parsed = parseResourceId(groupId);
  const server = nameOf(parsed, 'servers');
  const database = nameOf(parsed, 'databases');
  const group = nameOf(parsed, 'syncGroups');
  if (!server || !database || !group || parsed.resourceGroup === undefined) throw new Error(`Not a sync group id: "${groupId}".`);
  return { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup, server, database, group };
}

export function memberPlan(m: SyncMember): MemberPlan {
  const p = m.properties ?? {};
  const name = m.name ?? '';
  const direction = p.syncDirection ?? 'Unknown';
  const where =
    p.databaseType === 'SqlServerDatabase' ? `SQL Server database through an agent` : `${p.serverName ?? '?'}/${p.databaseName ?? '?'}`;
  switch (direction.toLowerCase()) {
    case 'onewayhubtomember':
      return {
        name,
        direction,
        where,
        fate: 'replaced',
        advice: `${name} only receives the hub's data. Its readers can read the mirrored tables through the SQL analytics endpoint instead.`,
      };
    case 'onewaymembertohub':
      return {
        name,
        direction,
        where,
        fate: 'viaHub',
        advice:
          `${name} sends its changes to the hub. Mirroring copies the hub only, so ${name}'s rows reach Fabric only while Data Sync ` +
          `still fills the hub; mirror ${name}'s own database as well, or move its writers to the hub, before 30 September 2027.`,
      };
    default:
      return {
        name,
        direction,
        where,
        fate: 'noEquivalent',
        advice:
          `${name} syncs both ways. Mirroring is one-way and read-only: nothing written in Fabric comes back, and changes made at ${name} ` +
          `no longer reach the hub once Data Sync stops. There is no Fabric equivalent; keep its writers on one database.`,
      };
  }
}

/** Reads the group, its members and the hub's tables, and plans the mirrored database. */
export async function planMigration(
  dataSync: DataSyncContext,
  fabric: FabricContext,
  groupId: string,
  signal?: AbortSignal,
): Promise<MigrationPlan> {
  const hub = hubOf(groupId);
  const [settings, members, hubTables, connections] = await Promise.all([
    readGroupSettings(dataSync, groupId),
    listMembers(dataSync, groupId),
    listSourceTables(fabric, hub, signal),
    listSqlConnections(fabric, signal),
  ]);
  const tables = tablePlans(settings, hubTables);
  const mountedTables = tables
    .filter((t) => t.verdict && t.verdict.status !== 'notMirrorable')
    .map((t) => ({ schema: t.verdict?.schema ?? t.schema, table: t.verdict?.name ?? t.table }));
  const warnings: string[] = [];
  if (!tables.length)
    warnings.push('The group syncs no tables yet (its schema was never saved), so the plan mirrors no table: choose tables in the wizard.');
  if (tables.some((t) => !t.verdict))
    warnings.push('Some synced tables no longer exist in the hub database; refresh the hub schema of the group.');
  if (mountedTables.length > MAX_MIRRORED_TABLES)
    warnings.push(
      `Fabric mirrors at most ${MAX_MIRRORED_TABLES} tables per database; the group syncs ${mountedTables.length} that can be mirrored.`,
    );
  warnings.push("Data Sync can sync some of a table's columns; mirroring copies every column of a mounted table (types it supports).");
  const matching = connections.filter(
    (c) => c.server?.toLowerCase() === hub.server.toLowerCase() && c.database?.toLowerCase() === hub.database.toLowerCase(),
  );
  return {
    groupId,
    groupName: hub.group,
    hub: { subscriptionId: hub.subscriptionId, resourceGroup: hub.resourceGroup, server: hub.server, database: hub.database },
    members: members.map(memberPlan),
    tables,
    mountedTables,
    connections: matching,
    warnings,
    suggestedName: `${hub.database} (from ${hub.group})`,
  };
}

function tablePlans(settings: SyncGroupProperties, hubTables: TableVerdict[]): TablePlan[] {
  const byKey = new Map(hubTables.map((t) => [`${t.schema}.${t.name}`.toLowerCase(), t]));
  const out: TablePlan[] = [];
  for (const t of settings.schema?.tables ?? []) {
    const name = splitQuotedName(t.quotedName ?? '');
    if (!name) continue;
    out.push({ ...name, verdict: byKey.get(`${name.schema}.${name.table}`.toLowerCase()) });
  }
  return out.sort((a, b) => a.schema.localeCompare(b.schema) || a.table.localeCompare(b.table));
}

/** The mirroring.json the plan creates, for the chosen connection. */
export function plannedDefinition(plan: MigrationPlan, connectionId: string): Record<string, unknown> {
  return mirroringDocument({
    workspaceId: '',
    displayName: plan.suggestedName,
    connectionId,
    database: plan.hub.database,
    tables: plan.mountedTables,
    defaultSchema: 'dbo',
  });
}
