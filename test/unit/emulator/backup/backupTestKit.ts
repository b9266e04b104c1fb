// Shared pieces of the Backup tests: the demo estate's ids, api-version helpers, an extension-side
// connection (src/auth + src/azure clients) to a running emulator, and raw tracking-URL polling.
import { createAzureConnection, type AzureConnection } from '../../../../src/auth/azureConnection';
import { InMemorySecretStore } from '../../../../src/auth/secretStore';
import { emulatorCloud } from '../../../../src/azure/clouds';
import type { EmulatorHandle } from '../../../../src/emulator/index';
import { sleep, type CallResult, type TestEmulator } from '../helpers';
import { jobOf } from './backupAnswers';

export const BMS = '2026-02-01';
export const VAULTS = '2026-08-01';
/** Fast enough for unit tests: a 210 s registration takes 35 ms, a 120 s Full backup 20 ms. */
export const FAST_BACKUP = { backupTimeScale: 6000 };

export const b = (p: string, apiVersion = BMS): string => `${p}${p.includes('?') ? '&' : '?'}api-version=${apiVersion}`;

export function backupIds(emu: EmulatorHandle) {
  const st = emu.control.state();
  const prod = st.subscriptions.find((s) => s.displayName === 'Contoso Production')!.subscriptionId;
  const vault = `/subscriptions/${prod}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/contoso-backup-weu`;
  const vm = (rg: string, name: string) =>
    `/subscriptions/${prod}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
  const container = (rg: string, name: string) => `${vault}/backupFabrics/Azure/protectionContainers/VMAppContainer;Compute;${rg};${name}`;
  return {
    prod,
    vault,
    vaultRef: { subscriptionId: prod, resourceGroup: 'rg-backup', vault: 'contoso-backup-weu' },
    prod01: container('rg-sql-vms', 'sqlvm-prod-01'),
    prod02: container('rg-sql-vms', 'sqlvm-prod-02'),
    ag01: container('rg-sql-ag', 'sqlvm-ag-01'),
    ag02: container('rg-sql-ag', 'sqlvm-ag-02'),
    vmProd02: vm('rg-sql-vms', 'sqlvm-prod-02'),
    vmAg02: vm('rg-sql-ag', 'sqlvm-ag-02'),
    salesItem: `${container('rg-sql-vms', 'sqlvm-prod-01')}/protectedItems/SQLDataBase;mssqlserver;SalesDb`,
    msdbItem: `${container('rg-sql-vms', 'sqlvm-prod-01')}/protectedItems/SQLDataBase;mssqlserver;msdb`,
    policy: (name: string) => `${vault}/backupPolicies/${name}`,
  };
}

/** Encodes the ';' of container and item names, as clients do. */
export const enc = (path: string): string => path.replace(/;/g, '%3B');

export async function connect(emu: EmulatorHandle): Promise<AzureConnection> {
  const secrets = new InMemorySecretStore();
  await secrets.store('emulator-secret', 'emulator');
  return createAzureConnection({
    cloud: emulatorCloud({ ...emu.endpoints, certificate: emu.certificatePem }),
    secrets,
    source: { kind: 'emulator', tenantId: emu.tenantId, clientId: 'emulator', secretKey: 'emulator-secret' },
  });
}

/** The body that registers a discovered SQL VM as a VMAppContainer. */
export const registerBody = (vmId: string) => ({
  properties: {
    containerType: 'VMAppContainer',
    backupManagementType: 'AzureWorkload',
    sourceResourceId: vmId,
    workloadType: 'SQLDataBase',
  },
});

export const WAIT = { minDelayMs: 10, maxDelayMs: 50 };

const statusOf = (r: CallResult): unknown => (r.body as { status?: unknown } | undefined)?.status;

/** Polls a tracking URL while it answers 202 (operationResults) or InProgress (OperationStatus). */
export async function track(t: TestEmulator, url: string, maxMs = 10_000): Promise<{ seen: CallResult[]; final: CallResult }> {
  const seen: CallResult[] = [];
  const end = Date.now() + maxMs;
  for (;;) {
    const r = await t.call('GET', url);
    seen.push(r);
    if (r.status !== 202 && statusOf(r) !== 'InProgress') return { seen, final: r };
    if (Date.now() > end) throw new Error(`still running after ${maxMs} ms: ${url}`);
    await sleep(10);
  }
}

/** Waits for a job to leave InProgress / Cancelling; returns its final GET. */
export async function waitForJob(t: TestEmulator, vault: string, jobId: string, maxMs = 10_000): Promise<CallResult> {
  const end = Date.now() + maxMs;
  for (;;) {
    const r = await t.call('GET', b(`${vault}/backupJobs/${jobId}`));
    const status = jobOf(r).properties.status;
    if (status !== 'InProgress' && status !== 'Cancelling') return r;
    if (Date.now() > end) throw new Error(`job ${jobId} still running after ${maxMs} ms`);
    await sleep(10);
  }
}
