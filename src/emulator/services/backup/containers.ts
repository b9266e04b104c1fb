// Protection containers (registered VMs): register (PUT: 202, {} body, operationsStatus 2019-05-13-preview
// + operationResults 2016-12-01), get, list, unregister (DELETE 202 → 204), inquire (POST 202 → 204, or
// the inquiry failure asked for through the control API) and the container tracking URLs.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS, BACKUP_TRACKING_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupContainerRecord } from '../../model';
import { backupNow, iso } from './clock';
import { candidateVms } from './discovery';
import { failureFor } from './errorCatalog';
import { takeFault } from './faults';
import {
  CONTAINER,
  containerIdOf,
  containerName,
  containersOfVault,
  getContainer,
  getFabricVault,
  getVault,
  itemsOfVault,
  VAULT,
  vmOf,
} from './ids';
import { matches, parseFilter } from './odataFilter';
import {
  acceptedResponse,
  BackupOperationError,
  getOperation,
  onOperation,
  operationResultResponse,
  operationStatusResponse,
  startOperation,
  resourceTrackingUrls,
} from './operations';
import { databasesOf } from './protectableItems';
import { renderContainer } from './render';
import { backupState } from './state';
import { text } from './bodyText';

type Obj = Record<string, unknown>;

export function registerContainerRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS };
  const r = ctx.router;
  const containers = () => backupState(ctx).containers;

  onOperation(
    ctx,
    'register',
    (c, op) => {
      const container = backupState(c).containers[key(op.targetId)];
      if (!container) throw new BackupOperationError(404, 'BMSUserErrorContainerObjectNotFound', 'The container is gone.');
      container.registrationStatus = 'Registered';
      container.lastUpdatedTime = iso(backupNow(c));
    },
    (c, op) => {
      const container = backupState(c).containers[key(op.targetId)];
      if (container?.registrationStatus === 'Registering') delete backupState(c).containers[key(op.targetId)];
    },
  );
  onOperation(ctx, 'inquire', (c, op) => {
    const container = backupState(c).containers[key(op.targetId)];
    if (!container) throw new BackupOperationError(404, 'BMSUserErrorContainerObjectNotFound', 'The container is gone.');
    const fault = takeFault(c, 'inquiry', container.vmId);
    if (fault) {
      const failure = failureFor(fault.code, fault.message, fault.recommendation);
      container.inquiry = { status: 'Failed', at: backupNow(c), itemCount: 0, errorCode: failure.code };
      throw new BackupOperationError(400, failure.code, `${failure.message} ${failure.recommendations[0]}`);
    }
    const vm = vmOf(c, container.vmId);
    container.inquiry = { status: 'Success', at: backupNow(c), itemCount: vm ? databasesOf(vm).length : 0 };
  });
  onOperation(ctx, 'unregister', (c, op) => {
    delete backupState(c).containers[key(op.targetId)];
  });

  r.add(
    'GET',
    `${VAULT}/backupProtectionContainers`,
    (req) => {
      const vault = getVault(ctx, req);
      const f = parseFilter(req);
      const workload = matches(f, 'backupManagementType', 'AzureWorkload') && matches(f, 'containerType', 'VMAppContainer');
      const list = containersOfVault(ctx, vault.id)
        .filter(() => workload)
        .filter((c) => matches(f, 'friendlyName', vmOf(ctx, c.vmId)?.name ?? c.name.split(';').pop()))
        .filter((c) => matches(f, 'status', c.registrationStatus) && matches(f, 'registrationStatus', c.registrationStatus))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((c) => renderContainer(ctx, c));
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  r.add('GET', CONTAINER, (req) => ({ status: 200, body: renderContainer(ctx, getContainer(ctx, req).container) }), opts);

  r.add(
    'PUT',
    CONTAINER,
    (req) => {
      const vault = getFabricVault(ctx, req);
      const body = jsonBody(req) as Obj | undefined;
      const props = (body?.properties ?? {}) as Obj;
      if (text(props.containerType) !== 'VMAppContainer')
        throw armError(
          400,
          'BMSUserErrorInvalidInput',
          `containerType '${text(props.containerType)}' is not valid for SQL in Azure VM; use 'VMAppContainer'.`,
        );
      if (props.backupManagementType !== undefined && text(props.backupManagementType) !== 'AzureWorkload')
        throw armError(400, 'BMSUserErrorInvalidInput', "backupManagementType must be 'AzureWorkload'.");
      const vm = candidateVms(ctx, vault).find(
        (v) =>
          key(containerName(v)) === key(req.params.containerName) &&
          (props.sourceResourceId === undefined || key(text(props.sourceResourceId)) === key(v.id)),
      );
      const discovered = new Set((backupState(ctx).discovered[key(vault.id)] ?? []).map(key));
      if (!vm || !discovered.has(key(vm.id)))
        throw armError(
          400,
          'BMSUserErrorContainerNotDiscovered',
          `The VM for '${req.params.containerName}' was not found among the discovered VMs. Run refreshContainers, then register a listed protectable container with its containerId as sourceResourceId.`,
        );
      const id = containerIdOf(vault.id, containerName(vm));
      const existing = containers()[key(id)];
      const record: BackupContainerRecord = existing ?? {
        id,
        vaultId: vault.id,
        name: containerName(vm),
        vmId: vm.id,
        registrationStatus: 'Registering',
        lastUpdatedTime: iso(backupNow(ctx)),
      };
      containers()[key(id)] = record;
      const op = startOperation(ctx, { vault, kind: 'register', targetId: id, serviceSeconds: 210, req });
      const { containerResult, containerStatus } = BACKUP_TRACKING_API_VERSIONS;
      return acceptedResponse(ctx, op, resourceTrackingUrls(req, id, op.id, 'operationsStatus', containerResult, containerStatus), {});
    },
    opts,
  );

  r.add(
    'DELETE',
    CONTAINER,
    (req) => {
      const { vault, container } = getContainer(ctx, req);
      const protectedHere = itemsOfVault(ctx, vault.id).filter((i) => key(i.containerId) === key(container.id));
      if (protectedHere.length)
        throw armError(
          400,
          'BMSUserErrorContainerHasDatasources',
          `The container has ${protectedHere.length} protected item(s). Stop protection and delete their backup data before unregistering.`,
        );
      const op = startOperation(ctx, { vault, kind: 'unregister', targetId: container.id, serviceSeconds: 20, req });
      return acceptedResponse(
        ctx,
        op,
        resourceTrackingUrls(req, container.id, op.id, 'operationsStatus', BACKUP_TRACKING_API_VERSIONS.unregister),
      );
    },
    opts,
  );

  r.add(
    'POST',
    `${CONTAINER}/inquire`,
    (req) => {
      const { vault, container } = getContainer(ctx, req);
      parseFilter(req);
      if (container.registrationStatus !== 'Registered')
        throw armError(
          400,
          'BMSUserErrorContainerNotRegistered',
          'The container is still being registered. Try again when registration completes.',
        );
      const op = startOperation(ctx, { vault, kind: 'inquire', targetId: container.id, serviceSeconds: 30, req });
      return acceptedResponse(ctx, op, {
        location: `${req.base}${container.id}/operationResults/${op.id}?api-version=${BACKUP_TRACKING_API_VERSIONS.containerResult}`,
      });
    },
    opts,
  );

  r.add(
    'GET',
    `${CONTAINER}/operationResults/{operationId}`,
    (req) => {
      const vault = getFabricVault(ctx, req);
      const op = getOperation(ctx, vault, req.params.operationId);
      return operationResultResponse(
        ctx,
        req,
        op,
        () => {
          const c = op.kind === 'register' ? containers()[key(op.targetId)] : undefined;
          return c ? renderContainer(ctx, c) : undefined;
        },
        op.kind === 'register' ? {} : undefined,
      );
    },
    opts,
  );
  r.add(
    'GET',
    `${CONTAINER}/operationsStatus/{operationId}`,
    (req) => operationStatusResponse(ctx, getOperation(ctx, getFabricVault(ctx, req), req.params.operationId)),
    opts,
  );
}
