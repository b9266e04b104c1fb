// Protected items (SQL databases under protection): enable protection / change policy / resume (PUT with
// policyId → ConfigureBackup job), stop protection keeping data (PUT protectionState ProtectionStopped →
// DisableBackup job), delete backup data (DELETE → DeleteBackupData job), get, list with $filter, and
// the item-level and vault-level tracking URLs.
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS, BACKUP_TRACKING_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupContainerRecord, type BackupItemRecord, type BackupPolicyRecord, type BackupVaultRecord } from '../../model';
import { getContainer, getItem, getVault, ITEM, itemNameOf, itemNotFound, itemsOfVault, VAULT } from './ids';
import { onJob, startJob } from './jobEngine';
import { matches, parseFilter } from './odataFilter';
import {
  acceptedResponse,
  getOperation,
  operationResultResponse,
  operationStatusResponse,
  resourceTrackingUrls,
  startOperation,
} from './operations';
import { findDatabase } from './protectableItems';
import { renderItem } from './renderItem';
import { backupState } from './state';
import { text } from './bodyText';

type Obj = Record<string, unknown>;

export const dataSourceIdOf = (id: string): string => String(parseInt(createHash('sha1').update(key(id)).digest('hex').slice(0, 12), 16));

/** The policy a PUT names: it must exist in this vault and be an AzureWorkload SQL policy. */
export function resolvePolicy(ctx: ServiceContext, vault: BackupVaultRecord, policyId: string): BackupPolicyRecord {
  const p = backupState(ctx).policies[key(policyId)];
  if (!p || key(p.vaultId) !== key(vault.id))
    throw armError(
      404,
      'BMSUserErrorPolicyNotFound',
      `Policy '${policyId.split('/').pop() ?? policyId}' not found. Check the policy name and try again.`,
    );
  if (text(p.properties.backupManagementType) !== 'AzureWorkload' || text(p.properties.workLoadType) !== 'SQLDataBase')
    throw armError(
      400,
      'BMSUserErrorInvalidPolicyForGivenProvider',
      'Policy is not valid for given provider type. Please choose valid policy for given provider.',
    );
  return p;
}

export function itemTrackingUrls(req: EmulatorRequest, itemId: string, opId: string): { location: string; asyncOperation: string } {
  return resourceTrackingUrls(req, itemId, opId, 'operationsStatus', BACKUP_TRACKING_API_VERSIONS.item);
}

function newItem(
  vault: BackupVaultRecord,
  container: BackupContainerRecord,
  name: string,
  instance: string,
  database: string,
  policyId: string,
): BackupItemRecord {
  const id = `${container.id}/protectedItems/${name}`;
  return {
    id,
    vaultId: vault.id,
    containerId: container.id,
    containerName: container.name,
    name,
    vmId: container.vmId,
    instance,
    database,
    policyId,
    protectionState: 'IRPending',
    lastBackupStatus: 'IRPending',
    healthStatus: 'IRPending',
    dataSourceId: dataSourceIdOf(id),
    recoveryPoints: [],
    logRanges: [],
  };
}

export function registerProtectedItemRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS };
  const r = ctx.router;
  const items = () => backupState(ctx).items;

  onJob(ctx, 'ConfigureBackup', {
    complete: (c, job) => {
      const p = job.payload as { item?: BackupItemRecord; policyId: string };
      const existing = items()[key(job.itemId ?? '')];
      if (existing) {
        const resumed = existing.protectionState === 'ProtectionStopped' || existing.protectionState === 'BackupsSuspended';
        existing.policyId = p.policyId;
        existing.protectionState = existing.recoveryPoints.length ? 'Protected' : 'IRPending';
        // The SQL log chain survives a pause: the first log backup after resuming covers the gap.
        if (resumed) existing.lastLogBackupAt = existing.logRanges.at(-1)?.end;
      } else if (p.item) items()[key(p.item.id)] = { ...p.item, policyId: p.policyId };
    },
  });
  onJob(ctx, 'DisableBackup', {
    complete: (c, job) => {
      const item = items()[key(job.itemId ?? '')];
      if (!item) return;
      item.protectionState = text(job.payload?.state) || 'ProtectionStopped';
      if (item.protectionState === 'ProtectionStopped') item.policyId = '';
      item.lastLogBackupAt = undefined;
    },
  });
  onJob(ctx, 'DeleteBackupData', {
    complete: (c, job) => {
      delete items()[key(job.itemId ?? '')];
    },
  });

  r.add(
    'GET',
    `${VAULT}/backupProtectedItems`,
    (req) => {
      const vault = getVault(ctx, req);
      const f = parseFilter(req);
      const sql =
        matches(f, 'backupManagementType', 'AzureWorkload') &&
        matches(f, 'itemType', 'SQLDataBase') &&
        matches(f, 'workloadType', 'SQLDataBase');
      const list = itemsOfVault(ctx, vault.id)
        .filter(() => sql)
        .filter((i) => matches(f, 'policyName', backupState(ctx).policies[key(i.policyId)]?.name ?? ''))
        .filter((i) => matches(f, 'containerName', i.containerName) && matches(f, 'friendlyName', i.database) && matches(f, 'name', i.name))
        .filter((i) => matches(f, 'protectionState', i.protectionState) && matches(f, 'protectionStatus', i.protectionState))
        .sort((a, b) => a.containerName.localeCompare(b.containerName) || a.name.localeCompare(b.name))
        .map((i) => renderItem(ctx, i));
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  r.add('GET', ITEM, (req) => ({ status: 200, body: renderItem(ctx, getItem(ctx, req).item) }), opts);

  r.add(
    'PUT',
    ITEM,
    (req) => {
      const { vault, container } = getContainer(ctx, req);
      const body = jsonBody(req) as Obj | undefined;
      const props = (body?.properties ?? {}) as Obj;
      const type = props.protectedItemType;
      if (type !== undefined && type !== 'AzureVmWorkloadSQLDatabase')
        throw armError(
          400,
          'BMSUserErrorInvalidInput',
          `protectedItemType '${text(type)}' is not valid for a SQL database; use 'AzureVmWorkloadSQLDatabase'.`,
        );
      const existing = items()[key(`${container.id}/protectedItems/${req.params.protectedItemName}`)];
      const busy = Object.values(backupState(ctx).jobs).some(
        (j) =>
          j.status === 'InProgress' &&
          ['ConfigureBackup', 'DisableBackup', 'DeleteBackupData'].includes(j.operation) &&
          key(j.itemId ?? '') === key(`${container.id}/protectedItems/${req.params.protectedItemName}`),
      );
      if (busy)
        throw armError(
          409,
          'BMSUserErrorConflictingOperationInProgress',
          'Another operation is in progress on this item. Wait for it to finish and try again.',
        );
      const state = typeof props.protectionState === 'string' ? props.protectionState : undefined;
      const policyId = typeof props.policyId === 'string' ? props.policyId : '';

      if (existing && (state === 'ProtectionStopped' || state === 'BackupsSuspended') && !policyId) {
        const job = startJob(ctx, {
          vault,
          operation: 'DisableBackup',
          entityFriendlyName: existing.database,
          itemId: existing.id,
          serviceSeconds: 10,
          payload: { state },
        });
        const op = startOperation(ctx, {
          vault,
          kind: 'protect',
          targetId: existing.id,
          serviceSeconds: 10,
          jobId: job.id,
          waitForJob: true,
        });
        return acceptedResponse(ctx, op, itemTrackingUrls(req, existing.id, op.id));
      }
      if (!policyId) throw armError(400, 'BMSUserErrorInvalidInput', 'policyId is required to protect an item.');
      const policy = resolvePolicy(ctx, vault, policyId);
      let item: BackupItemRecord | undefined;
      if (!existing) {
        const found = findDatabase(ctx, container, req.params.protectedItemName);
        if (!found || container.inquiry?.status !== 'Success') throw itemNotFound();
        item = newItem(vault, container, itemNameOf(found.parent, found.db.name), found.instance, found.db.name, policy.id);
      }
      const target = existing ?? item!;
      const job = startJob(ctx, {
        vault,
        operation: 'ConfigureBackup',
        entityFriendlyName: target.database,
        itemId: target.id,
        serviceSeconds: 75,
        propertyBag: { 'Policy Name': policy.name },
        payload: { item, policyId: policy.id },
      });
      const op = startOperation(ctx, { vault, kind: 'protect', targetId: target.id, serviceSeconds: 75, jobId: job.id, waitForJob: true });
      return acceptedResponse(ctx, op, itemTrackingUrls(req, target.id, op.id));
    },
    opts,
  );

  r.add(
    'DELETE',
    ITEM,
    (req) => {
      const { vault, item } = getItem(ctx, req);
      const job = startJob(ctx, {
        vault,
        operation: 'DeleteBackupData',
        entityFriendlyName: item.database,
        itemId: item.id,
        serviceSeconds: 30,
      });
      const op = startOperation(ctx, { vault, kind: 'deleteData', targetId: item.id, serviceSeconds: 30, jobId: job.id, waitForJob: true });
      const v = BACKUP_TRACKING_API_VERSIONS.vault;
      return acceptedResponse(ctx, op, {
        location: `${req.base}${vault.id}/backupOperationResults/${op.id}?api-version=${v}`,
        asyncOperation: `${req.base}${vault.id}/backupOperations/${op.id}?api-version=${v}`,
      });
    },
    opts,
  );

  const itemResult = (req: EmulatorRequest, vault: BackupVaultRecord, opId: string) => {
    const op = getOperation(ctx, vault, opId);
    return operationResultResponse(ctx, req, op, () => {
      const i = op.kind === 'protect' ? items()[key(op.targetId)] : undefined;
      return i ? renderItem(ctx, i) : undefined;
    });
  };
  r.add(
    'GET',
    `${ITEM}/operationResults/{operationId}`,
    (req) => itemResult(req, getContainer(ctx, req).vault, req.params.operationId),
    opts,
  );
  r.add(
    'GET',
    `${ITEM}/operationsStatus/{operationId}`,
    (req) => operationStatusResponse(ctx, getOperation(ctx, getContainer(ctx, req).vault, req.params.operationId)),
    opts,
  );
  r.add('GET', `${VAULT}/backupOperationResults/{operationId}`, (req) => itemResult(req, getVault(ctx, req), req.params.operationId), opts);
  r.add(
    'GET',
    `${VAULT}/backupOperations/{operationId}`,
    (req) => operationStatusResponse(ctx, getOperation(ctx, getVault(ctx, req), req.params.operationId)),
    opts,
  );
}
