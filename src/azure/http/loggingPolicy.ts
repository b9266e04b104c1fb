// Reports every HTTP attempt (retries included) to a RequestLogger, redacted. A 2xx whose body the
// client will reject (cut-off JSON, a list without its array) is marked, so the log explains the error.
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import type { RequestLogger } from './requestLogger';
import { redactUrl } from './redaction';
import { requestIdsFrom } from './requestIds';
import { checkResponseBody } from './responseBodyCheck';

export const loggingPolicyName = 'azureRequestLoggingPolicy';

export function loggingPolicy(logger: RequestLogger): PipelinePolicy {
  const attempts = new WeakMap<PipelineRequest, number>();
  return {
    name: loggingPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const attempt = (attempts.get(request) ?? 0) + 1;
      attempts.set(request, attempt);
      const started = Date.now();
      const base = { method: request.method, url: redactUrl(request.url), attempt };
      try {
        const response = await next(request);
        const { problem } = checkResponseBody(request, response.status, response.bodyAsText ?? '');
        safeLog(logger, {
          ...base,
          status: response.status,
          ...(problem ? { bodyProblem: problem } : {}),
          durationMs: Date.now() - started,
          ...requestIdsFrom(request.headers, response.headers),
        });
        return response;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        const error = typeof code === 'string' ? code : err instanceof Error ? err.name : 'error';
        safeLog(logger, { ...base, error, durationMs: Date.now() - started, ...requestIdsFrom(request.headers, undefined) });
        throw err;
      }
    },
  };
}

function safeLog(logger: RequestLogger, entry: Parameters<RequestLogger['log']>[0]): void {
  try {
    logger.log(entry);
  } catch {
    // A broken log sink must never fail the request.
  }
}
