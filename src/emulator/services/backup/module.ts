// Azure Backup for SQL Server in Azure VMs (Microsoft.RecoveryServices, AzureWorkload / SQLDataBase):
// vaults, policies, discovery and registration, protection, backup now, recovery points, restore, jobs,
// their tracking URLs, and the clock that ends jobs and takes scheduled log backups.
import type { ServiceContext, ServiceModule } from '../../core/context';
import { registerBackupNowRoutes } from './backupNow';
import { registerContainerRoutes } from './containers';
import { registerDiscoveryRoutes } from './discovery';
import { advanceJobs } from './jobEngine';
import { registerJobRoutes } from './jobs';
import { advanceLogBackups } from './logSchedule';
import { advanceOperations } from './operations';
import { registerPolicyRoutes } from './policies';
import { registerProtectableItemRoutes } from './protectableItems';
import { registerProtectedItemRoutes } from './protectedItems';
import { registerRecoveryPointRoutes } from './recoveryPoints';
import { registerRestoreRoutes } from './restore';
import { registerVaultRoutes } from './vaults';
import { registerWorkloadItemRoutes } from './workloadItems';

export const backupModule: ServiceModule = {
  name: 'backup',
  register(ctx: ServiceContext) {
    registerVaultRoutes(ctx);
    registerPolicyRoutes(ctx);
    registerDiscoveryRoutes(ctx);
    registerContainerRoutes(ctx);
    registerProtectableItemRoutes(ctx);
    registerWorkloadItemRoutes(ctx);
    registerProtectedItemRoutes(ctx);
    registerBackupNowRoutes(ctx);
    registerRecoveryPointRoutes(ctx);
    registerRestoreRoutes(ctx);
    registerJobRoutes(ctx);
    ctx.onTick(() => {
      if (!ctx.store.state.backup) return;
      advanceJobs(ctx);
      advanceOperations(ctx);
      advanceLogBackups(ctx);
    });
  },
};
