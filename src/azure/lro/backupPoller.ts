// Azure Backup's asynchronous calls that answer 202 WITHOUT the LRO flag (backup now, inquire,
// refresh containers, unregister, stop protection, policy PUT; also register/protect/restore).
// Azure-AsyncOperation → …/operationsStatus/{id}: {status, properties:{jobId}} — polled first because it
// carries the job id and the failure reason. Location → …/operationResults/{id}: 202 running,
// 200/204 done (200 may carry the result) — polled alone when there is no status URL, and once after
// the status succeeded to collect a result. Back up now and restore end their operation once the job is
// started; followJob() keeps polling that job (…/backupJobs/{jobId}) until it completes, fails or is cancelled.
import type { AzureClient, AzureRequest, AzureResponse } from '../http/azureClient';
import { AzureRequestError } from '../http/azureError';
import { BasePoller, header, initialSnapshot } from './basePoller';
import { operationStatusOf, type BackupLroState } from './lroTypes';

export class BackupPoller<TResult = unknown> extends BasePoller<TResult, BackupLroState> {
  constructor(
    private readonly client: AzureClient,
    state: BackupLroState,
  ) {
    super(state);
  }

  static fromInitialResponse<T>(client: AzureClient, operationName: string, response: AzureResponse): BackupPoller<T> {
    const statusUrl = header(response, 'azure-asyncoperation');
    const resultUrl = header(response, 'location');
    const poller = new BackupPoller<T>(client, {
      version: 1,
      kind: 'backup',
      operationName,
      startedAt: Date.now(),
      snapshot: initialSnapshot(),
      statusUrl,
      resultUrl,
      phase: statusUrl ? 'status' : resultUrl ? 'result' : 'done',
    });
    poller.recordInitial(response);
    if (response.status === 202 && (statusUrl || resultUrl)) poller.setRunning(response);
    else poller.succeedWith(response.status === 204 ? undefined : response.body);
    return poller;
  }

  static async begin<T>(client: AzureClient, request: AzureRequest): Promise<BackupPoller<T>> {
    return BackupPoller.fromInitialResponse<T>(client, request.operationName, await client.send(request));
  }

  /**
   * Once the operation succeeds, follows the job it started (the operationsStatus jobId) in the vault's job
   * collection until the job ends; the job's failure or cancellation becomes the operation's.
   */
  followJob(jobsUrl: string, apiVersion: string): this {
    if (!this.isDone()) this.state.followJob = { jobsUrl: jobsUrl.replace(/\/+$/, ''), apiVersion };
    return this;
  }

  protected async step(signal?: AbortSignal): Promise<void> {
    if (this.state.phase === 'status') await this.pollStatus(this.state.statusUrl as string, signal);
    if (this.state.phase === 'result') await this.pollResult(this.state.resultUrl as string, signal);
    if (this.state.phase === 'job') await this.pollJob(signal);
  }

  /** The operation itself succeeded: ends here, or goes on with its job. */
  private operationSucceeded(result: unknown): void {
    if (!this.state.followJob || !this.state.snapshot.jobId) return this.succeedWith(result);
    this.state.result = result;
    this.state.phase = 'job';
    this.setRunning(undefined);
  }

  private async pollStatus(url: string, signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(url, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    const body = response.body as { status?: unknown; properties?: { jobId?: unknown } } | undefined;
    const serviceStatus = typeof body?.status === 'string' ? body.status : undefined;
    const jobId = typeof body?.properties?.jobId === 'string' ? body.properties.jobId : this.state.snapshot.jobId;
    const status = operationStatusOf(body?.status);
    if (status === undefined) return this.failUnrecognisedStatus(response, serviceStatus);
    if (status === 'running') return this.setRunning(response, { serviceStatus, jobId });
    if (status !== 'succeeded') {
      this.state.phase = 'done';
      return this.setTerminal(status, { serviceStatus, jobId, error: this.failure(response, status, serviceStatus) });
    }
    this.state.snapshot = { ...this.state.snapshot, serviceStatus, jobId };
    if (this.state.resultUrl) this.state.phase = 'result';
    else this.operationSucceeded(body);
  }

  private async pollResult(url: string, signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(url, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    if (response.status === 202) return this.setRunning(response);
    this.operationSucceeded(response.status === 204 ? undefined : response.body);
  }

  private async pollJob(signal?: AbortSignal): Promise<void> {
    const follow = this.state.followJob as { jobsUrl: string; apiVersion: string };
    const jobId = this.state.snapshot.jobId as string;
    const url = `${follow.jobsUrl}/${encodeURIComponent(jobId)}?api-version=${encodeURIComponent(follow.apiVersion)}`;
    let response: AzureResponse;
    try {
      response = await this.get(url, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    const props = (response.body as { properties?: { status?: unknown; errorDetails?: unknown } } | undefined)?.properties;
    const serviceStatus = typeof props?.status === 'string' ? props.status : undefined;
    const status = operationStatusOf(serviceStatus);
    if (status === undefined) return this.failUnrecognisedStatus(response, serviceStatus);
    if (status === 'running') return this.setRunning(response, { serviceStatus });
    if (status === 'succeeded') {
      this.state.snapshot = { ...this.state.snapshot, serviceStatus };
      this.state.phase = 'done';
      return this.setTerminal('succeeded');
    }
    this.state.phase = 'done';
    this.setTerminal(status, { serviceStatus, error: this.jobFailure(response, status, serviceStatus, props?.errorDetails) });
  }

  /** A failed or cancelled job: its first error (errorTitle is the code, errorString the message) and recommendations. */
  private jobFailure(response: AzureResponse, outcome: 'failed' | 'canceled', serviceStatus: string | undefined, details: unknown) {
    const first = (Array.isArray(details) ? details[0] : undefined) as
      { errorTitle?: unknown; errorCode?: unknown; errorString?: unknown; recommendations?: unknown } | undefined;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined);
    const recommendations = Array.isArray(first?.recommendations) ? first.recommendations.filter((r) => typeof r === 'string') : [];
    const said = str(first?.errorString);
    const message = [
      said ??
        `${this.operationName}: the backup job ${outcome === 'canceled' ? 'was cancelled' : 'failed'} (status ${serviceStatus ?? outcome}).`,
      ...recommendations,
    ].join(' ');
    return new AzureRequestError({
      ...response.ids,
      status: 0,
      operationStatus: serviceStatus ?? (outcome === 'canceled' ? 'Cancelled' : 'Failed'),
      operation: { name: this.operationName, method: 'GET', url: response.url },
      code: str(first?.errorTitle) ?? str(first?.errorCode) ?? (outcome === 'canceled' ? 'JobCancelled' : 'JobFailed'),
      message,
    }).toJSON();
  }

  private get(url: string, signal?: AbortSignal): Promise<AzureResponse> {
    return this.pollGet(this.client, url, signal);
  }
}
