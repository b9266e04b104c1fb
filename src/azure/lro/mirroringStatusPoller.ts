// Start and stop mirroring answer 200 at once and the status then moves by itself (Starting → Running,
// Stopping → Stopped). This poller gives that transition the LroPoller shape so the operations center
// can follow it (and resume it after a reload): each step POSTs getMirroringStatus, passes the
// transient statuses, succeeds on the target and fails on anything else (the database's own error
// when it reports one).
import { AzureRequestError, isAzureRequestError } from '../http/azureError';
import type { AzureClient, AzureResponse } from '../http/azureClient';
import { buildPath } from '../resourceId';
import { BasePoller, initialSnapshot, requestTrace } from './basePoller';
import type { FabricMirroringLroState } from './lroTypes';

export interface MirroringWait {
  workspaceId: string;
  mirroredDatabaseId: string;
  /** Running after a start, Stopped after a stop. */
  target: string;
  /** Statuses to wait through, e.g. ['Starting'] or ['Stopping']. */
  transient: string[];
  operationName: string;
}

export interface MirroringStatusBody {
  status?: unknown;
  error?: { errorCode?: unknown; message?: unknown };
}

export class MirroringStatusPoller extends BasePoller<string, FabricMirroringLroState> {
  constructor(
    private readonly client: AzureClient,
    state: FabricMirroringLroState,
  ) {
    super(state);
  }

  /** A poller for a transition the caller has just asked for (nothing is sent until the first poll). */
  static waitFor(client: AzureClient, wait: MirroringWait): MirroringStatusPoller {
    return new MirroringStatusPoller(client, {
      version: 1,
      kind: 'fabricMirroring',
      operationName: wait.operationName,
      startedAt: Date.now(),
      snapshot: initialSnapshot(),
      workspaceId: wait.workspaceId,
      mirroredDatabaseId: wait.mirroredDatabaseId,
      target: wait.target,
      transient: [...wait.transient],
      phase: 'polling',
    });
  }

  get target(): string {
    return this.state.target;
  }

  protected async step(signal?: AbortSignal): Promise<void> {
    const response = await this.readStatus(signal);
    const body = response.body as MirroringStatusBody | undefined;
    const status = typeof body?.status === 'string' ? body.status : 'Unknown';
    if (status.toLowerCase() === this.state.target.toLowerCase()) {
      this.state.snapshot.serviceStatus = status;
      return this.succeedWith(status);
    }
    if (this.state.transient.some((t) => t.toLowerCase() === status.toLowerCase()))
      return this.setRunning(response, { serviceStatus: status });
    this.state.phase = 'done';
    const own = body?.error;
    this.setTerminal('failed', {
      serviceStatus: status,
      error: new AzureRequestError({
        ...response.ids,
        status: 0,
        operationStatus: status,
        operation: { name: this.operationName, method: 'POST', url: response.url },
        code: typeof own?.errorCode === 'string' ? own.errorCode : 'UnexpectedMirroringStatus',
        message:
          typeof own?.message === 'string'
            ? own.message
            : `Mirroring is ${status}, not ${this.state.target} as expected after "${this.operationName}".`,
      }).toJSON(),
    });
  }

  private async readStatus(signal?: AbortSignal): Promise<AzureResponse> {
    const url = `${buildPath([
      'workspaces',
      { field: 'Workspace id', value: this.state.workspaceId },
      'mirroredDatabases',
      { field: 'Mirrored database id', value: this.state.mirroredDatabaseId },
    ])}/getMirroringStatus`;
    try {
      const response = await this.client.send({ operationName: `${this.operationName} (status)`, method: 'POST', url, signal });
      this.state.snapshot.lastPoll = requestTrace('POST', response.url, response.status, response.ids);
      return response;
    } catch (err) {
      if (isAzureRequestError(err)) this.state.snapshot.lastPoll = requestTrace('POST', url, err.status || undefined, err);
      throw err;
    }
  }
}
