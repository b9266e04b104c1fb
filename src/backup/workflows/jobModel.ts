// What the jobs view shows of a backup job (AzureWorkloadJob): a row (operation, status, item, start,
// duration, whether it can be cancelled) and the details (tasks, errors with recommendations, the
// property bag). Pure: enums are open (unknown values shown as they come), `actionsInfo` arrives as
// names or as the integers the service was observed to send (1 = Cancellable).
import type { BackupJob } from '../../azure/backup/backupModels';
import { operationStatusOf } from '../../azure/lro/lroTypes';

/** Whether a job status word says the job still runs (InProgress, Cancelling, NotStarted; any case), as the pollers read it. */
export const isRunningStatus = (status: string | undefined): boolean => operationStatusOf(status) === 'running';

/** True while the job has not ended; a job without a status is taken as running. */
export const isJobRunning = (job: BackupJob): boolean => isRunningStatus(job.properties?.status ?? 'InProgress');
const FAILED_STATUSES: ReadonlySet<string> = new Set(['Failed', 'CompletedWithWarnings']);
/** JobSupportedAction as integers: Invalid = 0, Cancellable = 1, Retriable = 2. */
const ACTION_NAMES = ['Invalid', 'Cancellable', 'Retriable'];

export interface JobRow {
  /** The job's ARM id. */
  id: string;
  /** The job id (its name). */
  name: string;
  operation: string;
  status: string;
  /** `db [vm]` for Backup and Restore, the database for ConfigureBackup. */
  entity: string;
  startTime?: string;
  endTime?: string;
  durationMs?: number;
  /** "2 min 1 s". */
  durationText: string;
  running: boolean;
  /** Failed or finished with warnings. */
  problem: boolean;
  cancellable: boolean;
  /** The first error's title, for the list. */
  errorSummary?: string;
}

export interface JobError {
  code: string;
  title?: string;
  message: string;
  recommendations: string[];
  additionalDetails?: string;
}

export interface JobTask {
  name: string;
  status: string;
  startTime?: string;
  endTime?: string;
  durationText?: string;
}

export interface JobDetails extends JobRow {
  activityId?: string;
  workloadType?: string;
  tasks: JobTask[];
  errors: JobError[];
  /** extendedInfo.propertyBag, in the service's order. */
  properties: Array<{ name: string; value: string }>;
  dynamicErrorMessage?: string;
}

/** ISO-8601 duration (`PT2M1.6965032S`, `P1DT2H`) in ms; undefined when it does not parse. */
export function parseIsoDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [d, h, min, s] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return Math.round(((d * 24 + h) * 60 + min) * 60_000 + s * 1000);
}

/** "1 h 2 min", "2 min 1 s", "12 s", "0 s". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes && !days) parts.push(`${minutes} min`);
  if ((seconds || !parts.length) && !days && !hours) parts.push(`${seconds} s`);
  return parts.join(' ');
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether the job's actions allow Cancel (and it is still running). */
export function isCancellable(job: BackupJob): boolean {
  const p = job.properties ?? {};
  const actions: unknown[] = Array.isArray(p.actionsInfo) ? p.actionsInfo : [];
  const named = actions.map((a) => (typeof a === 'number' ? ACTION_NAMES[a] : a));
  return p.status === 'InProgress' && named.includes('Cancellable');
}

/** The job's duration: the service's `duration`, else end − start (or now − start while running). */
export function jobDurationMs(job: BackupJob, now: number = Date.now()): number | undefined {
  const p = job.properties ?? {};
  const reported = parseIsoDuration(p.duration);
  if (reported !== undefined) return reported;
  const start = p.startTime ? Date.parse(p.startTime) : NaN;
  const end = p.endTime ? Date.parse(p.endTime) : isRunningStatus(p.status) ? now : NaN;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : undefined;
}

export function jobErrors(job: BackupJob): JobError[] {
  const list = job.properties?.errorDetails ?? [];
  return list.filter(isObj).map((e) => ({
    code: text(e.errorCode) ?? text(e.code) ?? 'Error',
    title: text(e.errorTitle),
    message: text(e.errorString) ?? text(e.message) ?? '',
    recommendations: (Array.isArray(e.recommendations) ? e.recommendations : []).map(text).filter((r): r is string => !!r?.trim()),
    additionalDetails: text(e.additionalDetails) || undefined,
  }));
}

export function jobRow(job: BackupJob, now: number = Date.now()): JobRow {
  const p = job.properties ?? {};
  const status = p.status ?? 'Unknown';
  const durationMs = jobDurationMs(job, now);
  const errors = jobErrors(job);
  return {
    id: job.id ?? '',
    name: job.name ?? '',
    operation: p.operation ?? 'Unknown',
    status,
    entity: p.entityFriendlyName ?? '',
    startTime: p.startTime,
    endTime: p.endTime,
    durationMs,
    durationText: formatDuration(durationMs),
    running: isRunningStatus(status),
    problem: FAILED_STATUSES.has(status) || errors.length > 0,
    cancellable: isCancellable(job),
    errorSummary: errors[0] ? errors[0].title || errors[0].message || errors[0].code : undefined,
  };
}

export function jobDetails(job: BackupJob, now: number = Date.now()): JobDetails {
  const p = job.properties ?? {};
  const info = isObj(p.extendedInfo) ? p.extendedInfo : {};
  const tasks = (Array.isArray(info.tasksList) ? info.tasksList : []).filter(isObj).map((t) => {
    const ms = parseIsoDuration(text(t.duration));
    return {
      name: text(t.taskId) ?? 'Task',
      status: text(t.status) ?? 'Unknown',
      // The service writes the minimum date for times it does not know.
      startTime: text(t.startTime)?.startsWith('0001-') ? undefined : text(t.startTime),
      endTime: text(t.endTime)?.startsWith('0001-') ? undefined : text(t.endTime),
      durationText: ms === undefined ? undefined : formatDuration(ms),
    };
  });
  const bag = isObj(info.propertyBag) ? info.propertyBag : {};
  return {
    ...jobRow(job, now),
    activityId: p.activityId,
    workloadType: p.workloadType,
    tasks,
    errors: jobErrors(job),
    properties: Object.entries(bag)
      .map(([name, value]) => ({ name, value: text(value) ?? JSON.stringify(value) }))
      .filter((e) => e.value !== undefined),
    dynamicErrorMessage: text(info.dynamicErrorMessage) || undefined,
  };
}

/** The database and VM a job names (`SalesDb [sqlvm-prod-01]`), or just the database. */
export function jobEntity(job: BackupJob): { database: string; vm?: string } | undefined {
  const name = job.properties?.entityFriendlyName?.trim();
  if (!name) return undefined;
  const m = /^(.*?)\s*\[([^\]]+)\]$/.exec(name);
  return m ? { database: m[1], vm: m[2] } : { database: name };
}

/** When the next refresh of a view with running jobs is due: 5 s, doubling while nothing changes, at most 60 s. */
export function nextJobsRefreshMs(previous: number | undefined, changed: boolean): number {
  if (previous === undefined || changed) return 5_000;
  return Math.min(previous * 2, 60_000);
}
