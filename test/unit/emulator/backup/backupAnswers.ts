// Typed reads of the emulator's Backup answers: the body is checked at run time with the model specs the
// Backup client uses (src/azure/backup/backupModels), and typed with the fields the tests read. A field
// the answer lacks reads as undefined; a field of the wrong type fails with its JSON path.
import assert from 'node:assert/strict';
import { arrayOf, deserialize, model, type FieldSpec } from '../../../../src/azure/models/modelSchema';
import {
  BACKUP_JOB,
  OPERATION_STATUS,
  PROTECTABLE_CONTAINER,
  PROTECTABLE_ITEM,
  PROTECTED_ITEM,
  PROTECTION_CONTAINER,
  PROTECTION_POLICY,
  RECOVERY_POINT,
  VAULT,
} from '../../../../src/azure/backup/backupModels';
import type { CallResult } from '../helpers';

export type Resource<P> = { id: string; name: string; type: string; properties: P; [extra: string]: unknown };
export interface Page<T> {
  value: T[];
  nextLink?: string;
}

function bodyOf<T>(spec: FieldSpec, r: CallResult): T {
  if (r.body === undefined) assert.fail(`Expected a JSON body, got ${r.status}: ${r.text.slice(0, 300)}`);
  return deserialize<T>(spec, r.body);
}
const pageOf = <T>(spec: FieldSpec, r: CallResult): Page<T> =>
  bodyOf<Page<T>>(model('List', { value: arrayOf(spec), nextLink: 'string' }), r);

export interface ErrorAnswer {
  code: string;
  message: string;
}
export function errorOf(r: CallResult): ErrorAnswer {
  const { error } = bodyOf<{ error?: ErrorAnswer }>(
    model('ErrorResponse', { error: model('Error', { code: 'string', message: 'string' }) }),
    r,
  );
  if (!error) assert.fail(`Expected an ARM error, got ${r.status}: ${r.text.slice(0, 300)}`);
  return error;
}

export interface OperationAnswer {
  id: string;
  name: string;
  status: string;
  startTime: string;
  endTime?: string;
  error?: ErrorAnswer;
  properties?: { objectType: string; jobId: string };
}
export const operationOf = (r: CallResult) => bodyOf<OperationAnswer>(OPERATION_STATUS, r);
/** The job id an ended operation hands out. */
export function jobIdOf(r: CallResult): string {
  const id = operationOf(r).properties?.jobId;
  if (!id) assert.fail(`Expected properties.jobId: ${r.text.slice(0, 300)}`);
  return id;
}

export interface JobAnswer {
  jobType: string;
  operation: string;
  status: string;
  entityFriendlyName: string;
  startTime: string;
  endTime?: string;
  actionsInfo?: string[];
  errorDetails?: { errorCode: number; errorString: string; errorTitle: string; recommendations: string[] }[];
  extendedInfo?: { tasksList: { taskId: string; status: string }[]; propertyBag: Record<string, string>; dynamicErrorMessage?: string };
}
export const jobOf = (r: CallResult) => bodyOf<Resource<JobAnswer>>(BACKUP_JOB, r);
export const jobsOf = (r: CallResult) => pageOf<Resource<JobAnswer>>(BACKUP_JOB, r);

export interface ItemAnswer {
  protectedItemType: string;
  friendlyName: string;
  containerName: string;
  policyName?: string;
  protectionState: string;
  lastBackupStatus: string;
  protectedItemHealthStatus: string;
  lastRecoveryPoint?: string;
  lastBackupErrorDetail: ErrorAnswer;
  kpisHealths: Record<string, { resourceHealthStatus: string }>;
  extendedInfo: { recoveryPointCount: number; recoveryModel: string };
}
export const itemOf = (r: CallResult) => bodyOf<Resource<ItemAnswer>>(PROTECTED_ITEM, r);
export const itemsOf = (r: CallResult) => pageOf<Resource<ItemAnswer>>(PROTECTED_ITEM, r);

export interface ContainerAnswer {
  containerType: string;
  registrationStatus: string;
  sourceResourceId: string;
  extendedInfo: { inquiryInfo: { status: string; errorDetail: ErrorAnswer; inquiryDetails: { itemCount: number }[] } };
}
export const containerOf = (r: CallResult) => bodyOf<Resource<ContainerAnswer>>(PROTECTION_CONTAINER, r);
export const containersOf = (r: CallResult) => pageOf<Resource<ContainerAnswer>>(PROTECTION_CONTAINER, r);
export const protectableContainersOf = (r: CallResult) =>
  pageOf<Resource<{ friendlyName: string; containerId: string }>>(PROTECTABLE_CONTAINER, r);

export interface ProtectableAnswer {
  protectableItemType: string;
  friendlyName: string;
  parentName?: string;
  serverName: string;
  protectionState: string;
  isAutoProtectable: boolean;
  isProtectable: boolean;
  nodesList?: unknown[];
}
export const protectablesOf = (r: CallResult) => pageOf<Resource<ProtectableAnswer>>(PROTECTABLE_ITEM, r);

export interface DataFileAnswer {
  type: string;
  path: string;
  logicalName: string;
}
export interface PointAnswer {
  objectType: string;
  type: string;
  recoveryPointTimeInUTC?: string;
  timeRanges?: { startTime: string; endTime: string }[];
  extendedInfo?: { dataDirectoryPaths: DataFileAnswer[] };
}
export const pointOf = (r: CallResult) => bodyOf<Resource<PointAnswer>>(RECOVERY_POINT, r);
export const pointsOf = (r: CallResult) => pageOf<Resource<PointAnswer>>(RECOVERY_POINT, r);
/** The point-in-time ranges of DefaultRangeRecoveryPoint. */
export function rangesOf(r: CallResult): { startTime: string; endTime: string }[] {
  const ranges = pointOf(r).properties.timeRanges;
  if (!ranges) assert.fail(`Expected timeRanges: ${r.text.slice(0, 300)}`);
  return ranges;
}

export const policyOf = (r: CallResult) =>
  bodyOf<Resource<{ protectedItemsCount: number; backupManagementType: string; workLoadType: string }>>(PROTECTION_POLICY, r);
export const policiesOf = (r: CallResult) => pageOf<Resource<{ backupManagementType: string }>>(PROTECTION_POLICY, r);
export const vaultsOf = (r: CallResult) => pageOf<Resource<{ provisioningState: string }> & { tags?: Record<string, string> }>(VAULT, r);
export const vaultOf = (r: CallResult) => bodyOf<Resource<{ provisioningState: string }> & { tags?: Record<string, string> }>(VAULT, r);

/** Any page, for counting and paging. */
export const anyPageOf = (r: CallResult) => pageOf<{ name: string }>(model('Named', { name: 'string' }), r);

export const advanceOf = (r: CallResult) =>
  bodyOf<{ now: string; clockOffsetMs: number }>(model('Advance', { now: 'string', clockOffsetMs: 'number' }), r);

/** A page of any Backup resources, their properties left open (the tests compare values). */
export const resourcePageOf = (r: CallResult) =>
  pageOf<Resource<Record<string, unknown>>>(model('Resource', { id: 'string', name: 'string', type: 'string', properties: 'object' }), r);

/** A job's extendedInfo (present on GET backupJobs/{id}); fails the test when it is missing. */
export function detailsOf(job: Resource<JobAnswer>): NonNullable<JobAnswer['extendedInfo']> {
  if (!job.properties.extendedInfo) assert.fail(`Job ${job.name} has no extendedInfo`);
  return job.properties.extendedInfo;
}
