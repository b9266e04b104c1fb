// Azure Backup's asynchronous calls that answer 202 WITHOUT the LRO flag (backup now, inquire,
// refresh containers, unregister, stop protection, policy PUT; also register/protect/restore).
// Azure-AsyncOperation → …/operationsStatus/{id}: {status, properties:{jobId}} — polled first because it
// carries the job id and the failure reason. Location → …/operationResults/{id}: 202 running,
// 200/204 done (200 may carry the result) — polled alone when there is no status URL, and once after
// the status succeeded to collect a result. The calls that start a job are told to followJob(): the
// operation then ends when that job (…/backupJobs/{jobId}) completes, fails or is cancelled.
import type { AzureClient, AzureRequest, AzureResponse } from '../http/azureClient';
import { header, initialSnapshot } from './basePoller';
import { JobFollowingPoller } from './jobFollowingPoller';
import { operationStatusOf, type BackupLroState } from './lroTypes';

export class BackupPoller<TResult = unknown> extends JobFollowingPoller<TResult, BackupLroState> {
  constructor(client: AzureClient, state: BackupLroState) {
    super(client, state);
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

  protected async step(signal?: AbortSignal): Promise<void> {
    if (this.state.phase === 'status') await this.pollStatus(this.state.statusUrl as string, signal);
    if (this.state.phase === 'result') await this.pollResult(this.state.resultUrl as string, signal);
    if (this.state.phase === 'job') await this.pollJob(signal);
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
    if (status !== 'succeeded')
      return this.operationFailed(status, { serviceStatus, jobId, error: this.failure(response, status, serviceStatus) });
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

  private get(url: string, signal?: AbortSignal): Promise<AzureResponse> {
    return this.pollGet(this.client, url, signal);
  }
}
