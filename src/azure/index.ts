// The REST core's public surface, for the extension (tree, commands, operations center) and CLIs.
export {
  AZURE_CLOUD,
  AZURE_US_GOVERNMENT,
  AZURE_CHINA_CLOUD,
  BUILT_IN_CLOUDS,
  emulatorCloud,
  customCloud,
  scopeFor,
  baseUrlFor,
  type AzureCloud,
  type CustomCloudSettings,
  type ServiceAudience,
} from './clouds';
export type { EmulatorEndpoints } from '../emulator/endpoints';
export { createAzurePipeline, agentForCloud, type AzurePipeline, type AzurePipelineOptions } from './http/pipeline';
export { AzureClient, type AzureRequest, type AzureResponse } from './http/azureClient';
export { AzureRequestError, isAzureRequestError, type SerializedAzureError } from './http/azureError';
export { AbortError, isAbortError } from './http/abortableDelay';
export { formatLogEntry, type RequestLogger, type RequestLogEntry } from './http/requestLogger';
export { redactBodyText, redactFreeText, redactHeaders, redactJson, redactUrl, REDACTED } from './http/redaction';
export { formatRestRequest, type RestRequestToFormat } from './http/restRequestFormatter';
export type { RetryOptions } from './http/retryPolicy';
export { createPager, armNextLink, fabricContinuation, syncLogsNextPage, PagingLoopError, type PagedList, type Page } from './paging/pager';
export type { LroPoller, LroSnapshot, LroState, LroStatus, PollUntilDoneOptions } from './lro/lroTypes';
export { resumePoller, type ResumeDeps } from './lro/resumePoller';
export { ArmPoller } from './lro/armPoller';
export { BackupPoller } from './lro/backupPoller';
export { FabricPoller } from './lro/fabricPoller';
export { parseResourceId, buildPath, encodeSegment, validateSegment, nameOf, resourceIdPath, InvalidNameError } from './resourceId';
export { SubscriptionsClient } from './resources/subscriptionsClient';
export { SqlServersClient } from './sql/sqlServersClient';
export { SyncGroupsClient } from './sql/syncGroupsClient';
export { SyncMembersClient } from './sql/syncMembersClient';
export { SyncAgentsClient } from './sql/syncAgentsClient';
export { FabricWorkspacesClient } from './fabric/workspacesClient';
export { MirroredDatabasesClient } from './fabric/mirroredDatabasesClient';
export { BackupVaultsClient } from './backup/vaultsClient';
export { BackupDiscoveryClient } from './backup/backupDiscoveryClient';
export { BackupProtectionClient } from './backup/backupProtectionClient';
