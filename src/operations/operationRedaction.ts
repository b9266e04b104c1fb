// What an operation record may keep: the same redaction the request log and error details apply (secret
// query parameters in URLs, bearer tokens and JWTs, "password": … pairs, SAS signatures), applied to every
// free text a record carries, because records are persisted in globalState and shown in notifications.
import type { AzureErrorDetail, SerializedAzureError } from '../azure/http/azureError';
import { redactFreeText, redactHeaders, redactUrl } from '../azure/http/redaction';
import { redactBodyWithPlaceholders } from '../azure/http/requestPlaceholders';
import type { OperationRecord } from './operationRecord';

/** Free text that may quote URLs (an error message naming a SAS URL) and credentials. */
export function redactMessage(text: string): string {
  return redactFreeText(text.replace(/\bhttps?:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url)));
}

function redactDetail(d: AzureErrorDetail): AzureErrorDetail {
  return {
    ...d,
    ...(d.message !== undefined ? { message: redactMessage(d.message) } : {}),
    ...(d.details ? { details: d.details.map(redactDetail) } : {}),
  };
}

export function redactError(e: SerializedAzureError): SerializedAzureError {
  return {
    ...e,
    message: redactMessage(e.message),
    ...(e.target !== undefined ? { target: redactMessage(e.target) } : {}),
    ...(e.details ? { details: e.details.map(redactDetail) } : {}),
    operation: { ...e.operation, url: redactUrl(e.operation.url) },
  };
}

export function redactRecord(record: OperationRecord): OperationRecord {
  const out: OperationRecord = { ...record };
  if (record.error) out.error = redactError(record.error);
  if (record.waitingReason !== undefined) out.waitingReason = redactMessage(record.waitingReason);
  if (record.serviceStatus !== undefined) out.serviceStatus = redactMessage(record.serviceStatus);
  if (record.initialRequest) out.initialRequest = { ...record.initialRequest, url: redactUrl(record.initialRequest.url) };
  if (record.initialRequestBody !== undefined) out.initialRequestBody = redactBodyWithPlaceholders(record.initialRequestBody);
  if (record.initialRequestHeaders) out.initialRequestHeaders = redactHeaders(record.initialRequestHeaders);
  if (record.lastPoll) out.lastPoll = { ...record.lastPoll, url: redactUrl(record.lastPoll.url) };
  if (record.poller?.snapshot.error)
    out.poller = { ...record.poller, snapshot: { ...record.poller.snapshot, error: redactError(record.poller.snapshot.error) } };
  return out;
}
