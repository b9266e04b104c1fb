// The one long-running-operation interface the operations center consumes, whatever the service.
// A poller's state is plain JSON (toJSON) so it can live in VS Code globalState and be resumed by
// resumePoller() after a window reload. Cancelling (AbortSignal) stops WAITING; it never cancels the
// operation in Azure.
import type { SerializedAzureError } from '../http/azureError';
import type { RequestIds } from '../http/requestIds';

export type LroStatus = 'running' | 'succeeded' | 'failed' | 'canceled';
export type LroKind = 'arm' | 'backup' | 'fabric' | 'fabricMirroring';

export interface LroSnapshot {
  status: LroStatus;
  /** 0–100 when the service reports it (ARM percentComplete, Fabric percentComplete). */
  percent?: number;
  /** Time since the operation started (survives a reload: measured from the persisted start). */
  elapsedMs: number;
  /** What the service asked us to wait before the next poll. */
  retryAfterMs?: number;
  /** The service's status word as sent (open enum: "InProgress", "NotStarted", …). */
  serviceStatus?: string;
  /** Azure Backup job started by the operation (operationsStatus properties.jobId). */
  jobId?: string;
  error?: SerializedAzureError;
  /** The request that started the operation: what support asks for first. */
  initialRequest?: RequestTrace;
  /** The latest status check (or final GET): for a finished operation, the one that saw it end. */
  lastPoll?: RequestTrace;
  /** When the service says the operation ended (Azure-AsyncOperation endTime), ISO. */
  endTime?: string;
}

/** One HTTP exchange of an operation, as support needs it to find the call in the service's logs. */
export interface RequestTrace extends RequestIds {
  method: string;
  /** Secret query parameters redacted. */
  url: string;
  /** HTTP status of the answer; undefined when none came back. */
  status?: number;
  /** ISO time of the answer. */
  at: string;
}

export interface PollUntilDoneOptions {
  signal?: AbortSignal;
  onProgress?: (snapshot: LroSnapshot) => void;
  /** Smallest wait between polls when the service gives no Retry-After. Default 1 s. */
  minDelayMs?: number;
  /** Largest backoff wait (Retry-After may ask for more and is honoured). Capped at 30 s. */
  maxDelayMs?: number;
}

export interface LroPoller<TResult = unknown> {
  readonly kind: LroKind;
  readonly operationName: string;
  /** Last known status (no request). */
  readonly latest: LroSnapshot;
  /** The final result once succeeded (resource body, operation result), else undefined. */
  readonly result: TResult | undefined;
  isDone(): boolean;
  /** One polling step: at most the requests needed to learn the current status (+ final GET). */
  poll(signal?: AbortSignal): Promise<LroSnapshot>;
  /** Polls until a terminal status; resolves the result or rejects with AzureRequestError (failed/canceled) or AbortError. */
  pollUntilDone(options?: PollUntilDoneOptions): Promise<TResult>;
  /** Plain JSON: give it to resumePoller() to continue after a reload. */
  toJSON(): LroState;
}

interface LroStateBase {
  version: 1;
  operationName: string;
  /** Epoch ms when the operation was started. */
  startedAt: number;
  snapshot: LroSnapshot;
  result?: unknown;
  /** Set when the Azure Backup job the operation started is followed too (arm and backup pollers). */
  followJob?: FollowedJob;
}

/** Where the operation's Backup job is read, and which end of it counts as success. */
export interface FollowedJob {
  /** The vault's job collection (…/backupJobs) and its api-version. */
  jobsUrl: string;
  apiVersion: string;
  /** The job to follow when the caller knows it (a cancel names the job it cancels); else the operation's jobId. */
  jobId?: string;
  /** 'cancelled': the operation cancels the job, so a Cancelled job is its success and any other end its failure. */
  until?: 'ended' | 'cancelled';
  /** The operation's own failure, kept while its job is read for the reason: the outcome if the job says nothing. */
  operationError?: SerializedAzureError;
}

export interface ArmLroState extends LroStateBase {
  kind: 'arm';
  method: string;
  /** The URL of the original request (target of the final GET for PUT/PATCH). */
  resourceUrl: string;
  asyncOperationUrl?: string;
  locationUrl?: string;
  /** polling: waiting for a terminal status; final: terminal, final GET still to do; job: the Backup job is followed; done. */
  phase: 'polling' | 'final' | 'job' | 'done';
  /** 'resource' when neither header was sent and the resource's provisioningState is polled. */
  via: 'azure-asyncoperation' | 'location' | 'resource';
  /** The spec's `final-state-via`: 'location' takes a PUT/PATCH result from the Location URL, not the original URL. */
  finalStateVia?: ArmFinalStateVia;
}

export type ArmFinalStateVia = 'location' | 'original-uri';

export interface BackupLroState extends LroStateBase {
  kind: 'backup';
  /** operationsStatus URL (Azure-AsyncOperation): status + jobId. */
  statusUrl?: string;
  /** operationResults URL (Location): 202 running, 200/204 done. */
  resultUrl?: string;
  /** job: the operation succeeded and its job (snapshot.jobId) is polled until it ends. */
  phase: 'status' | 'result' | 'job' | 'done';
}

export interface FabricLroState extends LroStateBase {
  kind: 'fabric';
  operationId?: string;
  /** GET /operations/{id} (the Location header exactly as given). */
  operationUrl: string;
  /** Whether the operation has a payload at /operations/{id}/result (getDefinition does). */
  expectResult: boolean;
  resultUrl?: string;
  phase: 'polling' | 'result' | 'done';
}

/** Start/stop mirroring answer 200 at once; the status then moves by itself: poll getMirroringStatus until `target`. */
export interface FabricMirroringLroState extends LroStateBase {
  kind: 'fabricMirroring';
  workspaceId: string;
  mirroredDatabaseId: string;
  /** The status that ends the wait. */
  target: string;
  /** Statuses passed on the way (e.g. Starting); any other status fails the wait. */
  transient: string[];
  phase: 'polling' | 'done';
}

export type LroState = ArmLroState | BackupLroState | FabricLroState | FabricMirroringLroState;

/**
 * Maps a resource's provisioningState to ours. Resource providers define their own in-progress words
 * ("Creating", "Resolving DNS"…) and only Succeeded/Failed/Canceled are terminal, so any other word
 * (or none) means "still running".
 */
export function normalizeStatus(serviceStatus: unknown): LroStatus {
  return operationStatusOf(serviceStatus) ?? 'running';
}

const SUCCEEDED_WORDS = new Set(['succeeded', 'completed', 'completedwithwarnings']);
const FAILED_WORDS = new Set(['failed']);
const CANCELED_WORDS = new Set(['canceled', 'cancelled']);
/** In-progress words of ARM async operations, Backup operationsStatus and Fabric operation states. */
const RUNNING_WORDS = new Set([
  'inprogress',
  'running',
  'notstarted',
  'accepted',
  'undefined',
  'creating',
  'updating',
  'deleting',
  'provisioning',
  'queued',
  'pending',
  'started',
  'waiting',
  'canceling',
  'cancelling',
]);

/**
 * Maps the status word of an operation-status document (Azure-AsyncOperation, Backup operationsStatus,
 * Fabric /operations/{id}) to ours, in any case; undefined when the word is missing or not one a status
 * document uses. Such an answer cannot say when the operation ends, so it ends the wait (as a failure
 * that shows the answer) instead of polling forever.
 */
export function operationStatusOf(serviceStatus: unknown): LroStatus | undefined {
  const s = typeof serviceStatus === 'string' ? serviceStatus.toLowerCase() : '';
  if (SUCCEEDED_WORDS.has(s)) return 'succeeded';
  if (FAILED_WORDS.has(s)) return 'failed';
  if (CANCELED_WORDS.has(s)) return 'canceled';
  if (RUNNING_WORDS.has(s)) return 'running';
  return undefined;
}

export function isTerminal(status: LroStatus): boolean {
  return status !== 'running';
}
