// Turns any failure into what the page shows: code, message, request ids and copyable details.
import { isAzureRequestError } from '../../azure/http/azureError';
import { InvalidNameError } from '../../azure/resourceId';
import type { PanelErrorInfo as ErrorInfo } from './panelProtocol';

export function toErrorInfo(step: string, e: unknown): ErrorInfo {
  if (isAzureRequestError(e)) {
    return {
      step,
      code: e.code,
      message: e.message,
      status: e.status,
      requestId: e.requestId,
      correlationId: e.correlationId,
      details: e.toDetailsText(),
    };
  }
  if (e instanceof InvalidNameError) return { step, code: 'InvalidName', message: e.message, details: `${step} failed\n${e.message}` };
  const message = e instanceof Error ? e.message : String(e);
  const code = e instanceof Error && e.name && e.name !== 'Error' ? e.name : 'Error';
  return { step, code, message, details: `${step} failed\nCode: ${code}\nMessage: ${message}` };
}
