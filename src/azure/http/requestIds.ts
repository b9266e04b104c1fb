// The ids support needs to find a request in Azure's logs: ours (x-ms-client-request-id), ARM's
// (x-ms-request-id, x-ms-correlation-request-id) and Fabric's (`requestid` header / `requestId` in
// error bodies).
import type { HttpHeaders } from '@azure/core-rest-pipeline';

export interface RequestIds {
  clientRequestId?: string;
  requestId?: string;
  correlationId?: string;
}

export function requestIdsFrom(requestHeaders: HttpHeaders | undefined, responseHeaders: HttpHeaders | undefined): RequestIds {
  const ids: RequestIds = {};
  const client = requestHeaders?.get('x-ms-client-request-id') ?? responseHeaders?.get('x-ms-client-request-id');
  const request =
    responseHeaders?.get('x-ms-request-id') ?? responseHeaders?.get('requestid') ?? responseHeaders?.get('x-ms-root-activity-id');
  const correlation = responseHeaders?.get('x-ms-correlation-request-id');
  if (client) ids.clientRequestId = client;
  if (request) ids.requestId = request;
  if (correlation) ids.correlationId = correlation;
  return ids;
}
