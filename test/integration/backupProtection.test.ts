// Backup protection commands in the real VS Code against the emulator: configure protection from
// discovery to a protected database (each step in the operations center, the ConfigureBackup job
// followed to its end), an inquiry the VM refuses shown with the service's recommendation and then
// continued from the failed step with the choices kept, and stop / resume / delete data / unregister
// (delete refused for a wrongly typed name). Prompts are scripted.
import * as assert from 'node:assert/strict';
import type { ConfigureResult } from '../../src/backup/commands/configureProtectionFlow';
import type { ProtectionOutcome } from '../../src/backup/workflows/protectionWorkflows';
import type { ExtensionApi } from '../../src/extensionApi';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension } from './support/extension';
import { itemMenu } from './support/menus';
import { commandRuns } from './support/commandRuns';

const VIEW = 'sqlDataMovement.backup';

describe('Backup protection commands (real VS Code, emulator)', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();
  let prod: string;
  let vaultId: string;
  const vault = () => ({ subscriptionId: prod, resourceGroup: 'rg-backup', vault: 'contoso-backup-weu' });
  const containerId = (vm: string, rg: string) => `${vaultId}/backupFabrics/Azure/protectionContainers/VMAppContainer;Compute;${rg};${vm}`;

  const { run, refused } = commandRuns(() => api, script);
  const operation = (title: RegExp) => {
    const { running, history } = api.operations.tracker.list();
    return [...running, ...history].filter((r) => title.test(r.title));
  };
  /** Asks the emulator for a Backup failure (its control API, with the emulator's token). */
  const failNext = async (body: Record<string, string>) => {
    await control.call('POST', '/backup/failures', body);
  };

  before(async () => {
    api = await activateExtension();
    ({ control } = await useEmulator(api));
    api.userInput.use(script);
    const subs = await api.backup.clients().subscriptions.list().toArray();
    prod = subs.find((s) => s.displayName === 'Contoso Production')?.subscriptionId ?? '';
    assert.ok(prod);
    vaultId = `/subscriptions/${prod}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/contoso-backup-weu`;
  });
  after(() => {
    api.userInput.use(undefined);
  });

  it('offers its commands on vault, VM and database nodes by contextValue', () => {
    const commands = (contextValue: string) => itemMenu(VIEW, contextValue).map((m) => m.command);
    assert.ok(commands('backupVault').includes('sqlDataMovement.backup.configureProtection'));
    assert.ok(commands('backupContainer:Registered').includes('sqlDataMovement.backup.unregisterContainer'));
    assert.ok(commands('backupContainer:Registered').includes('sqlDataMovement.backup.configureProtection'));
    assert.ok(commands('backupProtectedItem:Protected').includes('sqlDataMovement.backup.stopProtection'));
    assert.ok(!commands('backupProtectedItem:Protected').includes('sqlDataMovement.backup.resumeProtection'));
    assert.ok(commands('backupProtectedItem:ProtectionStopped').includes('sqlDataMovement.backup.resumeProtection'));
  });

  it('configures protection from the palette: discovery → register → inquiry → databases → policy, the ConfigureBackup job followed to its end', async () => {
    script.script(
      { title: /Choose a subscription/, answer: 'Contoso Production' },
      { title: /Recovery Services vault/, answer: 'contoso-backup-weu' },
      { title: /SQL Server VM to protect/, answer: 'sqlvm-prod-02' },
      { title: /Databases to protect on sqlvm-prod-02/, answer: 'HRDb' },
      { title: /Backup policy for 1 database/, answer: 'SqlHourlyLog' },
    );
    const result = await run<ConfigureResult>('sqlDataMovement.backup.configureProtection');
    const [outcome] = result.outcomes;
    assert.equal(outcome.job?.properties?.operation, 'ConfigureBackup');
    assert.equal(outcome.job?.properties?.status, 'Completed');
    assert.match(outcome.item?.properties?.protectionState ?? '', /^(IRPending|Protected)$/);

    for (const [title, target] of [
      [/^Discover SQL Server VMs for contoso-backup-weu/, vaultId],
      [/^Register sqlvm-prod-02 with contoso-backup-weu/, containerId('sqlvm-prod-02', 'rg-sql-vms')],
      [/^Discover databases on sqlvm-prod-02/, containerId('sqlvm-prod-02', 'rg-sql-vms')],
      [/^Protect HRDb with SqlHourlyLog/, outcome.itemId],
    ] as const) {
      const [op] = operation(title);
      assert.equal(op?.status, 'succeeded', `${String(title)} ended in the operations center`);
      assert.equal(op.target.resourceId?.toLowerCase(), target.toLowerCase());
    }
    assert.equal(operation(/^Protect HRDb/)[0].jobId, outcome.job?.name, 'the operation names its ConfigureBackup job');
    const listed = await api.backup.clients().protection.listProtectedItems(vault()).toArray();
    assert.ok(
      listed.some((i) => i.properties?.friendlyName === 'HRDb' && /^(IRPending|Protected)$/.test(i.properties.protectionState ?? '')),
    );
  });

  it('shows a refused inquiry with the service recommendation, then continues from that step with the choices kept', async () => {
    const agVm = `/subscriptions/${prod}/resourceGroups/rg-sql-ag/providers/Microsoft.Compute/virtualMachines/sqlvm-ag-02`;
    await failNext({ kind: 'inquiry', target: agVm, code: 'UserErrorSQLNoSysadminMembership' });
    script.script({ title: /SQL Server VM to protect/, answer: 'sqlvm-ag-02' });
    const text = await refused('sqlDataMovement.backup.configureProtection', { resourceId: vaultId });
    assert.match(text, /UserErrorSQLNoSysadminMembership/);
    assert.match(text, /sysadmin/);
    assert.match(text, /NT SERVICE\\AzureWLBackupPluginSvc/, 'the recommendation is shown');
    assert.equal(operation(/^Discover databases on sqlvm-ag-02/)[0]?.status, 'failed');

    script.script(
      { title: /Configure protection stopped at "Discover databases"/, answer: 'Continue from "Discover databases"' },
      { title: /Databases to protect on sqlvm-ag-02/, answer: 'StagingDb' },
      { title: /Backup policy for 1 database/, answer: 'SqlDailyFull' },
    );
    const result = await run<ConfigureResult>('sqlDataMovement.backup.configureProtection', { resourceId: vaultId });
    assert.ok(!script.asked.slice(-3).some((t) => /subscription|vault|SQL Server VM/.test(t)), 'vault and VM were not asked again');
    assert.equal(result.outcomes[0].item?.properties?.friendlyName, 'StagingDb');
    assert.equal(result.outcomes[0].job?.properties?.status, 'Completed');
  });

  it('refuses to delete backup data for a wrongly typed name, stops keeping data, resumes, deletes, then unregisters the VM', async () => {
    const itemId = `${containerId('sqlvm-prod-02', 'rg-sql-vms')}/protectedItems/SQLDataBase;mssqlserver;HRDb`;
    const state = async () =>
      (
        await api.backup.clients().protection.getProtectedItem({
          ...vault(),
          container: 'VMAppContainer;Compute;rg-sql-vms;sqlvm-prod-02',
          item: 'SQLDataBase;mssqlserver;HRDb',
        })
      ).properties?.protectionState;

    script.script(
      { title: /Stop protection of HRDb/, answer: 'Stop and delete the backup data' },
      { title: /Type "HRDb"/, answer: 'hrdb' },
    );
    const text = await refused('sqlDataMovement.backup.stopProtection', { resourceId: itemId });
    assert.match(text, /Type the database name "HRDb" exactly/);
    assert.match((await state()) ?? '', /^(IRPending|Protected)$/, 'nothing was deleted');

    script.script(
      { title: /Stop protection of HRDb/, answer: 'Stop and keep the backup data' },
      { title: /Stop protection of "HRDb"/, answer: true },
    );
    const stopped = await run<ProtectionOutcome>('sqlDataMovement.backup.stopProtection', { resourceId: itemId });
    assert.equal(stopped.job?.properties?.operation, 'DisableBackup');
    assert.equal(await state(), 'ProtectionStopped');

    script.script({ title: /Backup policy to resume HRDb/, answer: 'SqlDailyFull' });
    const resumed = await run<ProtectionOutcome>('sqlDataMovement.backup.resumeProtection', { resourceId: itemId });
    assert.equal(resumed.job?.properties?.operation, 'ConfigureBackup');
    assert.equal(resumed.item?.properties?.policyName, 'SqlDailyFull');

    script.script(
      { title: /Stop protection of HRDb/, answer: 'Stop and delete the backup data' },
      { title: /Type "HRDb"/, answer: 'HRDb' },
    );
    const deleted = await run<ProtectionOutcome>('sqlDataMovement.backup.stopProtection', { resourceId: itemId });
    assert.equal(deleted.job?.properties?.operation, 'DeleteBackupData');
    assert.equal(operation(/^Delete backup data of HRDb/)[0]?.status, 'succeeded');
    await assert.rejects(state());

    script.script({ title: /Unregister sqlvm-prod-02/, answer: true });
    await run('sqlDataMovement.backup.unregisterContainer', { resourceId: containerId('sqlvm-prod-02', 'rg-sql-vms') });
    const registered = await api.backup.clients().discovery.listContainers(vault()).toArray();
    assert.ok(!registered.some((c) => c.properties?.friendlyName === 'sqlvm-prod-02'));
  });
});
