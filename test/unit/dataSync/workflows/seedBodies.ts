// The request bodies of Microsoft Learn's "Use REST API to sync data between multiple databases"
// (the Data Sync walkthrough the product follows), copied verbatim, with what the tests need to compare
// them with what the workflows send.

/** PUT …/syncGroups/{name}: "do not pass in the sync schema … and do not pass in masterSyncMemberName". */
export const SEED_CREATE_GROUP = {
  properties: {
    interval: -1,
    lastSyncTime: '0001-01-01T08:00:00Z',
    conflictResolutionPolicy: 'HubWin',
    syncDatabaseId:
      '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/syncgroupcrud-3521/providers/Microsoft.Sql/servers/syncgroupcrud-8475/databases/syncgroupcrud-4328',
    hubDatabaseUserName: 'hubUser',
  },
};

/** PUT …/syncMembers/{name}: serverName is the server's FQDN. */
export const SEED_CREATE_MEMBER = {
  properties: {
    databaseType: 'AzureSqlDatabase',
    serverName: 'syncgroupcrud-3379.database.windows.net',
    databaseName: 'syncgroupcrud-7421',
    userName: 'myUser',
    syncDirection: 'Bidirectional',
    syncState: 'UnProvisioned',
  },
};

/** Update member: the same body as create (the walkthrough sends it whole). */
export const SEED_UPDATE_MEMBER = SEED_CREATE_MEMBER;

/** "Update sync group by specifying the sync schema. Include your schema and masterSyncMemberName." */
export const SEED_UPDATE_GROUP_ADDS = ['schema', 'masterSyncMemberName'] as const;

/** Properties the service reports and never takes (the walkthrough's bodies carry them anyway). */
export const READ_ONLY = ['lastSyncTime', 'syncState'];

/** The properties of a seed body a client is meant to send. */
export const writableKeys = (seed: { properties: Record<string, unknown> }): string[] =>
  Object.keys(seed.properties)
    .filter((k) => !READ_ONLY.includes(k))
    .sort();
