// Sends a request (and so our bearer token) only to the cloud's own endpoint host or its subdomains.
// LRO URLs, nextLink and continuationUri are followed exactly as the service gives them; this guard
// makes sure a tampered or misconfigured answer cannot point our token at another host.
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';

export const trustedHostPolicyName = 'trustedHostPolicy';

export class UntrustedHostError extends Error {
  override readonly name = 'UntrustedHostError';
  constructor(
    readonly host: string,
    readonly allowed: string[],
  ) {
    super(`Refusing to send credentials to ${host}: it is not the service endpoint (${allowed.join(', ')}).`);
  }
}

/** `hosts` are host[:port] values; a hostname also admits its subdomains (Fabric workspace endpoints). */
export function isTrustedHost(url: string, hosts: string[]): boolean {
  const u = new URL(url);
  if (u.protocol !== 'https:') return false;
  return hosts.some((allowed) => {
    const a = new URL(`https://${allowed}`);
    if (u.port !== a.port) return false;
    const host = u.hostname.toLowerCase();
    const want = a.hostname.toLowerCase();
    return host === want || (!/^[\d.]+$|^\[/.test(want) && host.endsWith(`.${want}`));
  });
}

export function trustedHostPolicy(hosts: string[]): PipelinePolicy {
  return {
    name: trustedHostPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      if (!isTrustedHost(request.url, hosts)) throw new UntrustedHostError(new URL(request.url).host, hosts);
      return next(request);
    },
  };
}
