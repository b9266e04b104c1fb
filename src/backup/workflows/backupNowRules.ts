// Which on-demand backups a protected SQL database allows, and the request body for one. Pure.
// Differential and Log need a Full first (a copy-only full does not start a backup chain); Log needs the
// FULL or BULK_LOGGED recovery model (extendedInfo.recoveryModel); master takes Full and Copy-only full
// only; nothing runs while protection is stopped. Retention: Full and Copy-only full are kept until a
// date (the Azure CLI's defaults: 45 and 30 days; a Full at least 45 days, at most 99 years), Differential
// and Log follow the policy.
import type { WorkloadBackupRequest } from '../../azure/backup/backupModels';

export const BACKUP_TYPES = ['Full', 'Differential', 'Log', 'CopyOnlyFull'] as const;
export type BackupType = (typeof BACKUP_TYPES)[number];

export const BACKUP_TYPE_LABELS: Record<BackupType, string> = {
  Full: 'Full',
  Differential: 'Differential',
  Log: 'Log',
  CopyOnlyFull: 'Copy-only full',
};

const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_DAYS: Partial<Record<BackupType, number>> = { Full: 45, CopyOnlyFull: 30 };
export const MIN_FULL_RETENTION_DAYS = 45;
export const MAX_RETENTION_YEARS = 99;

export interface BackupFacts {
  database: string;
  protectionState?: string;
  /** SIMPLE, FULL, BULK_LOGGED; undefined when the service did not say. */
  recoveryModel?: string;
  /** A (non copy-only) Full recovery point exists. */
  hasBaseFull: boolean;
}

export interface BackupTypeChoice {
  type: BackupType;
  label: string;
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: string;
}

export class BackupNowRefusedError extends Error {
  override readonly name = 'BackupNowRefusedError';
  readonly code = 'BackupNowRefused';
}

export const takesRetention = (type: BackupType): boolean => type === 'Full' || type === 'CopyOnlyFull';

export function backupTypeChoices(facts: BackupFacts): BackupTypeChoice[] {
  const state = facts.protectionState ?? 'Unknown';
  const blocked =
    state === 'Protected' || state === 'IRPending'
      ? undefined
      : `backups do not run while protection of ${facts.database} is ${state}; resume protection first`;
  const model = facts.recoveryModel?.toUpperCase();
  const master = facts.database.toLowerCase() === 'master';
  const reasonFor = (type: BackupType): string | undefined => {
    if (blocked) return blocked;
    if (type === 'Full' || type === 'CopyOnlyFull') return undefined;
    if (master) return 'the master database takes only Full and Copy-only full backups';
    if (type === 'Log' && model && model !== 'FULL' && model !== 'BULK_LOGGED')
      return `log backups need the FULL or BULK_LOGGED recovery model; ${facts.database} uses ${model}`;
    if (!facts.hasBaseFull)
      return `${BACKUP_TYPE_LABELS[type]} backups need a Full backup of ${facts.database} first (a copy-only full does not count)`;
    return undefined;
  };
  return BACKUP_TYPES.map((type) => {
    const reason = reasonFor(type);
    return { type, label: BACKUP_TYPE_LABELS[type], allowed: !reason, ...(reason ? { reason } : {}) };
  });
}

/** The default "retain until" for a Full or Copy-only full started at `now`. */
export function defaultRetainUntil(type: BackupType, now: Date): Date | undefined {
  const days = DEFAULT_RETENTION_DAYS[type];
  return days === undefined ? undefined : new Date(now.getTime() + days * DAY_MS);
}

/** Why a "retain until" is not accepted, or undefined. */
export function retainUntilProblem(type: BackupType, until: Date, now: Date): string | undefined {
  if (Number.isNaN(until.getTime())) return 'Enter a date as YYYY-MM-DD.';
  if (until.getTime() <= now.getTime()) return 'The date must be in the future.';
  if (type === 'Full' && until.getTime() < now.getTime() + MIN_FULL_RETENTION_DAYS * DAY_MS - 60_000)
    return `A Full backup is kept at least ${MIN_FULL_RETENTION_DAYS} days.`;
  const max = new Date(now);
  max.setUTCFullYear(max.getUTCFullYear() + MAX_RETENTION_YEARS);
  if (until.getTime() > max.getTime()) return `A backup is kept at most ${MAX_RETENTION_YEARS} years.`;
  return undefined;
}

/** "2027-01-13" (UTC) for the date prompt. */
export const dateText = (d: Date): string => d.toISOString().slice(0, 10);

/** A YYYY-MM-DD answer as that day at the time of day of `now` (so the default date gives the default exactly). */
export function parseRetainUntil(text: string, now: Date): Date {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return new Date(NaN);
  const d = new Date(now);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dateText(d) === `${m[1]}-${m[2]}-${m[3]}` ? d : new Date(NaN);
}

export interface BackupNowChoice {
  type: BackupType;
  /** Full and Copy-only full only; the default applies when left out. */
  retainUntil?: Date;
  compression: boolean;
}

/** The AzureWorkloadBackupRequest as the service documents it (expiry only for Full and Copy-only full). */
export function backupRequestBody(choice: BackupNowChoice, now: Date): WorkloadBackupRequest {
  const until = takesRetention(choice.type) ? (choice.retainUntil ?? defaultRetainUntil(choice.type, now)) : undefined;
  return {
    properties: {
      objectType: 'AzureWorkloadBackupRequest',
      backupType: choice.type,
      enableCompression: choice.compression,
      ...(until ? { recoveryPointExpiryTimeInUTC: until.toISOString() } : {}),
    },
  };
}
