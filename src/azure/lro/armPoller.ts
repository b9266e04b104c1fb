// ARM long-running operations (Data Sync groups/members/agents, schema refreshes).
// 201/202 with Azure-AsyncOperation and/or Location; both URLs are polled exactly as given (Data Sync's
// Location is …/locations/westus/operation/{id}?api-version=2022-11-01-preview: another path AND
// api-version). Terminal Succeeded/Failed/Canceled in any case; then the final GET:
// PUT/PATCH → the original URL (the Location result with `final-state-via: location`); POST → the Location
// result if any; DELETE → nothing.
// A 200/201 without headers is synchronous completion (or, when provisioningState is not terminal,
// the resource itself is polled). A 202 without headers: PUT/PATCH poll the resource's provisioningState,
// DELETE polls the resource until it answers 404, POST has nothing to follow and is done once accepted.
// Azure Backup's flagged calls (enable protection) can also follow the job they start (followJob()).
import { isAzureRequestError, type AzureRequestError } from '../http/azureError';
import type { AzureClient, AzureRequest, AzureResponse } from '../http/azureClient';
import { header, initialSnapshot, operationFailureFrom, percentFrom } from './basePoller';
import { JobFollowingPoller } from './jobFollowingPoller';
import { normalizeStatus, operationStatusOf, type ArmFinalStateVia, type ArmLroState } from './lroTypes';

export interface ArmBeginOptions {
  /** From the operation's spec (`x-ms-long-running-operation-options`); default: the original URL for PUT/PATCH. */
  finalStateVia?: ArmFinalStateVia;
}

export class ArmPoller<TResult = unknown> extends JobFollowingPoller<TResult, ArmLroState> {
  constructor(client: AzureClient, state: ArmLroState) {
    super(client, state);
  }

  /** Builds the poller from the initial response of a PUT/PATCH/DELETE/POST. */
  static fromInitialResponse<T>(
    client: AzureClient,
    operationName: string,
    method: string,
    response: AzureResponse,
    options: ArmBeginOptions = {},
  ): ArmPoller<T> {
    const asyncOperationUrl = header(response, 'azure-asyncoperation');
    const locationUrl = response.status === 201 || response.status === 202 ? header(response, 'location') : undefined;
    const base = {
      version: 1 as const,
      kind: 'arm' as const,
      operationName,
      method,
      resourceUrl: response.url,
      startedAt: Date.now(),
      snapshot: initialSnapshot(),
      asyncOperationUrl,
      locationUrl,
      ...(options.finalStateVia ? { finalStateVia: options.finalStateVia } : {}),
    };
    const poller = new ArmPoller<T>(client, {
      ...base,
      phase: 'polling',
      via: asyncOperationUrl ? 'azure-asyncoperation' : locationUrl ? 'location' : 'resource',
    });
    poller.recordInitial(response);
    if (!asyncOperationUrl && !locationUrl) {
      const provisioning = provisioningState(response.body);
      // An action accepted without a URL to follow: there is nothing to poll (its own URL is not a resource).
      if (method === 'POST' && response.status === 202) {
        poller.acceptedWithoutTracking();
        return poller;
      }
      if (
        response.status === 202 ||
        (provisioning !== undefined && normalizeStatus(provisioning) === 'running' && method !== 'DELETE' && method !== 'POST')
      ) {
        poller.setRunning(response, { serviceStatus: provisioning });
      } else {
        poller.complete(normalizeStatus(provisioning ?? 'Succeeded'), response);
      }
    } else {
      poller.setRunning(response);
    }
    return poller;
  }

  /** Sends the initial request and returns its poller (the begin… pattern). */
  static async begin<T>(client: AzureClient, request: AzureRequest, options: ArmBeginOptions = {}): Promise<ArmPoller<T>> {
    const response = await client.send(request);
    return ArmPoller.fromInitialResponse<T>(client, request.operationName, request.method, response, options);
  }

  protected async step(signal?: AbortSignal): Promise<void> {
    const s = this.state;
    if (s.phase === 'polling') {
      if (s.via === 'azure-asyncoperation') await this.pollAsyncOperation(s.asyncOperationUrl as string, signal);
      else if (s.via === 'location') await this.pollLocation(s.locationUrl as string, signal);
      else await this.pollResource(signal);
    }
    if (this.state.phase === 'final') await this.finalGet(signal);
    if (this.state.phase === 'job') await this.pollJob(signal);
  }

  private async pollAsyncOperation(url: string, signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(url, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    const body = response.body as { status?: unknown; properties?: unknown } | undefined;
    const status = operationStatusOf(body?.status);
    const serviceStatus = typeof body?.status === 'string' ? body.status : undefined;
    // Azure Backup's register / protect status documents name the job they started (properties.jobId).
    const job = jobIdOf(body?.properties);
    const withJob = job ? { jobId: job } : {};
    if (status === undefined) return this.failUnrecognisedStatus(response, serviceStatus);
    if (status !== 'running' && typeof (body as { endTime?: unknown } | undefined)?.endTime === 'string')
      this.state.snapshot.endTime = (body as { endTime: string }).endTime;
    if (status === 'running') return this.setRunning(response, { percent: percentFrom(body), serviceStatus, ...withJob });
    if (status !== 'succeeded')
      return this.operationFailed(status, { serviceStatus, ...withJob, error: this.failure(response, status, serviceStatus) });
    this.state.snapshot.serviceStatus = serviceStatus;
    if (job) this.state.snapshot.jobId = job;
    if (this.state.method === 'PUT' || this.state.method === 'PATCH') this.state.phase = 'final';
    else if (this.resultFromLocation()) this.state.phase = 'final';
    else this.succeed(this.state.method === 'POST' ? body?.properties : undefined);
  }

  private async pollLocation(url: string, signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(url, signal);
    } catch (err) {
      return this.failOnClientError(err, true);
    }
    if (response.status === 202) return this.setRunning(response, { percent: percentFrom(response.body) });
    // Any other answer ends the operation: a Location URL says "running" only with 202, so a status field in
    // a 200 body is the result's own. Some endpoints answer a failure as 200 with an operation-status body.
    const bodyStatus = (response.body as { status?: unknown } | undefined)?.status;
    if (typeof bodyStatus === 'string' && response.body && typeof response.body === 'object' && !('properties' in response.body)) {
      const status = operationStatusOf(bodyStatus);
      if (status === 'failed' || status === 'canceled')
        return this.setTerminal(status, { serviceStatus: bodyStatus, error: this.failure(response, status, bodyStatus) });
    }
    if (this.resultFromLocation() && response.body !== undefined) this.succeed(response.body);
    else if (this.state.method === 'PUT' || this.state.method === 'PATCH') this.state.phase = 'final';
    else this.succeed(undefined);
  }

  private async pollResource(signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(this.state.resourceUrl, signal);
    } catch (err) {
      return this.failOnClientError(err, false);
    }
    const provisioning = provisioningState(response.body);
    // A DELETE is done when the resource is gone (404, handled above), not when it still answers.
    if (this.state.method === 'DELETE') return this.deleting(response, provisioning);
    const status = normalizeStatus(provisioning ?? 'Succeeded');
    if (status === 'running') return this.setRunning(response, { serviceStatus: provisioning });
    this.complete(status, response);
  }

  private async finalGet(signal?: AbortSignal): Promise<void> {
    const fromLocation = this.resultFromLocation();
    const response = await this.get(fromLocation ? (this.state.locationUrl as string) : this.state.resourceUrl, signal);
    if (response.status === 202) return this.setRunning(response);
    // A Location that ends with 204 has no result to give: the resource itself is the result of a PUT/PATCH.
    if (fromLocation && response.body === undefined && this.state.method !== 'POST') {
      const resource = await this.get(this.state.resourceUrl, signal);
      if (resource.status === 202) return this.setRunning(resource);
      return this.succeed(resource.body);
    }
    this.succeed(response.body);
  }

  /** Whether the result is read from the Location URL: a POST's result, or `final-state-via: location`. */
  private resultFromLocation(): boolean {
    const { method, locationUrl, finalStateVia } = this.state;
    return !!locationUrl && (method === 'POST' || (finalStateVia === 'location' && method !== 'DELETE'));
  }

  private deleting(response: AzureResponse, provisioning: string | undefined): void {
    if (response.status === 204) return this.succeed(undefined);
    const status = normalizeStatus(provisioning);
    if (status === 'failed' || status === 'canceled') return this.complete(status, response);
    this.setRunning(response, { serviceStatus: provisioning });
  }

  private acceptedWithoutTracking(): void {
    this.state.snapshot.serviceStatus = 'Accepted';
    this.succeed(undefined);
  }

  private complete(status: ReturnType<typeof normalizeStatus>, response: AzureResponse): void {
    if (status === 'succeeded') this.succeed(response.body);
    else if (status === 'running') this.setRunning(response);
    else this.setTerminal(status, { error: this.failure(response, status, provisioningState(response.body)) });
  }

  private succeed(result: unknown): void {
    this.operationSucceeded(result);
  }

  /**
   * 4xx from a polling URL is the operation's failure (404 on DELETE is its success). A Location URL also
   * reports a failed operation as 500 with the service's error code (ARM RPC), seen here once the pipeline's
   * retries are spent. Throttling, gateway answers without a service code and network failures say nothing
   * about the operation: rethrown, so polling resumes later.
   */
  private failOnClientError(err: unknown, serverErrorIsFailure: boolean): void {
    if (!isAzureRequestError(err) || !reportsFailure(err, serverErrorIsFailure)) throw err;
    if (this.state.method === 'DELETE' && err.status === 404) return this.succeed(undefined);
    this.state.phase = 'done';
    this.setTerminal('failed', { error: operationFailureFrom(err) });
  }

  private get(url: string, signal?: AbortSignal): Promise<AzureResponse> {
    return this.pollGet(this.client, url, signal);
  }
}

function reportsFailure(err: AzureRequestError, serverErrorIsFailure: boolean): boolean {
  if (err.status === 408 || err.status === 429) return false;
  if (err.status >= 400 && err.status < 500) return true;
  return serverErrorIsFailure && err.status === 500 && !err.code.startsWith('HttpStatus');
}

function jobIdOf(properties: unknown): string | undefined {
  const id = (properties as { jobId?: unknown } | undefined)?.jobId;
  return typeof id === 'string' && id ? id : undefined;
}

function provisioningState(body: unknown): string | undefined {
  const p = (body as { properties?: { provisioningState?: unknown } } | undefined)?.properties?.provisioningState;
  return typeof p === 'string' ? p : undefined;
}
