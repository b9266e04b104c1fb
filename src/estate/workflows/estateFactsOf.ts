// The estate scan's events (src/estate/scan: raw models as the services answer) read as the facts the health
// rules judge: names as users know them, the table statuses reduced to failed and stale ones, a failure as
// a scanError with its message and request id. Pure.
import { isAzureRequestError } from '../../azure/http/azureError';
import { parseResourceId } from '../../azure/resourceId';
import type { EstateEvent } from '../scan/estateEvents';
import type { EstateFact } from './estateFacts';

export interface FactOptions {
  now: number;
  /** A Replicating table with no sync for longer than this is stale. */
  staleAfterMs: number;
}

const tableName = (t: { sourceSchemaName?: string; sourceTableName?: string }) => `${t.sourceSchemaName ?? ''}.${t.sourceTableName ?? ''}`;

/** "server s / database d" style labels for the ids a failure is scoped to. */
function scopeLabel(scope: string): string {
  try {
    const id = parseResourceId(scope);
    const last = id.resources.at(-1);
    return last ? `${last.type.replace(/s$/, '')} ${last.name}` : `subscription ${id.subscriptionId}`;
  } catch {
    return scope;
  }
}

export function factsOf(e: EstateEvent, o: FactOptions): EstateFact[] {
  switch (e.kind) {
    case 'syncGroup': {
      const db = parseResourceId(e.databaseId);
      const hub = `${db.resources[0]?.name ?? '?'}/${db.resources[1]?.name ?? '?'}`;
      const name = e.group.name ?? '';
      return [
        {
          kind: 'syncGroup',
          id: e.group.id ?? '',
          name,
          hub,
          syncState: e.group.properties?.syncState,
          lastSyncTime: e.group.properties?.lastSyncTime,
          interval: e.group.properties?.interval,
        },
        ...e.members.map((m): EstateFact => ({
          kind: 'syncMember',
          id: m.id ?? '',
          name: m.name ?? '',
          groupName: name,
          syncState: m.properties?.syncState,
        })),
      ];
    }
    case 'syncAgents':
      return e.agents.map((a) => ({
        kind: 'syncAgent',
        id: a.id ?? '',
        name: a.name ?? '',
        server: e.server.name ?? '',
        state: a.properties?.state,
        expiryTime: a.properties?.expiryTime,
      }));
    case 'mirroredDatabase':
      return [
        {
          kind: 'mirroredDatabase',
          workspaceId: e.workspace.id ?? '',
          workspaceName: e.workspace.displayName ?? e.workspace.id ?? '',
          itemId: e.item.id ?? '',
          name: e.item.displayName ?? e.item.id ?? '',
          status: e.status?.status,
          error: e.status?.error?.message,
          tableCount: e.tables.length,
          failedTables: e.failedTables.map((t) => ({ name: tableName(t), message: t.error?.message })),
          staleTables: e.tables
            .filter((t) => t.status === 'Replicating')
            .filter((t) => {
              const last = Date.parse(t.metrics?.lastSyncDateTime ?? '');
              return Number.isFinite(last) && o.now - last > o.staleAfterMs;
            })
            .map((t) => ({ name: tableName(t), lastSync: t.metrics?.lastSyncDateTime })),
        },
      ];
    case 'protectedDatabase': {
      const p = e.item.properties ?? {};
      const err = p.lastBackupErrorDetail as { message?: unknown } | undefined;
      return [
        {
          kind: 'protectedDatabase',
          id: e.item.id ?? '',
          name: p.friendlyName ?? e.item.name ?? '',
          vault: e.vault.name ?? '',
          server: p.serverName,
          protectionState: p.protectionState,
          healthStatus: p.protectedItemHealthStatus,
          lastBackupStatus: p.lastBackupStatus,
          lastBackupTime: p.lastBackupTime,
          lastBackupError: typeof err?.message === 'string' && err.message ? err.message : undefined,
        },
      ];
    }
    case 'failedBackupJob': {
      const p = e.job.properties ?? {};
      const detail = p.errorDetails?.[0] as { errorString?: unknown; errorMessage?: unknown; recommendations?: unknown } | undefined;
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      return [
        {
          kind: 'failedBackupJob',
          id: e.job.id ?? '',
          vault: e.vault.name ?? '',
          vaultId: e.vault.id ?? '',
          entity: p.entityFriendlyName ?? '',
          operation: p.operation,
          startTime: p.startTime,
          error: text(detail?.errorString) ?? text(detail?.errorMessage),
          recommendation: Array.isArray(detail?.recommendations)
            ? detail.recommendations.filter((r): r is string => typeof r === 'string').join(' ')
            : undefined,
        },
      ];
    }
    case 'failure':
      return [
        {
          kind: 'scanError',
          service: e.part,
          scope: scopeLabel(e.scope),
          message: e.error instanceof Error ? e.error.message : String(e.error),
          requestId: isAzureRequestError(e.error) ? e.error.requestId : undefined,
        },
      ];
  }
}
