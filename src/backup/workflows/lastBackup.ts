// "When was this database last backed up, and did it work?" from a protected item's properties, for the
// tree's description and tooltip. Pure. lastBackupStatus is a health word (Healthy, Unhealthy, IRPending).
import type { ProtectedItemProperties } from '../../azure/backup/backupModels';

export interface LastBackupSummary {
  /** ISO time of the last backup, undefined when there was none. */
  time?: string;
  /** Succeeded, Failed, No backup yet, Pending, or the service's word. */
  status: string;
  /** True: worked; false: failed; undefined: nothing to say yet. */
  ok?: boolean;
  /** The last failure, "code: message". */
  error?: string;
  /** Newest point a restore can reach (Full, Differential or the end of the log chain). */
  lastRecoveryPoint?: string;
}

const STATUS_WORDS: Record<string, { status: string; ok?: boolean }> = {
  healthy: { status: 'Succeeded', ok: true },
  unhealthy: { status: 'Failed', ok: false },
  irpending: { status: 'Pending' },
};

/** Azure sends 0001-01-01 for "never". */
const realTime = (iso: string | undefined): string | undefined => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) || new Date(t).getUTCFullYear() < 2000 ? undefined : iso;
};

export function lastBackupSummary(p: ProtectedItemProperties | undefined): LastBackupSummary {
  const time = realTime(p?.lastBackupTime);
  const word = p?.lastBackupStatus ?? '';
  const known = STATUS_WORDS[word.toLowerCase()];
  const detail = p?.lastBackupErrorDetail as { code?: unknown; message?: unknown } | undefined;
  const code = typeof detail?.code === 'string' ? detail.code : undefined;
  const message = typeof detail?.message === 'string' ? detail.message : '';
  const error = code && code !== 'Success' ? `${code}${message ? `: ${message}` : ''}` : undefined;
  const failed = !!error || known?.ok === false;
  const status = failed ? 'Failed' : !time ? 'No backup yet' : (known?.status ?? (word || 'Unknown'));
  return {
    time,
    status,
    ok: failed ? false : time ? known?.ok : undefined,
    error,
    lastRecoveryPoint: realTime(p?.lastRecoveryPoint),
  };
}
