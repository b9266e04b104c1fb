// What is wrong in the estate, read off the scan's facts: each problem names the resource, says what is
// wrong in words a DBA uses, and carries the action that fixes or explains it. Pure, so every rule is
// tested on its own.
import type { EstateFact } from './estateFacts';

export type Severity = 'error' | 'warning';

export interface ProblemAction {
  title: string;
  command: string;
  /** Arguments for the command (plain objects: ARM ids, Fabric item targets). */
  args: unknown[];
}

export interface Problem {
  severity: Severity;
  service: 'dataSync' | 'fabric' | 'backup';
  /** The resource's own name (what the tree shows first). */
  name: string;
  /** The resource the problem is about, with its kind and where it is. */
  resource: string;
  /** One line: what is wrong. */
  summary: string;
  /** More: error text, recommendation, times. */
  detail?: string;
  /** Stable key: the same problem keeps its place across refreshes. */
  key: string;
  action?: ProblemAction;
}

export interface RuleOptions {
  now: number;
  /** Agent keys expiring within this many days are a warning (default 30). */
  agentExpiryWarningDays?: number;
}

const DAY = 24 * 3600_000;
const FAILED_MEMBER = /fail|error|unreprovisioned|disabled/i;
const AGENT_NEVER_EXPIRES = 9999;

const ago = (iso: string | undefined, now: number): string => {
  const t = Date.parse(iso ?? '');
  if (!Number.isFinite(t)) return 'never';
  const minutes = Math.round((now - t) / 60_000);
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
};

export function problemsOf(facts: readonly EstateFact[], options: RuleOptions): Problem[] {
  const out: Problem[] = [];
  for (const f of facts) out.push(...rule(f, options));
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.service.localeCompare(b.service) || a.resource.localeCompare(b.resource));
}

function rule(f: EstateFact, { now, agentExpiryWarningDays = 30 }: RuleOptions): Problem[] {
  switch (f.kind) {
    case 'syncGroup': {
      const logs = { title: 'Open Sync Logs', command: 'sqlDataMovement.dataSync.viewLogs', args: [{ resourceId: f.id }] };
      const syncNow = { title: 'Sync Now', command: 'sqlDataMovement.dataSync.triggerSync', args: [{ resourceId: f.id }] };
      const base = { service: 'dataSync' as const, name: f.name, resource: `sync group ${f.name} (hub ${f.hub})` };
      if (f.syncState === 'Error')
        return [{ ...base, severity: 'error', summary: 'The last sync failed.', key: `${f.id}:error`, action: logs }];
      if (f.syncState === 'Warning')
        return [{ ...base, severity: 'warning', summary: 'The last sync ended with warnings.', key: `${f.id}:warning`, action: logs }];
      const interval = f.interval ?? -1;
      const last = Date.parse(f.lastSyncTime ?? '');
      if (interval > 0 && f.syncState !== 'Progressing' && (!Number.isFinite(last) || now - last > 2 * interval * 1000))
        return [
          {
            ...base,
            severity: 'warning',
            summary: `Not synced within twice its interval (${Math.round(interval / 60)} min); last sync ${ago(f.lastSyncTime, now)}.`,
            key: `${f.id}:late`,
            action: syncNow,
          },
        ];
      return [];
    }
    case 'syncMember':
      return f.syncState && FAILED_MEMBER.test(f.syncState)
        ? [
            {
              severity: 'error',
              service: 'dataSync',
              name: f.name,
              resource: `member ${f.name} of ${f.groupName}`,
              summary: `The member is ${f.syncState}.`,
              key: `${f.id}:state`,
              action: {
                title: 'Open Sync Logs',
                command: 'sqlDataMovement.dataSync.viewLogs',
                args: [{ resourceId: f.id.replace(/\/syncMembers\/[^/]+$/i, '') }],
              },
            },
          ]
        : [];
    case 'syncAgent': {
      const out: Problem[] = [];
      const base = { service: 'dataSync' as const, name: f.name, resource: `sync agent ${f.name} on ${f.server}` };
      if (f.state && f.state !== 'Online')
        out.push({
          ...base,
          severity: f.state === 'NeverConnected' ? 'warning' : 'error',
          summary: f.state === 'NeverConnected' ? 'The agent has never connected.' : `The agent is ${f.state}.`,
          detail: 'Start the SQL Data Sync agent service on its machine; if its key was lost, generate a new key and enter it there.',
          key: `${f.id}:state`,
          action: { title: 'Generate Agent Key', command: 'sqlDataMovement.dataSync.generateAgentKey', args: [{ resourceId: f.id }] },
        });
      const expiry = Date.parse(f.expiryTime ?? '');
      if (Number.isFinite(expiry) && new Date(expiry).getUTCFullYear() < AGENT_NEVER_EXPIRES && expiry - now < agentExpiryWarningDays * DAY)
        out.push({
          ...base,
          severity: expiry < now ? 'error' : 'warning',
          summary:
            expiry < now
              ? `Its key expired ${ago(f.expiryTime, now)}.`
              : `Its key expires on ${new Date(expiry).toISOString().slice(0, 10)}.`,
          key: `${f.id}:expiry`,
          action: { title: 'Generate Agent Key', command: 'sqlDataMovement.dataSync.generateAgentKey', args: [{ resourceId: f.id }] },
        });
      return out;
    }
    case 'mirroredDatabase': {
      const target = { workspaceId: f.workspaceId, itemId: f.itemId, displayName: f.name, workspaceName: f.workspaceName };
      const base = { service: 'fabric' as const, name: f.name, resource: `mirrored database ${f.name} (${f.workspaceName})` };
      const monitor = { title: 'Open Replication Monitor', command: 'sqlDataMovement.fabric.openMonitor', args: [target] };
      const out: Problem[] = [];
      if (f.status !== 'Running')
        out.push({
          ...base,
          severity: f.status === 'Failed' ? 'error' : 'warning',
          summary: f.status ? `Mirroring is ${f.status}, not Running.` : 'Its mirroring status could not be read.',
          detail: f.error,
          key: `${f.itemId}:status`,
          action:
            f.status === 'Initialized' || f.status === 'Stopped'
              ? { title: 'Start Mirroring', command: 'sqlDataMovement.fabric.startMirroring', args: [target] }
              : monitor,
        });
      if (f.failedTables.length)
        out.push({
          ...base,
          severity: 'error',
          summary: `${f.failedTables.length} of ${f.tableCount} tables failed: ${f.failedTables.map((t) => t.name).join(', ')}.`,
          detail: f.failedTables.map((t) => `${t.name}: ${t.message ?? 'failed'}`).join('\n'),
          key: `${f.itemId}:failed`,
          action: monitor,
        });
      if (f.staleTables.length)
        out.push({
          ...base,
          severity: 'warning',
          summary: `${f.staleTables.length} tables have not synced recently: ${f.staleTables.map((t) => t.name).join(', ')}.`,
          key: `${f.itemId}:stale`,
          action: monitor,
        });
      return out;
    }
    case 'protectedDatabase': {
      const base = {
        service: 'backup' as const,
        name: f.name,
        resource: `database ${f.name}${f.server ? ` on ${f.server}` : ''} (vault ${f.vault})`,
      };
      const backupNow = { title: 'Back Up Now', command: 'sqlDataMovement.backup.backupNow', args: [{ resourceId: f.id }] };
      const out: Problem[] = [];
      const lastFailed = f.lastBackupStatus === 'Failed' || f.lastBackupStatus === 'Unhealthy';
      // A failed last backup is what makes an item Unhealthy: one problem, not two.
      if (!lastFailed && (f.healthStatus === 'Unhealthy' || f.healthStatus === 'NotReachable'))
        out.push({
          ...base,
          severity: 'error',
          summary: `Backup health is ${f.healthStatus}.`,
          detail: f.lastBackupError,
          key: `${f.id}:health`,
          action: backupNow,
        });
      if (lastFailed)
        out.push({
          ...base,
          severity: 'error',
          summary: `The last backup failed (${ago(f.lastBackupTime, now)}).`,
          detail: f.lastBackupError,
          key: `${f.id}:lastBackup`,
          action: backupNow,
        });
      if (f.protectionState === 'IRPending' && (f.lastBackupTime === undefined || now - Date.parse(f.lastBackupTime) > DAY))
        out.push({
          ...base,
          severity: 'warning',
          summary: 'Protection is pending its first full backup for over a day (IRPending).',
          detail: 'Run a full backup now, or check the ConfigureBackup job and the VM’s SQL workload extension.',
          key: `${f.id}:irpending`,
          action: backupNow,
        });
      return out;
    }
    case 'failedBackupJob':
      return [
        {
          severity: 'error',
          service: 'backup',
          name: f.entity,
          resource: `${f.operation ?? 'job'} of ${f.entity} (vault ${f.vault})`,
          summary: `${f.operation ?? 'A job'} failed ${ago(f.startTime, now)}${f.error ? `: ${f.error}` : '.'}`,
          detail: f.recommendation,
          key: `${f.id}:failed`,
          action: { title: 'Open Job', command: 'sqlDataMovement.backup.showJobs', args: [{ resourceId: f.id }] },
        },
      ];
    case 'scanError':
      return [
        {
          severity: 'warning',
          service: f.service,
          name: f.scope,
          resource: f.scope,
          summary: `Could not be read: ${f.message}`,
          detail: f.requestId ? `Request id: ${f.requestId}` : undefined,
          key: `scan:${f.service}:${f.scope}`,
        },
      ];
  }
}
