// Microsoft.Sql service module: servers, databases and every Data Sync operation, plus the LRO polling
// URLs and the sync clock.
import type { ServiceContext, ServiceModule } from '../../core/context';
import { DATA_SYNC_API_VERSIONS } from '../../core/apiVersions';
import { registerServerRoutes } from './servers';
import { registerSyncGroupRoutes } from './syncGroups';
import { registerSyncLogRoutes } from './syncLogs';
import { registerSyncMemberRoutes } from './syncMembers';
import { registerSyncAgentRoutes } from './syncAgents';
import { registerOperationRoutes } from './lro';
import { advanceSyncs } from './syncEngine';
import { registerServerIdentityRoutes } from './serverIdentity';
import { registerDatabaseSchemaRoutes } from './databaseSchemas';

export const sqlModule: ServiceModule = {
  name: 'sql',
  register(ctx: ServiceContext) {
    registerServerRoutes(ctx);
    registerServerIdentityRoutes(ctx);
    registerDatabaseSchemaRoutes(ctx);
    registerSyncGroupRoutes(ctx);
    registerSyncLogRoutes(ctx);
    registerSyncMemberRoutes(ctx);
    registerSyncAgentRoutes(ctx);
    registerOperationRoutes(ctx, DATA_SYNC_API_VERSIONS);
    ctx.onTick(() => advanceSyncs(ctx));
  },
};
