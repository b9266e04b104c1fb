// Backup policies: list (with $filter), get, PUT (validated; 202 tracked through operations /
// operationResults with the 2016-06-01 URLs of the spec example), DELETE, and their tracking URLs.
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS, BACKUP_TRACKING_API_VERSIONS } from '../../core/backupApiVersions';
import { key, type BackupPolicyRecord, type BackupVaultRecord } from '../../model';
import { getVault, VAULT } from './ids';
import { matches, parseFilter } from './odataFilter';
import {
  acceptedResponse,
  getOperation,
  onOperation,
  operationResultResponse,
  operationStatusResponse,
  startOperation,
  resourceTrackingUrls,
} from './operations';
import { validateWorkloadPolicy } from './policyValidation';
import { renderPolicy } from './render';
import { backupState } from './state';
import { text } from './bodyText';

const POLICY = `${VAULT}/backupPolicies/{policyName}`;

export function findPolicy(ctx: ServiceContext, vault: BackupVaultRecord, name: string): BackupPolicyRecord | undefined {
  return backupState(ctx).policies[key(`${vault.id}/backupPolicies/${name}`)];
}

export function policyNotFound(name: string): Error {
  return armError(404, 'BMSUserErrorPolicyNotFound', `Policy '${name}' not found. Check the policy name and try again.`);
}

export function registerPolicyRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS };
  const r = ctx.router;

  onOperation(ctx, 'policy.put', (c, op) => {
    const p = op.payload as unknown as BackupPolicyRecord;
    backupState(c).policies[key(p.id)] = p;
  });
  onOperation(ctx, 'policy.delete', (c, op) => {
    delete backupState(c).policies[key(op.targetId)];
  });

  r.add(
    'GET',
    `${VAULT}/backupPolicies`,
    (req) => {
      const vault = getVault(ctx, req);
      const f = parseFilter(req);
      const list = Object.values(backupState(ctx).policies)
        .filter((p) => key(p.vaultId) === key(vault.id))
        .filter((p) => matches(f, 'backupManagementType', text(p.properties.backupManagementType)))
        .filter((p) => matches(f, 'workloadType', text(p.properties.workLoadType)))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => renderPolicy(ctx, p));
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  r.add(
    'GET',
    POLICY,
    (req) => {
      const p = findPolicy(ctx, getVault(ctx, req), req.params.policyName);
      if (!p) throw policyNotFound(req.params.policyName);
      return { status: 200, body: renderPolicy(ctx, p) };
    },
    opts,
  );

  r.add(
    'PUT',
    POLICY,
    (req) => {
      const vault = getVault(ctx, req);
      if (!/^[A-Za-z][A-Za-z0-9_-]{2,149}$/.test(req.params.policyName))
        throw armError(
          400,
          'BMSUserErrorInvalidPolicyName',
          'The policy name must start with a letter and contain 3–150 letters, digits, - or _.',
        );
      const properties = validateWorkloadPolicy(jsonBody(req));
      const existing = findPolicy(ctx, vault, req.params.policyName);
      const record: BackupPolicyRecord = existing
        ? { ...existing, properties }
        : { id: `${vault.id}/backupPolicies/${req.params.policyName}`, vaultId: vault.id, name: req.params.policyName, properties };
      const op = startOperation(ctx, {
        vault,
        kind: 'policy.put',
        targetId: record.id,
        serviceSeconds: 5,
        payload: record as unknown as Record<string, unknown>,
        req,
      });
      return acceptedResponse(ctx, op, resourceTrackingUrls(req, record.id, op.id, 'operations', BACKUP_TRACKING_API_VERSIONS.policy));
    },
    opts,
  );

  // DELETE: 202 tracked like the PUT (final-state-via location → 204); refused while items use the policy.
  r.add(
    'DELETE',
    POLICY,
    (req) => {
      const vault = getVault(ctx, req);
      const p = findPolicy(ctx, vault, req.params.policyName);
      if (!p) return { status: 204 };
      const users = Object.values(backupState(ctx).items).filter((i) => key(i.policyId) === key(p.id)).length;
      if (users)
        throw armError(
          400,
          'BMSUserErrorPolicyInUse',
          `Policy '${p.name}' is used by ${users} protected item(s). Move them to another policy or stop their protection first.`,
        );
      const op = startOperation(ctx, { vault, kind: 'policy.delete', targetId: p.id, serviceSeconds: 5, req });
      return acceptedResponse(ctx, op, resourceTrackingUrls(req, p.id, op.id, 'operations', BACKUP_TRACKING_API_VERSIONS.policy));
    },
    opts,
  );

  r.add(
    'GET',
    `${POLICY}/operations/{operationId}`,
    (req) => operationStatusResponse(ctx, getOperation(ctx, getVault(ctx, req), req.params.operationId)),
    opts,
  );
  r.add(
    'GET',
    `${POLICY}/operationResults/{operationId}`,
    (req) => {
      const vault = getVault(ctx, req);
      const op = getOperation(ctx, vault, req.params.operationId);
      return operationResultResponse(ctx, req, op, () => {
        const p = backupState(ctx).policies[key(op.targetId)];
        return p ? renderPolicy(ctx, p) : undefined;
      });
    },
    opts,
  );
}
