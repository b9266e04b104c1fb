// Backup policies as JSON documents: the document is the PUT body (`{ properties }`, only what the PUT
// takes), checked against the schema before anything is sent, saved with PUT through the operations
// center (a 202 is followed through operationResults), and a new policy starts from a daily Full +
// hourly Log template. vscode-free: the editor's file system provider asks the user and calls these.
import { isDeepStrictEqual } from 'node:util';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { ProtectionPolicy } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { BackupContext } from '../backupContext';
import { policySchemaProblems, type PolicyProblem } from './policySchema';

/** The PUT body keys a document keeps; read-only ones (protectedItemsCount) are left out. */
const EDITABLE_KEYS = ['backupManagementType', 'workLoadType', 'settings', 'subProtectionPolicy', 'makePolicyConsistent'];

/** The service's rule for policy names: a letter, then letters, digits, '-' or '_' (3–150 characters). */
export const POLICY_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{2,149}$/;

export class PolicyInvalidError extends Error {
  override readonly name = 'PolicyInvalidError';
  constructor(readonly problems: PolicyProblem[]) {
    super(
      `Not saved: the policy has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
        .map((p) => `${p.property} ${p.message}`)
        .join('; ')}`,
    );
  }
}

export interface PolicyDocument {
  properties: Record<string, unknown>;
}

export const policyVaultId = (v: VaultRef): string =>
  `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${v.vault}`;
export const policyId = (v: VaultRef, name: string): string => `${policyVaultId(v)}/backupPolicies/${name}`;

/** Why a name cannot be a new policy's, or undefined when it can. */
export function policyNameProblem(name: string, existing: readonly string[] = []): string | undefined {
  if (!POLICY_NAME_PATTERN.test(name)) return 'A policy name starts with a letter and has 3–150 letters, digits, - or _.';
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) return `The vault already has a policy named ${name}.`;
  return undefined;
}

/** What the editor shows of a policy: the PUT body. */
export function policyDocument(policy: ProtectionPolicy): PolicyDocument {
  const p = policy.properties ?? {};
  const properties: Record<string, unknown> = {};
  for (const k of EDITABLE_KEYS) if (p[k] !== undefined) properties[k] = p[k];
  return { properties };
}

export const policyText = (document: PolicyDocument): string => `${JSON.stringify(document, null, 2)}\n`;

/** A new policy: Full every day at 22:00 UTC kept 30 days, Log every hour kept 15 days, compression off. */
export function newPolicyDocument(now: number = Date.now()): PolicyDocument {
  const d = new Date(now);
  const at = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 22, 0, 0)).toISOString().replace('.000Z', 'Z');
  return {
    properties: {
      backupManagementType: 'AzureWorkload',
      workLoadType: 'SQLDataBase',
      settings: { timeZone: 'UTC', issqlcompression: false },
      subProtectionPolicy: [
        {
          policyType: 'Full',
          schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [at] },
          retentionPolicy: {
            retentionPolicyType: 'LongTermRetentionPolicy',
            dailySchedule: { retentionTimes: [at], retentionDuration: { count: 30, durationType: 'Days' } },
          },
        },
        {
          policyType: 'Log',
          schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 60 },
          retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 15, durationType: 'Days' } },
        },
      ],
    },
  };
}

/** Parses and checks the editor's text; throws PolicyInvalidError with every problem. */
export function parsePolicyText(text: string): PolicyDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw new PolicyInvalidError([{ property: '(document)', message: `is not JSON (${e instanceof Error ? e.message : String(e)})` }]);
  }
  const problems = policySchemaProblems(document);
  if (problems.length) throw new PolicyInvalidError(problems);
  return document as PolicyDocument;
}

export async function readPolicy(ctx: BackupContext, vault: VaultRef, name: string, signal?: AbortSignal): Promise<ProtectionPolicy> {
  return ctx.clients().vaults.getPolicy(vault, name, signal);
}

/** Whether the vault has a policy of that name, of any kind (an Azure VM policy too): a new one must not replace it. */
export async function policyExists(ctx: BackupContext, vault: VaultRef, name: string): Promise<boolean> {
  try {
    await readPolicy(ctx, vault, name);
    return true;
  } catch (e) {
    if (isAzureRequestError(e) && e.status === 404) return false;
    throw e;
  }
}

/** Whether the server's policy differs from the one the editor started from (someone else saved meanwhile). */
export function policyChanged(server: ProtectionPolicy | undefined, baseline: PolicyDocument | undefined): boolean {
  if (!server) return baseline !== undefined;
  return !isDeepStrictEqual(policyDocument(server).properties, baseline?.properties);
}

/** PUT, tracked in the operations center; resolves with the saved policy once the service applied it. */
export async function savePolicy(
  ctx: BackupContext,
  vault: VaultRef,
  name: string,
  document: PolicyDocument,
  options: { creating?: boolean } = {},
): Promise<ProtectionPolicy> {
  const body = { properties: { ...document.properties } };
  delete body.properties.protectedItemsCount;
  const poller = await ctx.clients().vaults.beginCreateOrUpdatePolicy(vault, name, body);
  const op = await ctx.operations.start(poller, {
    title: `${options.creating ? 'Create' : 'Save'} backup policy ${name}`,
    target: { label: `backup policy ${name}`, resourceId: policyId(vault, name) },
    environment: ctx.environmentKey(),
  });
  await op.result;
  ctx.refresh(options.creating ? policyVaultId(vault) : policyId(vault, name));
  return readPolicy(ctx, vault, name);
}
