// Recovery Services vaults: list by subscription and by resource group, get, create or update.
import type { ServiceContext } from '../../core/context';
import { paginate } from '../../core/paging';
import { RECOVERY_VAULT_API_VERSIONS } from '../../core/backupApiVersions';
import { findSubscription } from '../arm/subscriptions';
import { armError, jsonBody } from '../../core/http';
import { key } from '../../model';
import { getVault, VAULT, vaultIdOf } from './ids';
import { renderVault } from './render';
import { backupState } from './state';

export function registerVaultRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: RECOVERY_VAULT_API_VERSIONS };
  const vaults = () => Object.values(backupState(ctx).vaults).sort((a, b) => a.name.localeCompare(b.name));

  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults',
    (req) => {
      const sub = findSubscription(ctx, req.params.subscriptionId).subscriptionId.toLowerCase();
      const list = vaults().filter((v) => v.subscriptionId.toLowerCase() === sub);
      return { status: 200, body: paginate(req, list.map(renderVault), ctx.options.pageSize) };
    },
    opts,
  );
  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults',
    (req) => {
      const sub = findSubscription(ctx, req.params.subscriptionId).subscriptionId.toLowerCase();
      const rg = req.params.resourceGroupName.toLowerCase();
      const list = vaults().filter((v) => v.subscriptionId.toLowerCase() === sub && v.resourceGroup.toLowerCase() === rg);
      return { status: 200, body: paginate(req, list.map(renderVault), ctx.options.pageSize) };
    },
    opts,
  );
  ctx.router.add('GET', VAULT, (req) => ({ status: 200, body: renderVault(getVault(ctx, req)) }), opts);

  // Create or update: the walkthrough's first step ("create or connect to an existing vault"), synchronous here.
  ctx.router.add(
    'PUT',
    VAULT,
    (req) => {
      const { subscriptionId, resourceGroupName, vaultName } = req.params;
      findSubscription(ctx, subscriptionId);
      if (!/^[A-Za-z][A-Za-z0-9-]{1,49}$/.test(vaultName))
        throw armError(
          400,
          'InvalidResourceName',
          `Resource name '${vaultName}' is invalid: use 2–50 letters, digits and hyphens, starting with a letter.`,
        );
      const body = (jsonBody(req) ?? {}) as { location?: unknown; tags?: unknown };
      if (typeof body.location !== 'string' || !body.location)
        throw armError(400, 'LocationRequired', 'The location property is required for this definition.');
      const id = vaultIdOf(subscriptionId, resourceGroupName, vaultName);
      const existing = backupState(ctx).vaults[key(id)];
      if (existing && existing.location.toLowerCase() !== body.location.toLowerCase())
        throw armError(
          400,
          'LocationNotAvailableForResourceType',
          `The vault '${vaultName}' already exists in '${existing.location}'; a vault cannot move.`,
        );
      const tags = typeof body.tags === 'object' && body.tags !== null ? (body.tags as Record<string, string>) : existing?.tags;
      const vault = {
        id,
        subscriptionId,
        resourceGroup: resourceGroupName,
        name: vaultName,
        location: body.location,
        ...(tags ? { tags } : {}),
      };
      backupState(ctx).vaults[key(id)] = vault;
      backupState(ctx).discovered[key(id)] ??= [];
      ctx.store.changed();
      return { status: existing ? 200 : 201, body: renderVault(vault) };
    },
    opts,
  );
}
