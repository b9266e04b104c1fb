// Protection of SQL databases: enable (PUT item with an AzureWorkload SQL policy → ConfigureBackup job),
// stop keeping the backup data (PUT protectionState ProtectionStopped), delete the backup data (DELETE),
// resume with a policy (PUT with policyId). Each call is handed to the operations center, where it ends
// when the Backup job it started ends; the ended job is then read once for the outcome.
import type { BackupJob, ProtectedItem, ProtectionPolicy } from '../../azure/backup/backupModels';
import type { ContainerRef, ProtectedItemRef, VaultRef } from '../../azure/backup/backupPaths';
import type { LroPoller } from '../../azure/lro/lroTypes';
import type { BackupContext } from '../backupContext';
import { policyRefOf, protectedItemRefOf } from '../backupTarget';
import { BackupInputError } from './backupInputError';
import { requireContainer } from './discoveryWorkflows';
import { containerIdOf, protectedItemIdOf, sameName } from './protectionIds';
import { endedJobOf, settledWithJob, trackBackup } from './protectionTracking';

export const SQL_PROTECTED_ITEM_TYPE = 'AzureVmWorkloadSQLDatabase';

/** Whether a policy can protect SQL databases in Azure VMs: AzureWorkload, SQLDataBase workload. */
export function isSqlWorkloadPolicy(policy: ProtectionPolicy): boolean {
  const p = policy.properties ?? {};
  return sameName(p.backupManagementType, 'AzureWorkload') && (p.workLoadType === undefined || sameName(p.workLoadType, 'SQLDataBase'));
}

/** The vault's policies that can protect SQL databases. */
export async function listSqlPolicies(ctx: BackupContext, vault: VaultRef): Promise<ProtectionPolicy[]> {
  return (await ctx.clients().vaults.listPolicies(vault).toArray()).filter(isSqlWorkloadPolicy);
}

export function requireItem(itemId: string): ProtectedItemRef {
  const ref = protectedItemRefOf(itemId);
  if (!ref) throw new BackupInputError('itemId', `"${itemId}" is not the id of a protected database.`);
  return ref;
}

/** The protected database an id names, as the service has it now. */
export function readProtectedDatabase(ctx: BackupContext, itemId: string): Promise<ProtectedItem> {
  return ctx.clients().protection.getProtectedItem(requireItem(itemId));
}

/** Reads the policy and refuses one of another vault or another workload (an Azure VM policy…). */
export async function requireSqlPolicy(ctx: BackupContext, vault: VaultRef, policyId: string): Promise<ProtectionPolicy> {
  const ref = policyRefOf(policyId);
  if (!ref) throw new BackupInputError('policyId', `"${policyId}" is not the id of a backup policy.`);
  if (
    !sameName(ref.subscriptionId, vault.subscriptionId) ||
    !sameName(ref.resourceGroup, vault.resourceGroup) ||
    !sameName(ref.vault, vault.vault)
  )
    throw new BackupInputError(
      'policyId',
      `Policy "${ref.policy}" belongs to vault ${ref.vault}; choose a policy of vault ${vault.vault}.`,
    );
  const policy = await ctx.clients().vaults.getPolicy(vault, ref.policy);
  if (!isSqlWorkloadPolicy(policy)) {
    const p = policy.properties ?? {};
    throw new BackupInputError(
      'policyId',
      `Policy "${ref.policy}" is a ${p.backupManagementType ?? 'non-SQL'} policy${p.workLoadType ? ` for ${p.workLoadType}` : ''}; SQL databases need an AzureWorkload policy for SQLDataBase.`,
    );
  }
  return policy;
}

/** The enable / resume body (AzureVmWorkloadSQLDatabaseProtectedItem), as the Azure CLI sends it. */
export function protectBody(policyId: string): { properties: { protectedItemType: string; policyId: string; [extra: string]: unknown } } {
  return {
    properties: {
      protectedItemType: SQL_PROTECTED_ITEM_TYPE,
      backupManagementType: 'AzureWorkload',
      workloadType: 'SQLDataBase',
      policyId,
    },
  };
}

/** The stop body: protection stops, the recovery points are kept (policyId "" detaches the policy). */
export function stopBody(sourceResourceId: string | undefined): {
  properties: { protectedItemType: string; policyId: string; [extra: string]: unknown };
} {
  return {
    properties: {
      protectedItemType: SQL_PROTECTED_ITEM_TYPE,
      protectionState: 'ProtectionStopped',
      ...(sourceResourceId ? { sourceResourceId } : {}),
      policyId: '',
    },
  };
}

export interface ProtectionOutcome {
  itemId: string;
  /** The operations center's id of the tracked call. */
  operationId: string;
  /** The Backup job the call started, once it ended (ConfigureBackup, DisableBackup, DeleteBackupData). */
  job?: BackupJob;
  /** The protected item after the job; undefined once its data was deleted. */
  item?: ProtectedItem;
}

interface Tracked {
  vault: VaultRef;
  ref: ProtectedItemRef;
  title: string;
  poller: LroPoller<unknown>;
  gone?: boolean;
}

async function trackAndFollow(ctx: BackupContext, t: Tracked): Promise<ProtectionOutcome> {
  const itemId = protectedItemIdOf(t.ref);
  const operation = await trackBackup(ctx, t.poller, {
    title: t.title,
    resourceId: itemId,
    label: `database ${databaseNameOf(t.ref.item)}`,
  });
  try {
    await settledWithJob(ctx, t.vault, operation);
    const job = await endedJobOf(ctx, t.vault, operation.id);
    const item = t.gone ? undefined : await ctx.clients().protection.getProtectedItem(t.ref);
    return { itemId, operationId: operation.id, job, item };
  } finally {
    ctx.refresh(t.gone ? containerIdOf(t.ref) : itemId);
  }
}

/** The database part of an item name (SQLDataBase;mssqlserver;SalesDb → SalesDb). */
export const databaseNameOf = (itemName: string): string => itemName.split(';').pop() ?? itemName;

export interface EnableProtectionInput {
  containerId: string;
  /** Protectable item names, e.g. SQLDataBase;mssqlserver;SalesDb. */
  itemNames: string[];
  policyId: string;
}

/** Enables protection of each database with the policy; each tracked call ends with its ConfigureBackup job. */
export async function enableProtection(
  ctx: BackupContext,
  input: EnableProtectionInput,
): Promise<Array<PromiseSettledResult<ProtectionOutcome>>> {
  const container: ContainerRef = requireContainer(input.containerId);
  const names = input.itemNames.map((n) => n.trim()).filter(Boolean);
  if (!names.length) throw new BackupInputError('itemNames', 'Choose at least one database to protect.');
  const bad = names.find((n) => !/^SQLDataBase;[^;]+;.+$/i.test(n));
  if (bad) throw new BackupInputError('itemNames', `"${bad}" is not the name of a SQL database (SQLDataBase;<instance>;<database>).`);
  const policy = await requireSqlPolicy(ctx, container, input.policyId);
  const policyId = policy.id ?? input.policyId;
  return Promise.allSettled(
    names.map(async (item) => {
      const ref = { ...container, item };
      return trackAndFollow(ctx, {
        vault: container,
        ref,
        title: `Protect ${databaseNameOf(item)} with ${policy.name ?? 'policy'}`,
        poller: await ctx.clients().protection.beginProtect(ref, protectBody(policyId)),
      });
    }),
  );
}

/** Stops protection and keeps the recovery points (ProtectionStopped). */
export async function stopProtectionKeepData(ctx: BackupContext, itemId: string): Promise<ProtectionOutcome> {
  const ref = requireItem(itemId);
  const current = await ctx.clients().protection.getProtectedItem(ref);
  const name = current.properties?.friendlyName ?? databaseNameOf(ref.item);
  if (sameName(current.properties?.protectionState, 'ProtectionStopped'))
    throw new BackupInputError('itemId', `Protection of ${name} is already stopped.`);
  return trackAndFollow(ctx, {
    vault: ref,
    ref,
    title: `Stop protection of ${name} (keep backup data)`,
    poller: await ctx.clients().protection.beginProtect(ref, stopBody(current.properties?.sourceResourceId)),
  });
}

/** Stops protection and deletes every recovery point; `confirmName` must be the database's name, typed. */
export async function deleteBackupData(ctx: BackupContext, itemId: string, confirmName: string): Promise<ProtectionOutcome> {
  const ref = requireItem(itemId);
  const current = await ctx.clients().protection.getProtectedItem(ref);
  const name = current.properties?.friendlyName ?? databaseNameOf(ref.item);
  const problem = confirmNameProblem(name, confirmName);
  if (problem) throw new BackupInputError('confirmName', problem);
  return trackAndFollow(ctx, {
    vault: ref,
    ref,
    title: `Delete backup data of ${name}`,
    poller: await ctx.clients().protection.beginStopProtection(ref),
    gone: true,
  });
}

/** The typed confirmation must be the database name exactly (case included). */
export function confirmNameProblem(databaseName: string, typed: string): string | undefined {
  return typed === databaseName ? undefined : `Type the database name "${databaseName}" exactly to delete its backup data.`;
}

/** Resumes protection of a stopped database with a policy. */
export async function resumeProtection(ctx: BackupContext, itemId: string, policyId: string): Promise<ProtectionOutcome> {
  const ref = requireItem(itemId);
  const policy = await requireSqlPolicy(ctx, ref, policyId);
  const current = await ctx.clients().protection.getProtectedItem(ref);
  const name = current.properties?.friendlyName ?? databaseNameOf(ref.item);
  const state = current.properties?.protectionState;
  if (!sameName(state, 'ProtectionStopped') && !sameName(state, 'BackupsSuspended') && !sameName(state, 'ProtectionPaused'))
    throw new BackupInputError('itemId', `${name} is ${state ?? 'not stopped'}: only stopped protection can be resumed.`);
  return trackAndFollow(ctx, {
    vault: ref,
    ref,
    title: `Resume protection of ${name} with ${policy.name ?? 'policy'}`,
    poller: await ctx.clients().protection.beginProtect(ref, protectBody(policy.id ?? policyId)),
  });
}
