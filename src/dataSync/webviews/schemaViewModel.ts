// Builds what the schema picker shows from the hub schema, the group's current schema and each
// member's schema: syncability with reasons, current selection, and per-member drift. Also turns a
// selection into the change summary shown before saving. Pure.
import type { SyncFullSchemaTable, SyncGroupSchema } from '../../azure/sql/syncModels';
import {
  buildGroupSchema,
  columnKey,
  describeDrift,
  diffSchemas,
  MAX_TABLES_PER_GROUP,
  memberDrift,
  syncabilityOf,
  tableKey,
} from '../syncRules';
import { sqlTypeLabel } from '../sqlTypeLabel';
import type { GroupSchemas } from '../workflows/schemaWorkflows';
import type { SchemaSelectionMessage, SchemaSummary, SchemaView } from './protocol/dataSyncCommon';

export interface SchemaSources {
  groupName: string;
  hub: SyncFullSchemaTable[];
  lastUpdateTime?: string;
  current?: SyncGroupSchema;
  members: Array<{ name: string; tables?: SyncFullSchemaTable[]; error?: string }>;
}

export function buildSchemaView(s: SchemaSources): SchemaView {
  const chosen = new Map((s.current?.tables ?? []).map((t) => [tableKey(t), new Set((t.columns ?? []).map(columnKey))]));
  const drifts = s.members.filter((m) => m.tables).map((m) => ({ name: m.name, drift: memberDrift(s.hub, m.tables ?? []) }));
  const memberErrors: Record<string, string> = {};
  for (const m of s.members) if (m.error) memberErrors[m.name] = m.error;
  const tables = s.hub.map((t) => {
    const tk = tableKey(t);
    const syncability = syncabilityOf(t);
    const selectedColumns = chosen.get(tk);
    const tableDrift: Record<string, string> = {};
    for (const d of drifts) {
      const x = d.drift.tables.get(tk);
      if (x) tableDrift[d.name] = describeDrift(x);
    }
    return {
      quotedName: t.quotedName ?? t.name ?? '',
      name: t.name ?? t.quotedName ?? '',
      disabledReason: syncability.syncable ? undefined : syncability.reason,
      selected: selectedColumns !== undefined,
      drift: tableDrift,
      columns: (t.columns ?? []).map((c) => {
        const ck = columnKey(c);
        const colDrift: Record<string, string> = {};
        for (const d of drifts) {
          const x = d.drift.columns.get(`${tk}.${ck}`);
          if (x) colDrift[d.name] = describeDrift(x);
        }
        const cs = syncability.columns.get(ck);
        return {
          quotedName: c.quotedName ?? `[${c.name ?? ''}]`,
          name: c.name ?? c.quotedName ?? '',
          dataType: c.dataType ?? '',
          dataSize: c.dataSize ?? '',
          typeLabel: sqlTypeLabel(c),
          isPrimaryKey: Boolean(c.isPrimaryKey),
          disabledReason: cs?.syncable === false ? cs.reason : undefined,
          selected: Boolean(selectedColumns?.has(ck)) || (Boolean(c.isPrimaryKey) && selectedColumns !== undefined),
          drift: colDrift,
        };
      }),
    };
  });
  return {
    groupName: s.groupName,
    tables,
    members: s.members.map((m) => m.name),
    masterSyncMemberName: s.current?.masterSyncMemberName ?? s.members[0]?.name,
    lastUpdateTime: s.lastUpdateTime,
    maxTables: MAX_TABLES_PER_GROUP,
    memberErrors,
  };
}

/** The view of what readGroupSchemas read. */
export function viewOfGroupSchemas(groupName: string, s: GroupSchemas): SchemaView {
  return buildSchemaView({
    groupName,
    hub: s.hub,
    lastUpdateTime: s.lastUpdateTime,
    current: s.group.properties?.schema,
    members: s.members,
  });
}

/** The change a save would make, plus anything that blocks it. */
export function summarizeSelection(
  hub: SyncFullSchemaTable[],
  current: SyncGroupSchema | undefined,
  selection: SchemaSelectionMessage,
): SchemaSummary {
  const built = buildGroupSchema(hub, selection);
  const next =
    built.schema?.tables ?? selection.tables.map((t) => ({ quotedName: t.quotedName, columns: t.columns.map((c) => ({ quotedName: c })) }));
  const diff = diffSchemas(current?.tables ?? [], next);
  const errors = [...built.errors];
  if (selection.tables.length === 0) errors.push('Choose at least one table to sync.');
  return { ...diff, selectedTables: selection.tables.length, errors };
}
