// "Copy as REST Request" on an operation: the request that started it (method, URL, the headers that
// matter, its body with secrets as placeholders such as <hub-password>) and its latest status check, in the
// .http format the REST Client extension reads. The token is always the {{token}} variable.
import { formatRestRequests, type RestRequestToFormat } from '../azure/http/restRequestFormatter';
import type { OperationRecord } from './operationRecord';

/** Undefined when the operation kept no request (started before requests were recorded). */
export function operationRestRequests(record: OperationRecord): string | undefined {
  const start = record.initialRequest;
  if (!start) return undefined;
  const requests: (RestRequestToFormat & { title: string })[] = [
    { title: record.title, method: start.method, url: start.url, headers: record.initialRequestHeaders, body: record.initialRequestBody },
  ];
  const check = statusUrl(record);
  if (check) requests.push({ title: `${record.title}: status check`, method: 'GET', url: check });
  return formatRestRequests(requests, { placeholders: true });
}

function statusUrl(record: OperationRecord): string | undefined {
  const poll = record.poller;
  if (poll?.kind === 'arm') return poll.asyncOperationUrl ?? poll.locationUrl ?? poll.resourceUrl;
  if (poll?.kind === 'backup') return poll.statusUrl ?? poll.resultUrl;
  if (poll?.kind === 'fabric') return poll.operationUrl;
  return record.lastPoll?.method === 'GET' ? record.lastPoll.url : undefined;
}
