// Fabric's error answers ({errorCode, message, requestId, moreDetails}; the pipeline adds requestId) and the
// codes the specs and the research name.
import { HttpError } from '../../core/http';

export interface FabricErrorDetail {
  errorCode: string;
  message: string;
  relatedResource?: { resourceId: string; resourceType: string };
}

export const fabricError = (status: number, errorCode: string, message: string, moreDetails?: FabricErrorDetail[]): HttpError =>
  new HttpError(status, errorCode, message, {}, moreDetails);

export const itemNotFound = (): HttpError => fabricError(404, 'ItemNotFound', 'The requested item was not found.');

export const workspaceNotFound = (): HttpError =>
  fabricError(404, 'WorkspaceNotFound', 'The requested workspace was not found or you do not have permission to access it.');

/** A body or definition that breaks the documented shape: 400 with the property named in moreDetails. */
export function invalidRequest(message: string, property?: string): HttpError {
  return fabricError(
    400,
    'InvalidRequest',
    message,
    property ? [{ errorCode: 'InvalidParameter', message: `Invalid value for '${property}'.` }] : undefined,
  );
}

export function corruptedPayload(message: string, part = 'mirroring.json'): HttpError {
  return fabricError(400, 'CorruptedPayload', message, [
    { errorCode: 'CorruptedPayload', message: `The definition part '${part}' is not valid.` },
  ]);
}
