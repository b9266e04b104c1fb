// What sync group operations do when their LRO completes: create/replace/update (PUT, PATCH), delete
// (members go with the group), and the hub schema refresh (which fails if the hub cannot be reached).
import type { ServiceContext } from '../../core/context';
import { key, type SyncGroupRecord } from '../../model';
import { membersOf } from './ids';
import { renderSyncGroup } from './render';
import { appendLog, sourceOf } from './syncEngine';
import type { PutPayload } from './syncGroups';

export function registerSyncGroupOperations(ctx: ServiceContext): void {
  const state = () => ctx.store.state;

  ctx.lro.register('syncGroup.put', {
    complete(op) {
      const p = op.payload as PutPayload;
      const existing = state().syncGroups[key(op.resourceId)];
      const base: SyncGroupRecord =
        existing && !p.replace
          ? existing
          : {
              id: op.resourceId,
              databaseId: p.databaseId,
              name: p.name,
              interval: -1,
              conflictResolutionPolicy: 'HubWin',
              syncDatabaseId: existing?.syncDatabaseId ?? '',
              syncState: 'NotReady',
              lastSyncTime: '0001-01-01T00:00:00Z',
              logs: existing?.logs ?? [],
              hubSchema: existing?.hubSchema,
              run: existing?.run,
              lastAttemptAt: existing?.lastAttemptAt,
            };
      if (existing && p.replace) {
        base.syncState = existing.syncState;
        base.lastSyncTime = existing.lastSyncTime;
      }
      const f = p.fields;
      Object.assign(base, Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));
      if (f.schema) {
        for (const m of membersOf(ctx, base.id)) if (m.syncState === 'UnProvisioned') m.syncState = 'Provisioned';
        appendLog(base, ctx.now(), {
          type: 'Success',
          source: sourceOf(base.databaseId),
          details: `Sync group schema updated: ${f.schema.tables.length} table(s) selected.`,
          operationStatus: 'SchemaUpdateSuccess',
        });
      }
      state().syncGroups[key(op.resourceId)] = base;
    },
    render: (op) => {
      const g = state().syncGroups[key(op.resourceId)];
      return g ? renderSyncGroup(g) : undefined;
    },
  });
  ctx.lro.register('syncGroup.delete', {
    complete(op) {
      for (const m of membersOf(ctx, op.resourceId)) delete state().syncMembers[key(m.id)];
      delete state().syncGroups[key(op.resourceId)];
    },
    rollback(op) {
      const g = state().syncGroups[key(op.resourceId)];
      if (g) g.deleting = false;
    },
  });
  ctx.lro.register('syncGroup.refreshHubSchema', {
    complete(op) {
      const g = state().syncGroups[key(op.resourceId)];
      if (!g) return;
      const hub = state().databases[key(g.databaseId)];
      if (!hub || hub.health === 'unreachable') {
        appendLog(g, ctx.now(), {
          type: 'Error',
          source: sourceOf(g.databaseId),
          details:
            'Getting schema information for the database failed with the exception "A network-related or instance-specific error occurred while establishing a connection to SQL Server."',
          operationStatus: 'SchemaRefreshFailure',
        });
        throw new Error('Failed to perform data sync operation: the hub database could not be reached.');
      }
      g.hubSchema = { tables: structuredClone(hub.tables), lastUpdateTime: new Date(ctx.now()).toISOString() };
      appendLog(g, ctx.now(), {
        type: 'Success',
        source: sourceOf(g.databaseId),
        details: 'Schema information obtained successfully.',
        operationStatus: 'SchemaRefreshSuccess',
      });
    },
  });
}
