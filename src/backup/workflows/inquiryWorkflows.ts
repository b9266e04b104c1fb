// Inquiry (the vault asks the VM's backup extension which databases it has) and the databases it found.
// An inquiry the VM refuses (no sysadmin for the extension's account, SQL not reachable…) fails with the
// service's code; the error carries the service's recommendation so the UI can show what to fix.
import type { ProtectableItem, ProtectionContainer } from '../../azure/backup/backupModels';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { BackupContext } from '../backupContext';
import { containerRefOf } from '../backupTarget';
import { requireContainer } from './discoveryWorkflows';
import { containerIdOf, sameName } from './protectionIds';
import { trackBackup } from './protectionTracking';

/** What Azure Backup's SQL troubleshooting guide advises for the inquiry failures it documents. */
const KNOWN_ADVICE: Record<string, string> = {
  UserErrorSQLNoSysadminMembership:
    'Grant the NT SERVICE\\AzureWLBackupPluginSvc account the sysadmin role on every SQL Server instance of the VM (the default instance too), then run the discovery again.',
  UserErrorOpeningSQLConnection:
    'Check that the SQL Server instance is running and that NT AUTHORITY\\SYSTEM can log in to it, then run the discovery again.',
  UserErrorVMInternetConnectivityIssue:
    'Allow outbound access from the VM to the AzureBackup, Storage and AzureActiveDirectory service tags, then run the discovery again.',
};

export class InquiryFailedError extends Error {
  override readonly name = 'InquiryFailedError';

  constructor(
    readonly vmName: string,
    readonly code: string,
    readonly serviceMessage: string,
    readonly recommendations: string[],
    readonly failure: unknown,
  ) {
    const missing = recommendations.filter((r) => !serviceMessage.includes(r));
    super(
      `Azure Backup could not list the databases on ${vmName}: ${serviceMessage} (${code})` +
        (missing.length ? ` Recommendation: ${missing.join(' ')}` : ''),
    );
  }
}

type ErrorDetail = { code?: unknown; message?: unknown; recommendations?: unknown };

/** The container's own record of the failed inquiry: inquiryInfo.errorDetail or the SQL inquiry validation. */
function inquiryErrorOf(container: ProtectionContainer | undefined): ErrorDetail | undefined {
  const info = (
    container?.properties?.extendedInfo as { inquiryInfo?: { errorDetail?: ErrorDetail; inquiryDetails?: unknown } } | undefined
  )?.inquiryInfo;
  const details = Array.isArray(info?.inquiryDetails)
    ? (info.inquiryDetails as Array<{ inquiryValidation?: { errorDetail?: ErrorDetail } }>)
    : [];
  const failed = [info?.errorDetail, ...details.map((d) => d.inquiryValidation?.errorDetail)].find(
    (e) => typeof e?.code === 'string' && e.code !== 'Success',
  );
  return failed;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []);

/** Runs an inquiry on a registered VM and waits for it; throws InquiryFailedError with the service's advice. */
export async function inquire(ctx: BackupContext, containerId: string): Promise<void> {
  const ref = requireContainer(containerId);
  const vmName = ref.container.split(';').pop() ?? ref.container;
  const operation = await trackBackup(ctx, await ctx.clients().discovery.beginInquire(ref), {
    title: `Discover databases on ${vmName}`,
    resourceId: containerIdOf(ref),
    label: `VM ${vmName}`,
  });
  try {
    await operation.result;
  } catch (e) {
    if (!isAzureRequestError(e)) throw e;
    const container = await ctx
      .clients()
      .discovery.getContainer(ref)
      .catch(() => undefined);
    const recorded = inquiryErrorOf(container);
    const code = typeof recorded?.code === 'string' ? recorded.code : e.code;
    const advice = strings(recorded?.recommendations);
    const recommendations = advice.length ? advice : KNOWN_ADVICE[code] ? [KNOWN_ADVICE[code]] : [];
    throw new InquiryFailedError(vmName, code, e.message, recommendations, e);
  } finally {
    ctx.refresh(containerIdOf(ref));
  }
}

export const SYSTEM_DATABASES = ['master', 'model', 'msdb'];

/** A protectable item of one VM: an instance, an availability group or a database. */
export interface ProtectableDatabase {
  id: string;
  /** e.g. SQLDataBase;mssqlserver;SalesDb: the protected item's name once protected. */
  name: string;
  /** SQLDataBase, SQLInstance, SQLAvailabilityGroupContainer (open). */
  itemType: string;
  friendlyName: string;
  /** The instance (MSSQLSERVER) or availability group the database belongs to. */
  parentName?: string;
  serverName?: string;
  isAutoProtectable: boolean;
  /** NotProtected, Protecting, Protected (open). */
  protectionState: string;
  /** master, model, msdb: backed up like any database, with limits (master takes only Full backups). */
  isSystem: boolean;
  /** Protected already, or being configured. */
  isProtected: boolean;
}

function toProtectable(p: ProtectableItem): ProtectableDatabase {
  const props = p.properties ?? {};
  const itemType = props.protectableItemType ?? 'Unknown';
  const friendlyName = props.friendlyName ?? p.name ?? '';
  const protectionState = props.protectionState ?? 'NotProtected';
  return {
    id: p.id ?? '',
    name: p.name ?? '',
    itemType,
    friendlyName,
    parentName: props.parentName,
    serverName: props.serverName,
    isAutoProtectable: props.isAutoProtectable ?? false,
    protectionState,
    isSystem: itemType === 'SQLDataBase' && SYSTEM_DATABASES.includes(friendlyName.toLowerCase()),
    isProtected: ['protected', 'protecting'].includes(protectionState.toLowerCase()),
  };
}

/** What the last inquiry found on one VM (the vault-wide list, narrowed to the VM's container). */
export async function listProtectableItems(ctx: BackupContext, containerId: string): Promise<ProtectableDatabase[]> {
  const ref = requireContainer(containerId);
  const all = await ctx.clients().discovery.listProtectableItems(ref).toArray();
  return all.filter((p) => sameName(containerRefOf(p.id ?? '')?.container, ref.container)).map(toProtectable);
}

/** Only the databases (what protection is enabled for). */
export async function listProtectableDatabases(ctx: BackupContext, containerId: string): Promise<ProtectableDatabase[]> {
  return (await listProtectableItems(ctx, containerId)).filter((p) => p.itemType === 'SQLDataBase');
}
