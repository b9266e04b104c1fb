// Back up now: read what the database allows (its protection state, recovery model and whether a Full
// exists), refuse before sending anything it would not take, send the AzureWorkloadBackupRequest, and hand
// the operation to the tracker; its poller follows operationsStatus (the job id) and then the job to its end.
import type { ProtectedItem } from '../../azure/backup/backupModels';
import { protectedItemPath, type ProtectedItemRef } from '../../azure/backup/backupPaths';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { BackupContext } from '../backupContext';
import {
  BACKUP_TYPE_LABELS,
  BackupNowRefusedError,
  backupRequestBody,
  backupTypeChoices,
  retainUntilProblem,
  takesRetention,
  type BackupFacts,
  type BackupNowChoice,
  type BackupTypeChoice,
} from './backupNowRules';

export interface BackupNowOptions {
  item: ProtectedItem;
  facts: BackupFacts;
  choices: BackupTypeChoice[];
  /** The policy's compression setting (settings.issqlcompression), when it could be read. */
  policyCompression?: boolean;
}

export const databaseNameOf = (item: ProtectedItem, ref: ProtectedItemRef): string =>
  item.properties?.friendlyName ?? ref.item.split(';').pop() ?? ref.item;

/** Is there a Full (not copy-only) recovery point? A copy-only point is a Full whose rule is CopyOnlyFull. */
export async function hasBaseFull(ctx: BackupContext, ref: ProtectedItemRef, signal?: AbortSignal): Promise<boolean> {
  const points = ctx.clients().protection.listRecoveryPoints(ref, { filter: "restorePointQueryType eq 'Full'", signal });
  for await (const p of points) {
    const rule = (p.properties?.recoveryPointProperties as { ruleName?: unknown } | undefined)?.ruleName;
    if (p.properties?.type === 'Full' && rule !== 'CopyOnlyFull') return true;
  }
  return false;
}

export async function readBackupNowOptions(ctx: BackupContext, ref: ProtectedItemRef, signal?: AbortSignal): Promise<BackupNowOptions> {
  const clients = ctx.clients();
  const [item, full] = await Promise.all([clients.protection.getProtectedItem(ref, signal), hasBaseFull(ctx, ref, signal)]);
  const extended = item.properties?.extendedInfo as { recoveryModel?: unknown } | undefined;
  const facts: BackupFacts = {
    database: databaseNameOf(item, ref),
    protectionState: item.properties?.protectionState,
    recoveryModel: typeof extended?.recoveryModel === 'string' ? extended.recoveryModel : undefined,
    hasBaseFull: full,
  };
  const policyName = item.properties?.policyName;
  const policyCompression = policyName
    ? await clients.vaults.getPolicy(ref, policyName, signal).then(
        (p) => (p.properties?.settings as { issqlcompression?: unknown } | undefined)?.issqlcompression === true,
        () => undefined,
      )
    : undefined;
  return { item, facts, choices: backupTypeChoices(facts), policyCompression };
}

export interface BackupNowStarted {
  /** Ends when the backup job ends (its failure or cancellation rejects). */
  operation: TrackedOperation<void>;
  /** What was sent. */
  body: ReturnType<typeof backupRequestBody>;
}

/** Starts an on-demand backup; throws BackupNowRefusedError (nothing sent) when the database does not allow it. */
export async function backupNow(
  ctx: BackupContext,
  ref: ProtectedItemRef,
  choice: BackupNowChoice,
  now: Date = new Date(),
  signal?: AbortSignal,
): Promise<BackupNowStarted> {
  const { item, facts, choices } = await readBackupNowOptions(ctx, ref, signal);
  const allowed = choices.find((c) => c.type === choice.type);
  if (!allowed) throw new BackupNowRefusedError(`"${String(choice.type)}" is not a backup type for SQL databases.`);
  if (!allowed.allowed) throw new BackupNowRefusedError(`Cannot take a ${allowed.label} backup now: ${allowed.reason ?? ''}.`);
  if (choice.retainUntil && takesRetention(choice.type)) {
    const problem = retainUntilProblem(choice.type, choice.retainUntil, now);
    if (problem) throw new BackupNowRefusedError(problem);
  }
  const body = backupRequestBody(choice, now);
  const clients = ctx.clients();
  const poller = await clients.protection.beginBackupNow(ref, body, signal);
  const itemId = item.id ?? protectedItemPath(ref);
  const vm = item.properties?.serverName;
  const operation = await ctx.operations.start(poller, {
    title: `Back up ${facts.database} (${BACKUP_TYPE_LABELS[choice.type]})`,
    target: { label: vm ? `${facts.database} on ${vm}` : facts.database, resourceId: itemId },
    environment: ctx.environmentKey(),
  });
  ctx.refresh(itemId);
  return { operation, body };
}
