// Azure Backup's calls that start a job (enable/stop protection, delete backup data, back up now, restore,
// cancel a job) are accepted long before the work is done: the operation's status names the job
// (properties.jobId) and the job says how the work itself ended. A poller told to followJob() goes on,
// once the operation succeeded, reading …/backupJobs/{jobId} until the job ends; the job's failure or
// cancellation (its errorDetails: code, message, recommendations) becomes the operation's. An operation
// that fails naming its job reads that job too, for the reason the service gives there. The job phase
// is part of the poller's JSON state, so following resumes after a window reload like any other poll.
import type { AzureClient, AzureResponse } from '../http/azureClient';
import { AzureRequestError, type SerializedAzureError } from '../http/azureError';
import { BasePoller } from './basePoller';
import { operationStatusOf, type ArmLroState, type BackupLroState, type FollowedJob, type LroSnapshot } from './lroTypes';

export interface FollowJobOptions {
  /** The job to follow when the caller knows it; else the job the operation's status names. */
  jobId?: string;
  /** 'cancelled' for a cancel: the job ending Cancelled is the operation's success. */
  until?: 'ended' | 'cancelled';
}

export abstract class JobFollowingPoller<TResult, TState extends ArmLroState | BackupLroState> extends BasePoller<TResult, TState> {
  protected constructor(
    protected readonly client: AzureClient,
    state: TState,
  ) {
    super(state);
  }

  /**
   * Once the operation succeeds, follows its job in the vault's job collection until the job ends.
   * No effect on an operation that already failed; one that already succeeded goes on with the named job.
   */
  followJob(jobsUrl: string, apiVersion: string, options: FollowJobOptions = {}): this {
    const { status } = this.state.snapshot;
    if (status === 'failed' || status === 'canceled' || (status === 'succeeded' && !options.jobId)) return this;
    const follow: FollowedJob = { jobsUrl: jobsUrl.replace(/\/+$/, ''), apiVersion };
    if (options.jobId) follow.jobId = options.jobId;
    if (options.until === 'cancelled') follow.until = 'cancelled';
    this.state.followJob = follow;
    if (status === 'succeeded') this.operationSucceeded(this.state.result);
    return this;
  }

  /** The operation itself succeeded: it ends here, or goes on with its job when one is followed and known. */
  protected operationSucceeded(result: unknown): void {
    const follow = this.state.followJob;
    const jobId = follow?.jobId ?? this.state.snapshot.jobId;
    if (!follow || !jobId) return this.succeedWith(result);
    this.state.result = result;
    this.state.phase = 'job';
    this.state.snapshot = { ...this.state.snapshot, jobId };
    this.setRunning(undefined);
  }

  /** The operation itself failed: when it names a followed job, that job's end (and errorDetails) tells why. */
  protected operationFailed(status: 'failed' | 'canceled', extra: Partial<LroSnapshot> & { error: SerializedAzureError }): void {
    const follow = this.state.followJob;
    const jobId = follow?.jobId ?? extra.jobId ?? this.state.snapshot.jobId;
    if (!follow || !jobId || follow.until === 'cancelled') {
      this.state.phase = 'done';
      return this.setTerminal(status, extra);
    }
    follow.operationError = extra.error;
    this.state.phase = 'job';
    this.state.snapshot = { ...this.state.snapshot, serviceStatus: extra.serviceStatus, jobId };
    this.setRunning(undefined);
  }

  protected async pollJob(signal?: AbortSignal): Promise<void> {
    const follow = this.state.followJob as FollowedJob;
    const jobId = follow.jobId ?? this.state.snapshot.jobId ?? '';
    const url = `${follow.jobsUrl}/${encodeURIComponent(jobId)}?api-version=${encodeURIComponent(follow.apiVersion)}`;
    let response: AzureResponse;
    try {
      response = await this.pollGet(this.client, url, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    const props = (response.body as { properties?: { status?: unknown; errorDetails?: unknown } } | undefined)?.properties;
    const serviceStatus = typeof props?.status === 'string' ? props.status : undefined;
    const status = operationStatusOf(serviceStatus);
    if (status === undefined) return this.failUnrecognisedStatus(response, serviceStatus);
    if (status === 'running') return this.setRunning(response, { serviceStatus });
    this.state.phase = 'done';
    if (follow.until === 'cancelled') {
      if (status === 'canceled') return this.setTerminal('succeeded', { serviceStatus });
      return this.setTerminal('failed', { serviceStatus, error: this.notCancelled(response, serviceStatus ?? status) });
    }
    if (status === 'succeeded' && follow.operationError) return this.setTerminal('failed', { serviceStatus, error: follow.operationError });
    if (status === 'succeeded') return this.setTerminal('succeeded', { serviceStatus });
    this.setTerminal(status, { serviceStatus, error: this.jobFailure(response, status, serviceStatus, props?.errorDetails) });
  }

  /** A failed or cancelled job: its first error (errorTitle is the code, errorString the message) and recommendations. */
  private jobFailure(
    response: AzureResponse,
    outcome: 'failed' | 'canceled',
    serviceStatus: string | undefined,
    details: unknown,
  ): SerializedAzureError {
    const first = (Array.isArray(details) ? details[0] : undefined) as
      { errorTitle?: unknown; errorCode?: unknown; errorString?: unknown; recommendations?: unknown } | undefined;
    const recommendations = Array.isArray(first?.recommendations)
      ? first.recommendations.filter((r): r is string => typeof r === 'string' && r.trim() !== '')
      : [];
    const said =
      text(first?.errorString) ??
      `${this.operationName}: the backup job ${outcome === 'canceled' ? 'was cancelled' : 'failed'} (status ${serviceStatus ?? outcome}).`;
    return new AzureRequestError({
      ...response.ids,
      status: 0,
      operationStatus: serviceStatus ?? (outcome === 'canceled' ? 'Cancelled' : 'Failed'),
      operation: { name: this.operationName, method: 'GET', url: response.url },
      code: text(first?.errorTitle) ?? text(first?.errorCode) ?? (outcome === 'canceled' ? 'JobCancelled' : 'JobFailed'),
      message: recommendations.length ? `${said} Recommendation: ${recommendations.join(' ')}` : said,
    }).toJSON();
  }

  /** A cancel whose job ended some other way (it finished or failed first). */
  private notCancelled(response: AzureResponse, serviceStatus: string): SerializedAzureError {
    return new AzureRequestError({
      ...response.ids,
      status: 0,
      operationStatus: serviceStatus,
      operation: { name: this.operationName, method: 'GET', url: response.url },
      code: 'JobNotCancelled',
      message: `${this.operationName}: the job ended ${serviceStatus} before it could be cancelled.`,
    }).toJSON();
  }
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;
}
