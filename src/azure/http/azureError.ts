// One error type for every failed Azure/Fabric call, carrying what a user or support engineer needs:
// HTTP status, service code and message, target/details, the request ids, and which operation failed.
// Built by parseErrorBody(), which never throws whatever the body is (ARM, nested ARM, Fabric, HTML
// from a proxy, empty 502).
import type { RequestIds } from './requestIds';
import { redactFreeText, redactUrl } from './redaction';

export interface AzureErrorDetail {
  code?: string;
  message?: string;
  target?: string;
  details?: AzureErrorDetail[];
  /** Fabric `relatedResource`, ARM `additionalInfo` and anything else the service adds. */
  [extra: string]: unknown;
}

export interface FailedOperation {
  /** What we were doing, in user terms, e.g. "Create sync group". */
  name: string;
  method: string;
  /** URL with secret query parameters redacted. */
  url: string;
}

export interface AzureRequestErrorInit extends RequestIds {
  /** HTTP status of the failed call; 0 when no call failed (no answer, or a long-running operation's own failure). */
  status: number;
  code: string;
  message: string;
  target?: string;
  details?: AzureErrorDetail[];
  /** Fabric says whether a retry could help. */
  isRetriable?: boolean;
  relatedResource?: unknown;
  operation: FailedOperation;
  /** Start of a non-JSON body (HTML from a proxy...), redacted, for the details view. */
  rawBodyExcerpt?: string;
  /** Set when a long-running operation itself failed (its status word, e.g. "Failed"): every call succeeded,
   *  the service reported the failure in a status check, whose request ids these are. */
  operationStatus?: string;
}

export class AzureRequestError extends Error {
  override readonly name = 'AzureRequestError';
  readonly status: number;
  readonly code: string;
  readonly target?: string;
  readonly details: AzureErrorDetail[];
  readonly isRetriable?: boolean;
  readonly relatedResource?: unknown;
  readonly operation: FailedOperation;
  readonly clientRequestId?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly rawBodyExcerpt?: string;
  readonly operationStatus?: string;

  constructor(init: AzureRequestErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.target = init.target;
    this.details = init.details ?? [];
    this.isRetriable = init.isRetriable;
    this.relatedResource = init.relatedResource;
    this.operation = { ...init.operation, url: redactUrl(init.operation.url) };
    this.clientRequestId = init.clientRequestId;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.rawBodyExcerpt = init.rawBodyExcerpt;
    this.operationStatus = init.operationStatus;
  }

  /** Plain text for a "Copy details" action: everything support asks for, nothing secret. */
  toDetailsText(): string {
    const lines = [
      `${this.operation.name} failed`,
      this.operationStatus ? `Operation status: ${this.operationStatus}` : `Status: ${this.status}`,
      `Code: ${this.code}`,
      `Message: ${redactFreeText(this.message)}`,
    ];
    if (this.target) lines.push(`Target: ${this.target}`);
    lines.push(`${this.operationStatus ? 'Status check' : 'Request'}: ${this.operation.method} ${this.operation.url}`);
    if (this.requestId) lines.push(`Request id: ${this.requestId}`);
    if (this.correlationId) lines.push(`Correlation id: ${this.correlationId}`);
    if (this.clientRequestId) lines.push(`Client request id: ${this.clientRequestId}`);
    if (this.details.length) {
      lines.push('Details:');
      const walk = (items: AzureErrorDetail[], depth: number): void => {
        for (const d of items) {
          lines.push(
            `${'  '.repeat(depth)}- ${d.code ?? '(no code)'}: ${redactFreeText(d.message ?? '')}${d.target ? ` (target: ${d.target})` : ''}`,
          );
          if (d.details?.length) walk(d.details, depth + 1);
        }
      };
      walk(this.details, 1);
    }
    if (this.rawBodyExcerpt) lines.push('Body:', this.rawBodyExcerpt);
    lines.push(`Time: ${new Date().toISOString()}`);
    return lines.join('\n');
  }

  /** Plain JSON (for LRO state, webview messages, the operations view). */
  toJSON(): SerializedAzureError {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      target: this.target,
      details: this.details,
      operation: this.operation,
      requestId: this.requestId,
      correlationId: this.correlationId,
      clientRequestId: this.clientRequestId,
      ...(this.operationStatus ? { operationStatus: this.operationStatus } : {}),
    };
  }

  static fromJSON(json: SerializedAzureError): AzureRequestError {
    return new AzureRequestError({ ...json, details: json.details ?? [] });
  }
}

export interface SerializedAzureError extends RequestIds {
  name: string;
  status: number;
  code: string;
  message: string;
  target?: string;
  details?: AzureErrorDetail[];
  operation: FailedOperation;
  operationStatus?: string;
}

export function isAzureRequestError(err: unknown): err is AzureRequestError {
  return err instanceof AzureRequestError;
}
