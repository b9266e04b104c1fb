// Shared by unit and integration tests of the operation tracker: a sync group create started with a raw
// ARM poller, as a long-running operation to track.
import type { AzureClient } from '../../src/azure/http/azureClient';
import { ArmPoller } from '../../src/azure/lro/armPoller';

/** The hub password the create sends; tests check that it is never kept or shown. */
export const HUB_PASSWORD = 'S3cret!pass';

export function beginCreateSyncGroup(
  arm: AzureClient,
  hubDatabaseId: string,
  name: string,
  syncDatabaseId: string,
): Promise<ArmPoller<{ name: string }>> {
  return ArmPoller.begin<{ name: string }>(arm, {
    operationName: `Create sync group ${name}`,
    method: 'PUT',
    url: `${hubDatabaseId}/syncGroups/${name}`,
    query: { 'api-version': '2025-01-01' },
    body: {
      properties: {
        interval: 300,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId,
        hubDatabaseUserName: 'hubadmin',
        hubDatabasePassword: HUB_PASSWORD,
      },
    },
  });
}
