// The transport: a core-rest-pipeline HttpClient on node-fetch, because node-fetch takes a
// per-request https.Agent. That is how we trust exactly the emulator's self-signed certificate
// (Agent({ ca })) without ever disabling TLS verification, and how VS Code's proxy agent applies.
import type { Agent as HttpsAgent } from 'node:https';
import fetch, { type RequestInit, type Response } from 'node-fetch';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { AbortError } from './abortableDelay';
import { isFetchTimeout, RequestTimeoutError } from './requestTimeout';

export interface NodeFetchHttpClientOptions {
  /** Agent used for every request (per cloud: the emulator's carries its certificate as `ca`). */
  agent?: HttpsAgent;
}

export function createNodeFetchHttpClient(options: NodeFetchHttpClientOptions = {}): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const init: RequestInit = {
        method: request.method,
        headers: request.headers.toJSON({ preserveCase: true }),
        body: toBody(request.body),
        agent: options.agent ?? (request.agent as HttpsAgent | undefined),
        timeout: request.timeout > 0 ? request.timeout : 0,
        redirect: 'manual',
        compress: true,
        // node-fetch's AbortSignal type is a structural subset; Node's AbortSignal satisfies it.
        signal: request.abortSignal as RequestInit['signal'],
      };
      let response: Response;
      try {
        response = await fetch(request.url, init);
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw new AbortError();
        if (isFetchTimeout(err)) throw new RequestTimeoutError(request.timeout);
        throw err; // FetchError keeps `code` (ECONNRESET, ECONNREFUSED...), which the retry policy reads.
      }
      const headers = createHttpHeaders();
      response.headers.forEach((value, name) => headers.set(name, value));
      let bodyAsText: string;
      try {
        bodyAsText = await response.text();
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw new AbortError();
        if (isFetchTimeout(err)) throw new RequestTimeoutError(request.timeout);
        throw err;
      }
      return { request, status: response.status, headers, bodyAsText };
    },
  };
}

function toBody(body: PipelineRequest['body']): RequestInit['body'] {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new TypeError('nodeFetchHttpClient sends string or Buffer bodies only.');
}
