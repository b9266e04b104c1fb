// Microsoft Fabric module (REST v1 under /fabric/v1, Fabric token audience): workspaces, role
// assignments, items, connections, mirrored databases with their definition and mirroring state machine,
// long-running operations, and the Fabric control knobs.
import type { ServiceContext, ServiceModule } from '../../core/context';
import { registerConnectionRoutes } from './connections';
import { registerFabricControlRoutes } from './controlRoutes';
import { registerDefinitionRoutes, runDefinitionAction } from './definitionRoutes';
import { registerItemRoutes } from './items';
import { registerMirroredDatabaseRoutes } from './mirroredDatabases';
import { registerMirroringRoutes } from './mirroringRoutes';
import { advanceOperations, registerOperationRoutes } from './operations';
import { advanceMirroring } from './stateMachine';
import { registerWorkspaceRoutes } from './workspaces';

export { FABRIC_BASE } from './operations';

export const fabricModule: ServiceModule = {
  name: 'fabric',
  register(ctx: ServiceContext) {
    registerWorkspaceRoutes(ctx);
    registerItemRoutes(ctx);
    registerConnectionRoutes(ctx);
    registerMirroredDatabaseRoutes(ctx);
    registerDefinitionRoutes(ctx);
    registerMirroringRoutes(ctx);
    registerOperationRoutes(ctx);
    registerFabricControlRoutes(ctx);
    ctx.onTick(() => {
      const a = advanceMirroring(ctx);
      const b = advanceOperations(ctx, (action) => runDefinitionAction(ctx, action));
      if (a || b) ctx.store.changed();
    });
  },
};
