// The estate scan: every chosen subscription's Data Sync groups (with members and agents), every Fabric
// workspace's mirrored databases (status, failed and stale tables), every Recovery Services vault's
// protected SQL databases and failed jobs of the last 24 hours. Facts stream to `onFact` as they arrive;
// a part that cannot be read becomes a scanError fact beside the rest. The pipeline paces requests, so
// the scan may issue them concurrently.
//
// Shortcuts that cut requests without missing a resource:
// - servers are listed once per subscription (not per resource group), vaults likewise;
// - `master` and other system databases are skipped: they cannot be a sync group's hub;
// - members are read only for groups that exist, agents once per server;
// - a mirrored database's tables are read only while it is Running (a stopped or initialised one has no
//   replicating tables, and its status already is the problem);
// - a vault's protected databases come from one paged `backupProtectedItems` list filtered to SQL in VMs
//   (not a walk of containers and instances), and failed jobs from one `$filter` on status and the last
//   24 hours (the service filters, not the client).
import { isAzureRequestError } from '../../azure/http/azureError';
import type { BackupProtectionClient } from '../../azure/backup/backupProtectionClient';
import type { BackupVaultsClient } from '../../azure/backup/vaultsClient';
import type { MirroredDatabasesClient } from '../../azure/fabric/mirroredDatabasesClient';
import type { FabricWorkspacesClient } from '../../azure/fabric/workspacesClient';
import { parseResourceId } from '../../azure/resourceId';
import type { Subscription, SubscriptionsClient } from '../../azure/resources/subscriptionsClient';
import { isSystemDatabase } from '../../azure/sql/serverModels';
import type { SqlServersClient } from '../../azure/sql/sqlServersClient';
import type { SyncAgentsClient } from '../../azure/sql/syncAgentsClient';
import type { SyncGroupsClient } from '../../azure/sql/syncGroupsClient';
import type { SyncMembersClient } from '../../azure/sql/syncMembersClient';
import type { EstateFact, ScanErrorFact } from './estateFacts';

export interface EstateClients {
  subscriptions: SubscriptionsClient;
  servers: SqlServersClient;
  groups: SyncGroupsClient;
  members: SyncMembersClient;
  agents: SyncAgentsClient;
  /** Absent where the cloud has no Fabric. */
  workspaces?: FabricWorkspacesClient;
  mirroredDatabases?: MirroredDatabasesClient;
  vaults: BackupVaultsClient;
  protection: BackupProtectionClient;
}

export interface ScanOptions {
  /** Keeps only the subscriptions the user chose (all when absent). */
  chooseSubscriptions?: (all: Subscription[]) => Subscription[];
  onFact: (fact: EstateFact) => void;
  signal?: AbortSignal;
  /** A Running table with no sync for this long is stale (default 30 min). */
  staleAfterMs?: number;
  now?: () => number;
}

export interface ScanSummary {
  facts: number;
  errors: number;
  durationMs: number;
}

const DAY_MS = 24 * 3600_000;

export async function scanEstate(clients: EstateClients, options: ScanOptions): Promise<ScanSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  let facts = 0;
  let errors = 0;
  const emit = (f: EstateFact) => {
    if (options.signal?.aborted) return;
    facts++;
    if (f.kind === 'scanError') errors++;
    options.onFact(f);
  };
  const guard = async (service: ScanErrorFact['service'], scope: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      if (options.signal?.aborted) throw e;
      emit({
        kind: 'scanError',
        service,
        scope,
        message: e instanceof Error ? e.message : String(e),
        requestId: isAzureRequestError(e) ? e.requestId : undefined,
      });
    }
  };
  const { signal } = options;
  let subscriptions: Subscription[] = [];
  await guard('dataSync', 'subscriptions', async () => {
    subscriptions = (options.chooseSubscriptions ?? ((s) => s))(await clients.subscriptions.list(signal).toArray());
  });
  await Promise.all([
    ...subscriptions.map((s) => scanSubscription(clients, s, emit, guard, signal, now)),
    clients.workspaces && clients.mirroredDatabases
      ? guard('fabric', 'Fabric workspaces', () => scanFabric(clients, emit, guard, options.staleAfterMs ?? 30 * 60_000, signal, now))
      : Promise.resolve(),
  ]);
  signal?.throwIfAborted();
  return { facts, errors, durationMs: now() - started };
}

type Emit = (f: EstateFact) => void;
type Guard = (service: ScanErrorFact['service'], scope: string, work: () => Promise<void>) => Promise<void>;

async function scanSubscription(
  c: EstateClients,
  s: Subscription,
  emit: Emit,
  guard: Guard,
  signal: AbortSignal | undefined,
  now: () => number,
) {
  const sub = s.subscriptionId ?? '';
  const label = s.displayName ?? sub;
  await Promise.all([
    guard('dataSync', `SQL servers of ${label}`, async () => {
      const servers = await c.servers.listServers(sub, { signal }).toArray();
      await Promise.all(
        servers.map((server) =>
          guard('dataSync', `server ${server.name ?? ''}`, async () => {
            const ref = {
              subscriptionId: sub,
              resourceGroup: parseResourceId(server.id ?? '').resourceGroup ?? '',
              server: server.name ?? '',
            };
            const [databases, agents] = await Promise.all([
              c.servers.listDatabases(ref, { signal }).toArray(),
              c.agents.list(ref, signal).toArray(),
            ]);
            for (const a of agents)
              emit({
                kind: 'syncAgent',
                id: a.id ?? '',
                name: a.name ?? '',
                server: ref.server,
                state: a.properties?.state,
                expiryTime: a.properties?.expiryTime,
              });
            await Promise.all(
              databases
                .filter((d) => !isSystemDatabase(d))
                .map((d) =>
                  guard('dataSync', `sync groups of ${ref.server}/${d.name ?? ''}`, async () => {
                    const dbRef = { ...ref, database: d.name ?? '' };
                    for (const g of await c.groups.list(dbRef, signal).toArray()) {
                      emit({
                        kind: 'syncGroup',
                        id: g.id ?? '',
                        name: g.name ?? '',
                        hub: `${ref.server}/${dbRef.database}`,
                        syncState: g.properties?.syncState,
                        lastSyncTime: g.properties?.lastSyncTime,
                        interval: g.properties?.interval,
                      });
                      await guard('dataSync', `members of ${g.name ?? ''}`, async () => {
                        for (const m of await c.members.list({ ...dbRef, syncGroup: g.name ?? '' }, signal).toArray())
                          emit({
                            kind: 'syncMember',
                            id: m.id ?? '',
                            name: m.name ?? '',
                            groupName: g.name ?? '',
                            syncState: m.properties?.syncState,
                          });
                      });
                    }
                  }),
                ),
            );
          }),
        ),
      );
    }),
    guard('backup', `Recovery Services vaults of ${label}`, async () => {
      const vaults = await c.vaults.listVaults(sub, { signal }).toArray();
      await Promise.all(vaults.map((v) => scanVault(c, sub, v.id ?? '', v.name ?? '', emit, guard, signal, now)));
    }),
  ]);
}

async function scanVault(
  c: EstateClients,
  subscriptionId: string,
  vaultId: string,
  vaultName: string,
  emit: Emit,
  guard: Guard,
  signal: AbortSignal | undefined,
  now: () => number,
) {
  const ref = { subscriptionId, resourceGroup: parseResourceId(vaultId).resourceGroup ?? '', vault: vaultName };
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  await Promise.all([
    guard('backup', `protected databases in ${vaultName}`, async () => {
      for (const item of await c.protection.listProtectedItems(ref, { signal }).toArray()) {
        const p = item.properties ?? {};
        const err = p.lastBackupErrorDetail as { message?: unknown } | undefined;
        emit({
          kind: 'protectedDatabase',
          id: item.id ?? '',
          name: p.friendlyName ?? item.name ?? '',
          vault: vaultName,
          server: p.serverName,
          protectionState: p.protectionState,
          healthStatus: p.protectedItemHealthStatus,
          lastBackupStatus: p.lastBackupStatus,
          lastBackupTime: p.lastBackupTime,
          lastBackupError: typeof err?.message === 'string' ? err.message : undefined,
        });
      }
    }),
    guard('backup', `failed jobs in ${vaultName}`, async () => {
      const filter = `backupManagementType eq 'AzureWorkload' and status eq 'Failed' and startTime eq '${iso(now() - DAY_MS)}' and endTime eq '${iso(now())}'`;
      for (const job of await c.protection.listJobs(ref, { filter, signal }).toArray()) {
        const p = job.properties ?? {};
        const detail = p.errorDetails?.[0] as { errorString?: unknown; errorMessage?: unknown; recommendations?: unknown } | undefined;
        const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
        emit({
          kind: 'failedBackupJob',
          id: job.id ?? '',
          vault: vaultName,
          vaultId,
          entity: p.entityFriendlyName ?? '',
          operation: p.operation,
          startTime: p.startTime,
          error: text(detail?.errorString) ?? text(detail?.errorMessage),
          recommendation: Array.isArray(detail?.recommendations)
            ? detail.recommendations.filter((r) => typeof r === 'string').join(' ')
            : undefined,
        });
      }
    }),
  ]);
}

async function scanFabric(
  c: EstateClients,
  emit: Emit,
  guard: Guard,
  staleAfterMs: number,
  signal: AbortSignal | undefined,
  now: () => number,
) {
  const workspaces = c.workspaces as FabricWorkspacesClient;
  const mirrored = c.mirroredDatabases as MirroredDatabasesClient;
  const all = await workspaces.list({ signal }).toArray();
  await Promise.all(
    all.map((ws) =>
      guard('fabric', `workspace ${ws.displayName ?? ws.id ?? ''}`, async () => {
        const items = await mirrored.list(ws.id ?? '', { signal }).toArray();
        await Promise.all(
          items.map((d) =>
            guard('fabric', `mirrored database ${d.displayName ?? ''}`, async () => {
              const ref = { workspaceId: ws.id ?? '', mirroredDatabaseId: d.id ?? '' };
              const status = await mirrored.getMirroringStatus(ref, signal);
              const tables = status.status === 'Running' ? await mirrored.listTablesMirroringStatus(ref, signal).toArray() : [];
              const name = (t: (typeof tables)[number]) => `${t.sourceSchemaName ?? ''}.${t.sourceTableName ?? ''}`;
              emit({
                kind: 'mirroredDatabase',
                workspaceId: ref.workspaceId,
                workspaceName: ws.displayName ?? ref.workspaceId,
                itemId: ref.mirroredDatabaseId,
                name: d.displayName ?? ref.mirroredDatabaseId,
                status: status.status,
                error: status.error?.message,
                tableCount: tables.length,
                failedTables: tables.filter((t) => t.status === 'Failed').map((t) => ({ name: name(t), message: t.error?.message })),
                staleTables: tables
                  .filter((t) => t.status === 'Replicating')
                  .filter((t) => {
                    const last = Date.parse(t.metrics?.lastSyncDateTime ?? '');
                    return Number.isFinite(last) && now() - last > staleAfterMs;
                  })
                  .map((t) => ({ name: name(t), lastSync: t.metrics?.lastSyncDateTime })),
              });
            }),
          ),
        );
      }),
    ),
  );
}
