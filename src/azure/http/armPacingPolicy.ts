// Paces ARM requests by the token-bucket model of armPacer.ts: each request waits for a token of its
// host, subscription (or tenant) and operation type, so requests to different subscriptions proceed in parallel
// and none is sent into an empty bucket. Sits inside retry (a retried 429 waits its Retry-After there, then
// queues here again) and outside the per-host limit (waiting for a token holds no connection slot).
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { armOperationKind, armScopeOf, type ArmPacer } from './armPacer';

export const armPacingPolicyName = 'armPacingPolicy';

export function armPacingPolicy(pacer: ArmPacer): PipelinePolicy {
  return {
    name: armPacingPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const kind = armOperationKind(request.method);
      const { scope, header } = armScopeOf(request.url);
      const bucket = pacer.bucket(`${new URL(request.url).host.toLowerCase()}|${scope}`, kind);
      // Deeper resources first (a sync group's members before the next database's groups), so a tree
      // walk completes whole branches early instead of finishing every level before the next.
      const depth = new URL(request.url).pathname.split('/').length;
      const ticket = await bucket.acquire(request.abortSignal as AbortSignal | undefined, depth);
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (e) {
        bucket.settle(ticket, {});
        throw e;
      }
      const value = response.headers.get(header(kind));
      const remaining = value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
      bucket.settle(ticket, { remaining, throttled: response.status === 429 });
      return response;
    },
  };
}
