// The reads behind the Backup tree and the pickers: subscriptions → Recovery Services vaults →
// registered VMs (containers) → SQL instances → protected databases → recovery points, and a vault's
// policies. Ids from the service are kept as sent (they carry ';' in container and item names) and
// compared case-insensitively.
import type { ProtectedItem, ProtectionContainer, ProtectionPolicy, RecoveryPoint, Vault } from '../../azure/backup/backupModels';
import type { ContainerRef, ProtectedItemRef, VaultRef } from '../../azure/backup/backupPaths';
import type { Subscription } from '../../azure/resources/subscriptionsClient';
import type { BackupContext } from '../backupContext';
import { containerRefOf } from '../backupTarget';

const SQL_ITEMS = "backupManagementType eq 'AzureWorkload' and itemType eq 'SQLDataBase'";
/** The pseudo-point that carries a database's log chains (point-in-time ranges). */
export const POINT_IN_TIME_POINT = 'DefaultRangeRecoveryPoint';

export function listSubscriptions(ctx: BackupContext, signal?: AbortSignal): Promise<Subscription[]> {
  return ctx.clients().subscriptions.list(signal).toArray();
}

export function listVaults(ctx: BackupContext, subscriptionId: string, signal?: AbortSignal): Promise<Vault[]> {
  return ctx.clients().vaults.listVaults(subscriptionId, { signal }).toArray();
}

/** Registered SQL Server VMs of a vault (every page). */
export function listContainers(ctx: BackupContext, vault: VaultRef, signal?: AbortSignal): Promise<ProtectionContainer[]> {
  return ctx.clients().discovery.listContainers(vault, { signal }).toArray();
}

/** Protected SQL databases of a vault, or of one registered VM in it. */
export function listProtectedDatabases(
  ctx: BackupContext,
  vault: VaultRef,
  options: { container?: string; signal?: AbortSignal } = {},
): Promise<ProtectedItem[]> {
  const filter = options.container ? `${SQL_ITEMS} and containerName eq '${options.container.replace(/'/g, "''")}'` : SQL_ITEMS;
  return ctx.clients().protection.listProtectedItems(vault, { filter, signal: options.signal }).toArray();
}

export function getProtectedDatabase(ctx: BackupContext, ref: ProtectedItemRef, signal?: AbortSignal): Promise<ProtectedItem> {
  return ctx.clients().protection.getProtectedItem(ref, signal);
}

/** SQL policies of a vault (AzureWorkload), by name. */
export async function listPolicies(ctx: BackupContext, vault: VaultRef, signal?: AbortSignal): Promise<ProtectionPolicy[]> {
  const policies = await ctx.clients().vaults.listPolicies(vault, { signal }).toArray();
  return policies.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** The container (registered VM) name a protected item lies in, lower-cased for grouping. */
export function containerKeyOf(item: ProtectedItem): string | undefined {
  const ref = item.id ? containerRefOf(item.id) : undefined;
  return (ref?.container ?? item.properties?.containerName)?.toLowerCase();
}

/** Protected items grouped by their container (lower-cased container name). */
export function byContainer(items: ProtectedItem[]): Map<string, ProtectedItem[]> {
  const out = new Map<string, ProtectedItem[]>();
  for (const item of items) {
    const key = containerKeyOf(item);
    if (!key) continue;
    const list = out.get(key) ?? [];
    list.push(item);
    out.set(key, list);
  }
  return out;
}

/** The SQL instance a protected database belongs to (parentName, e.g. MSSQLSERVER). */
export const instanceOf = (item: ProtectedItem): string => item.properties?.parentName || 'Default instance';

/** Protected items grouped by SQL instance (instance names compared case-insensitively), instances by name. */
export function byInstance(items: ProtectedItem[]): Array<{ instance: string; items: ProtectedItem[] }> {
  const groups = new Map<string, { instance: string; items: ProtectedItem[] }>();
  for (const item of items) {
    const name = instanceOf(item);
    const group = groups.get(name.toLowerCase()) ?? { instance: name, items: [] };
    group.items.push(item);
    groups.set(name.toLowerCase(), group);
  }
  return [...groups.values()].sort((a, b) => a.instance.localeCompare(b.instance));
}

export interface RecoveryPointPage {
  /** Full and Differential points, newest first. */
  points: RecoveryPoint[];
  /** The log chains' pseudo-point, when the list held it. */
  pointInTime?: RecoveryPoint;
  /** More points exist beyond `limit`. */
  more: boolean;
}

const pointTime = (p: RecoveryPoint): number => Date.parse(p.properties?.recoveryPointTimeInUTC ?? '') || 0;

/** The newest `limit` recovery points of a database (reading only the pages needed), and its log pseudo-point. */
export async function listRecoveryPoints(
  ctx: BackupContext,
  ref: ProtectedItemRef,
  limit: number,
  signal?: AbortSignal,
): Promise<RecoveryPointPage> {
  const points: RecoveryPoint[] = [];
  let pointInTime: RecoveryPoint | undefined;
  let more = false;
  for await (const page of ctx.clients().protection.listRecoveryPoints(ref, { signal }).byPage()) {
    for (const p of page.items) {
      if (p.name?.toLowerCase() === POINT_IN_TIME_POINT.toLowerCase()) pointInTime = p;
      else points.push(p);
    }
    if (points.length > limit) {
      more = true;
      break;
    }
  }
  points.sort((a, b) => pointTime(b) - pointTime(a));
  return { points: points.slice(0, limit), pointInTime, more };
}

/** A container's reference from the vault it lies in and its name. */
export const containerRef = (vault: VaultRef, container: string): ContainerRef => ({ ...vault, container });
