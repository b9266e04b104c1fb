// What the operations center remembers about one long-running operation: enough to show it, to
// resume polling it after a window reload (the poller's JSON state), and to retry it when the
// command that started it said repeating is safe. Plain JSON throughout: it lives in globalState.
import type { SerializedAzureError } from '../azure/http/azureError';
import type { LroKind, LroState, RequestTrace } from '../azure/lro/lroTypes';

/**
 * running: being polled (or waiting for a window to poll it); stopped: we stopped waiting, Azure may still be
 * working; unknown: it could not be polled for too long (see PollFailures), so we stopped following it.
 */
export type OperationStatus = 'running' | 'succeeded' | 'failed' | 'canceled' | 'stopped' | 'unknown';

/** Consecutive failures to poll a running operation (network, sign-in, service errors): the next try waits longer. */
export interface PollFailures {
  /** When the first of them happened. */
  since: number;
  count: number;
  /** No window polls it again before this time. */
  retryAt: number;
}

export interface OperationTarget {
  /** ARM resource id or Fabric item path the operation acts on. */
  resourceId?: string;
  /** Short name for lists, e.g. "sync group sales-sync". */
  label: string;
}

/** A command to run again for "Retry"; only set by commands whose repetition is safe (idempotent). */
export interface RetrySpec {
  command: string;
  args: unknown[];
}

export interface OperationRecord {
  id: string;
  /** User-facing title, e.g. "Create sync group sales-sync". */
  title: string;
  kind: LroKind;
  target: OperationTarget;
  /** Which environment and account the operation belongs to; polling resumes only there, signed in as that account. */
  environment: string;
  account?: string;
  startedAt: number;
  endedAt?: number;
  status: OperationStatus;
  percent?: number;
  /** The service's own status word, e.g. "InProgress". */
  serviceStatus?: string;
  jobId?: string;
  error?: SerializedAzureError;
  /** The request that started the operation, with the ids support needs. */
  initialRequest?: RequestTrace;
  /** Its headers and body as sent, secrets replaced by placeholders (<hub-password>…), for "Copy as REST Request". */
  initialRequestHeaders?: Record<string, string>;
  initialRequestBody?: unknown;
  /** The latest status check: for a finished operation, the one that saw it end. */
  lastPoll?: RequestTrace;
  retry?: RetrySpec;
  /** The poller's state while running (dropped once the operation ends). */
  poller?: LroState;
  /** Why a running operation is not being polled right now (e.g. another environment is active). */
  waitingReason?: string;
  pollFailures?: PollFailures;
}

export function isFinished(record: OperationRecord): boolean {
  return record.status !== 'running';
}

export function durationMs(record: OperationRecord, now = Date.now()): number {
  return (record.endedAt ?? now) - record.startedAt;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const statusWords: Record<OperationStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
  stopped: 'Stopped waiting',
  unknown: 'Unknown — stopped following',
};

export function statusText(record: OperationRecord, now = Date.now()): string {
  if (record.status === 'running') {
    const progress = record.percent !== undefined ? `${Math.round(record.percent)}%` : formatDuration(durationMs(record, now));
    return record.waitingReason ? `Waiting — ${record.waitingReason}` : `Running · ${progress}`;
  }
  return `${statusWords[record.status]} · ${formatDuration(durationMs(record, now))}`;
}

/** Plain-text details for the details view and "Copy Details": what, where, when, and the error with its request ids. */
export function detailsText(record: OperationRecord, now = Date.now()): string {
  const lines = [
    `Operation: ${record.title}`,
    `Status: ${statusWords[record.status]}${record.serviceStatus ? ` (service status: ${record.serviceStatus})` : ''}`,
    `Target: ${record.target.label}`,
  ];
  if (record.target.resourceId) lines.push(`Resource: ${record.target.resourceId}`);
  lines.push(
    `Environment: ${record.environment}`,
    `Kind: ${record.kind} long-running operation`,
    `Started: ${new Date(record.startedAt).toISOString()}`,
  );
  if (record.endedAt) lines.push(`Ended: ${new Date(record.endedAt).toISOString()}`);
  lines.push(`Duration: ${formatDuration(durationMs(record, now))}`);
  if (record.percent !== undefined) lines.push(`Progress: ${Math.round(record.percent)}%`);
  if (record.jobId) lines.push(`Backup job: ${record.jobId}`);
  if (record.status === 'stopped')
    lines.push('', 'Stopped waiting: the operation may still be running in Azure. Refresh the resource to see its state.');
  if (record.status === 'unknown')
    lines.push(
      '',
      'It could not be polled for too long, so it is no longer followed; the last error is below. Refresh the resource to see its state.',
    );
  const e = record.error;
  if (e) {
    lines.push('', `Error code: ${e.code}`, `Message: ${e.message}`);
    // An operation's own failure arrives in a successful status check: its HTTP status says nothing.
    if (e.operationStatus) lines.push(`Reported by the operation's status: ${e.operationStatus}`);
    else if (e.status) lines.push(`HTTP status: ${e.status}`);
    if (e.target) lines.push(`Error target: ${e.target}`);
    for (const d of e.details ?? []) lines.push(`  - ${d.code ?? ''}: ${d.message ?? ''}`);
    if (e.operation)
      lines.push(`${e.operationStatus ? 'Status check' : 'Failed step'}: ${e.operation.name} (${e.operation.method} ${e.operation.url})`);
    if (e.requestId) lines.push(`Request id: ${e.requestId}`);
    if (e.correlationId) lines.push(`Correlation id: ${e.correlationId}`);
    if (e.clientRequestId) lines.push(`Client request id: ${e.clientRequestId}`);
  }
  if (record.initialRequest || record.lastPoll) {
    lines.push('', 'Requests (ids for support):');
    if (record.initialRequest) lines.push(`  Start: ${traceText(record.initialRequest)}`);
    if (record.lastPoll) lines.push(`  ${isFinished(record) ? 'Final status check' : 'Last status check'}: ${traceText(record.lastPoll)}`);
  }
  const poll = record.poller;
  if (poll && record.status === 'running') {
    if (poll.kind === 'arm') lines.push('', `Polling: ${poll.asyncOperationUrl ?? poll.locationUrl ?? poll.resourceUrl}`);
    if (poll.kind === 'backup') lines.push('', `Polling: ${poll.statusUrl ?? poll.resultUrl ?? ''}`);
    if (poll.kind === 'fabric') lines.push('', `Polling: ${poll.operationUrl}`);
    if (poll.kind === 'fabricMirroring') lines.push('', `Polling: mirroring status until ${poll.target}`);
  }
  return lines.join('\n');
}

function traceText(t: RequestTrace): string {
  const parts = [`${t.method} ${t.url} → ${t.status !== undefined ? `HTTP ${t.status}` : 'no answer'}`];
  if (t.requestId) parts.push(`request id ${t.requestId}`);
  if (t.correlationId) parts.push(`correlation id ${t.correlationId}`);
  if (t.clientRequestId) parts.push(`client request id ${t.clientRequestId}`);
  parts.push(t.at);
  return parts.join(' · ');
}
