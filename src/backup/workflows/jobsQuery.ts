// The jobs view's filters as the service's `$filter` (JobQueryObject): `status`, `operation`,
// `startTime` and `endTime` clauses joined by `and`, always scoped to SQL in Azure VMs
// (`backupManagementType eq 'AzureWorkload'`). Dates go in the format the Azure CLI sends,
// `yyyy-MM-dd hh:mm:ss AM` in UTC; a time filter always sends both ends, as the CLI does.

/** JobStatus (open enum: unknown values pass through). */
export const JOB_STATUSES = ['InProgress', 'Completed', 'Failed', 'CompletedWithWarnings', 'Cancelled', 'Cancelling'] as const;
/** JobOperationType values a SQL-in-VM vault shows. */
export const JOB_OPERATIONS = [
  'Backup',
  'Restore',
  'ConfigureBackup',
  'DisableBackup',
  'DeleteBackupData',
  'Register',
  'UnRegister',
] as const;
/** The time windows the view offers; `all` sends no time clause. */
export const JOB_PERIODS = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24, all: 0 } as const;
export type JobPeriod = keyof typeof JOB_PERIODS;

export interface JobsFilter {
  status?: string;
  operation?: string;
  /** ISO times; when one is set the other defaults (start: 30 days before the end; end: now). */
  startTime?: string;
  endTime?: string;
}

export class JobsFilterError extends Error {
  override readonly name = 'JobsFilterError';
}

const quote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** `2026-11-29 07:05:09 AM`: the service's (and the CLI's) filter date format, UTC. */
export function filterDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function parseTime(what: string, iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new JobsFilterError(`The ${what} "${iso}" is not a date.`);
  return ms;
}

/** The `$filter` for these filters. */
export function jobsFilterText(filter: JobsFilter, now: number = Date.now()): string {
  const clauses = ["backupManagementType eq 'AzureWorkload'"];
  const status = filter.status?.trim();
  const operation = filter.operation?.trim();
  if (operation) clauses.push(`operation eq ${quote(operation)}`);
  if (status) clauses.push(`status eq ${quote(status)}`);
  if (filter.startTime || filter.endTime) {
    // Second precision on the wire: the end rounds up so a job started in its last second stays in.
    const end = Math.ceil((filter.endTime ? parseTime('end time', filter.endTime) : now) / 1000) * 1000;
    const start = filter.startTime ? parseTime('start time', filter.startTime) : end - 30 * 24 * 3600_000;
    if (start > end) throw new JobsFilterError('The start time is after the end time.');
    clauses.push(`startTime eq ${quote(filterDate(start))}`, `endTime eq ${quote(filterDate(end))}`);
  }
  return clauses.join(' and ');
}

/** The filters for a time window ending now. */
export function periodFilter(period: JobPeriod, now: number = Date.now()): Pick<JobsFilter, 'startTime' | 'endTime'> {
  const hours = JOB_PERIODS[period];
  if (!hours) return {};
  return { startTime: new Date(now - hours * 3600_000).toISOString(), endTime: new Date(now).toISOString() };
}
