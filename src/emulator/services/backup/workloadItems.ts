// Workload items of a registered VM (GET …/protectionContainers/{c}/items): its SQL instances with their
// default data and log folders (what an alternate-location restore builds target paths from) and their
// databases. Ids use the protectableItems segment, as the service's example shows.
import type { ServiceContext } from '../../core/context';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS } from '../../core/backupApiVersions';
import type { BackupContainerRecord } from '../../model';
import { CONTAINER, getContainer, itemNameOf, vmOf } from './ids';
import { matches, parseFilter } from './odataFilter';
import { databasesOf } from './protectableItems';

const TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/items';

function workloadItems(ctx: ServiceContext, container: BackupContainerRecord): { kind: string; friendlyName: string; body: unknown }[] {
  const vm = vmOf(ctx, container.vmId);
  if (!vm || container.inquiry?.status !== 'Success') return [];
  const server = `${vm.name.toLowerCase()}.contoso.com`;
  return vm.sqlInstances.flatMap((inst) => {
    const dbs = databasesOf(vm).filter((d) => d.instance === inst.name);
    const instanceName = `SQLInstance;${inst.name}`;
    const instance = {
      kind: 'SQLInstance',
      friendlyName: inst.name,
      body: {
        id: `${container.id}/protectableItems/${instanceName}`,
        name: instanceName,
        type: TYPE,
        properties: {
          workloadItemType: 'SQLInstance',
          backupManagementType: 'AzureWorkload',
          workloadType: 'SQL',
          friendlyName: inst.name,
          parentName: inst.name,
          serverName: server,
          protectionState: 'NotProtected',
          isAutoProtectable: true,
          subinquireditemcount: dbs.length,
          subWorkloadItemCount: dbs.length,
          dataDirectoryPaths: [
            { type: 'Data', path: inst.dataPath },
            { type: 'Log', path: inst.logPath },
          ],
        },
      },
    };
    const databases = dbs.map((d) => {
      const name = itemNameOf(d.parent, d.db.name);
      return {
        kind: 'SQLDataBase',
        friendlyName: d.db.name,
        body: {
          id: `${container.id}/protectableItems/${name}`,
          name,
          type: TYPE,
          properties: {
            workloadItemType: 'SQLDataBase',
            backupManagementType: 'AzureWorkload',
            workloadType: 'SQL',
            friendlyName: d.db.name,
            parentName: d.parent,
            serverName: server,
            protectionState: 'NotProtected',
            isAutoProtectable: false,
            subinquireditemcount: 0,
            subWorkloadItemCount: 0,
          },
        },
      };
    });
    return [instance, ...databases];
  });
}

export function registerWorkloadItemRoutes(ctx: ServiceContext): void {
  ctx.router.add(
    'GET',
    `${CONTAINER}/items`,
    (req) => {
      const { container } = getContainer(ctx, req);
      const f = parseFilter(req);
      const list = matches(f, 'backupManagementType', 'AzureWorkload')
        ? workloadItems(ctx, container)
            .filter((w) => matches(f, 'workloadItemType', w.kind) && matches(f, 'friendlyName', w.friendlyName))
            .map((w) => w.body)
        : [];
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS },
  );
}
