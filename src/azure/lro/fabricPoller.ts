// Fabric long-running operations: any call may answer 202 with Location, x-ms-operation-id and
// Retry-After. Poll GET /operations/{id} (NotStarted, Running, Undefined → running; Succeeded; Failed;
// percentComplete) following Location exactly as given (one documented example lacks /v1), then
// GET /operations/{id}/result for calls that return a payload (getDefinition).
import type { AzureClient, AzureRequest, AzureResponse } from '../http/azureClient';
import { BasePoller, header, initialSnapshot, percentFrom } from './basePoller';
import { operationStatusOf, type FabricLroState } from './lroTypes';

export interface FabricBeginOptions {
  /** True when the finished operation has a payload at /result (getDefinition). */
  expectResult: boolean;
}

export class FabricPoller<TResult = unknown> extends BasePoller<TResult, FabricLroState> {
  constructor(
    private readonly client: AzureClient,
    state: FabricLroState,
  ) {
    super(state);
  }

  static fromInitialResponse<T>(
    client: AzureClient,
    operationName: string,
    response: AzureResponse,
    options: FabricBeginOptions,
  ): FabricPoller<T> {
    const operationId = header(response, 'x-ms-operation-id');
    const location = header(response, 'location');
    const operationUrl = location ?? (operationId ? `${client.baseUrl}/operations/${encodeURIComponent(operationId)}` : '');
    const poller = new FabricPoller<T>(client, {
      version: 1,
      kind: 'fabric',
      operationName,
      startedAt: Date.now(),
      snapshot: initialSnapshot(),
      operationId,
      operationUrl,
      expectResult: options.expectResult,
      phase: 'polling',
    });
    poller.recordInitial(response);
    if (response.status === 202 && operationUrl) poller.setRunning(response);
    else poller.succeedWith(response.body);
    return poller;
  }

  static async begin<T>(client: AzureClient, request: AzureRequest, options: FabricBeginOptions): Promise<FabricPoller<T>> {
    return FabricPoller.fromInitialResponse<T>(client, request.operationName, await client.send(request), options);
  }

  protected async step(signal?: AbortSignal): Promise<void> {
    if (this.state.phase === 'polling') await this.pollState(signal);
    if (this.state.phase === 'result') await this.fetchResult(signal);
  }

  private async pollState(signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(this.state.operationUrl, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    const body = response.body as { status?: unknown } | undefined;
    const serviceStatus = typeof body?.status === 'string' ? body.status : undefined;
    const status = operationStatusOf(body?.status);
    if (status === undefined) return this.failUnrecognisedStatus(response, serviceStatus);
    const location = header(response, 'location');
    if (status === 'running') {
      if (location) this.state.operationUrl = location;
      return this.setRunning(response, { percent: percentFrom(body), serviceStatus });
    }
    if (status !== 'succeeded') {
      this.state.phase = 'done';
      return this.setTerminal(status, { serviceStatus, error: this.failure(response, status, serviceStatus) });
    }
    this.state.snapshot.serviceStatus = serviceStatus;
    if (!this.state.expectResult) return this.succeedWith(undefined);
    // On success Location points at the result; otherwise the documented /result suffix.
    this.state.resultUrl =
      location && location !== this.state.operationUrl ? location : `${this.state.operationUrl.replace(/\/+$/, '')}/result`;
    this.state.phase = 'result';
  }

  private async fetchResult(signal?: AbortSignal): Promise<void> {
    let response: AzureResponse;
    try {
      response = await this.get(this.state.resultUrl as string, signal);
    } catch (err) {
      return this.failOnStatusCheckError(err);
    }
    this.succeedWith(response.body);
  }

  private get(url: string, signal?: AbortSignal): Promise<AzureResponse> {
    return this.pollGet(this.client, url, signal);
  }
}
