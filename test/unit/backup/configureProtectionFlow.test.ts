// The configure-protection flow against the emulator with scripted answers: from the palette through
// discovery, registration, inquiry and protection; an inquiry refusal kept for a second run that continues
// from the failed step without asking again; a failed ConfigureBackup job continued with the same
// databases and policy.
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { ConfigureProtectionFlow } from '../../../src/backup/commands/configureProtectionFlow';
import { InquiryFailedError } from '../../../src/backup/workflows/inquiryWorkflows';
import { BackupJobFailedError } from '../../../src/backup/workflows/protectionTracking';
import type { InputOptions, PickOptions, UserInput } from '../../../src/ui/userInput';
import { startBackupHarness, type BackupHarness } from './backupHarness';

interface Scripted {
  title: RegExp;
  answer: string | undefined;
}

/** Answers prompts in order (labels; comma-separated for pickMany); a prompt nobody scripted fails the test. */
class ScriptInput implements UserInput {
  private queue: Scripted[] = [];
  readonly offered: Array<{ title: string; labels: string[]; picked: string[]; descriptions: string[]; details: string[] }> = [];
  script(...answers: Scripted[]): void {
    this.queue.push(...answers);
  }
  get remaining(): number {
    return this.queue.length;
  }
  private next(title: string): string | undefined {
    const a = this.queue.shift();
    if (!a) throw new Error(`Unexpected prompt: "${title}"`);
    assert.match(title, a.title);
    return a.answer;
  }
  private record<T extends vscode.QuickPickItem>(title: string, list: T[]): void {
    this.offered.push({
      title,
      labels: list.map((i) => i.label),
      picked: list.filter((i) => i.picked).map((i) => i.label),
      descriptions: list.map((i) => i.description ?? ''),
      details: list.map((i) => i.detail ?? ''),
    });
  }
  async pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options: PickOptions): Promise<T | undefined> {
    const list = await items;
    this.record(options.title, list);
    const answer = this.next(options.title);
    if (answer === undefined) return undefined;
    const found = list.find((i) => i.label === answer) ?? list.find((i) => i.label.startsWith(answer));
    assert.ok(found, `"${options.title}" offers "${answer}" (offers ${list.map((i) => i.label).join(', ')})`);
    return found;
  }
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T[] | undefined> {
    this.record(options.title, items);
    const labels = (this.next(options.title) ?? '').split(',').filter(Boolean);
    return Promise.resolve(items.filter((i) => labels.includes(i.label)));
  }
  input(options: InputOptions): Promise<string | undefined> {
    return Promise.resolve(this.next(options.title));
  }
  confirm(message: string): Promise<boolean> {
    return Promise.resolve(this.next(message) === 'yes');
  }
  errorChoice(message: string): Promise<string | undefined> {
    return Promise.resolve(this.next(message));
  }
}

describe('Configure protection flow (emulator, scripted answers)', function () {
  this.timeout(60_000);
  let h: BackupHarness;
  let input: ScriptInput;
  let flow: ConfigureProtectionFlow;

  beforeEach(async () => {
    h = await startBackupHarness();
    input = new ScriptInput();
    flow = new ConfigureProtectionFlow(h.ctx, input);
  });
  afterEach(() => h.stop());

  const paletteToVault = (): Scripted[] => [
    { title: /Choose a subscription/, answer: 'Contoso Production' },
    { title: /Recovery Services vault/, answer: 'contoso-backup-weu' },
  ];

  it('walks from the palette to a protected database; system and protected databases are explained, policies show their schedule', async () => {
    input.script(
      ...paletteToVault(),
      { title: /SQL Server VM to protect/, answer: 'sqlvm-prod-01' },
      { title: /Databases to protect on sqlvm-prod-01/, answer: 'ReportingDb,model' },
      { title: /Backup policy for 2 database/, answer: 'SqlDailyFull' },
    );
    const result = await flow.run();
    assert.equal(input.remaining, 0);
    assert.ok(result);
    assert.deepEqual(result.outcomes.map((o) => o.item?.properties?.friendlyName).sort(), ['ReportingDb', 'model']);
    assert.ok(result.outcomes.every((o) => o.job?.properties?.operation === 'ConfigureBackup' && o.job.properties.status === 'Completed'));

    const vms = input.offered.find((o) => /SQL Server VM/.test(o.title))!;
    assert.equal(vms.descriptions[vms.labels.indexOf('sqlvm-prod-01')], 'Registered');
    assert.match(vms.descriptions[vms.labels.indexOf('sqlvm-prod-02')], /Not registered/);
    const dbs = input.offered.find((o) => /Databases to protect/.test(o.title))!;
    assert.match(dbs.descriptions[dbs.labels.indexOf('SalesDb')], /already protected/);
    assert.match(dbs.descriptions[dbs.labels.indexOf('master')], /system database/);
    assert.match(dbs.details[dbs.labels.indexOf('master')], /Full backups only/);
    const policies = input.offered.find((o) => /Backup policy/.test(o.title))!;
    assert.deepEqual(policies.labels.sort(), ['SqlDailyFull', 'SqlHourlyLog', 'SqlWeeklyFullDailyDiff']);
    assert.match(policies.details.join('\n'), /Log every 60 min, kept 30 days/);
    assert.equal(flow.pendingStep, undefined);
  });

  it('keeps the choices when the inquiry is refused and continues from that step on the next run', async () => {
    const subs = await h.clients.subscriptions.list().toArray();
    const prod = subs.find((s) => s.displayName === 'Contoso Production')!.subscriptionId!;
    await h.control('/_emulator/backup/failures', {
      kind: 'inquiry',
      target: `/subscriptions/${prod}/resourceGroups/rg-sql-vms/providers/Microsoft.Compute/virtualMachines/sqlvm-prod-02`,
      code: 'UserErrorSQLNoSysadminMembership',
    });
    input.script(...paletteToVault(), { title: /SQL Server VM to protect/, answer: 'sqlvm-prod-02' });
    await assert.rejects(flow.run(), (e: unknown) => e instanceof InquiryFailedError && /sysadmin/.test(e.message));
    assert.equal(flow.pendingStep, 'inquire');
    const registered = await h.clients.discovery
      .listContainers({ subscriptionId: prod, resourceGroup: 'rg-backup', vault: 'contoso-backup-weu' })
      .toArray();
    assert.ok(
      registered.some((c) => c.properties?.friendlyName === 'sqlvm-prod-02'),
      'the VM was registered before the inquiry',
    );

    const registers = h.requests.filter((r) => r.method === 'PUT' && /protectionContainers\/[^/]+$/.test(r.path)).length;
    input.script(
      { title: /Configure protection stopped at "Discover databases"/, answer: 'Continue from "Discover databases"' },
      { title: /Databases to protect on sqlvm-prod-02/, answer: 'HRDb' },
      { title: /Backup policy for 1 database/, answer: 'SqlHourlyLog' },
    );
    const result = await flow.run({
      resourceId: `/subscriptions/${prod}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/contoso-backup-weu`,
    });
    assert.equal(input.remaining, 0, 'neither the vault nor the VM was asked again');
    assert.equal(
      h.requests.filter((r) => r.method === 'PUT' && /protectionContainers\/[^/]+$/.test(r.path)).length,
      registers,
      'not registered twice',
    );
    assert.equal(result?.outcomes[0].item?.properties?.protectionState, 'IRPending');
    assert.equal(flow.pendingStep, undefined);
  });

  it('continues a failed ConfigureBackup job with the same databases and policy, asking nothing else', async () => {
    await h.control('/_emulator/backup/failures', { kind: 'job', target: 'ConfigureBackup', code: 'CloudInternalError' });
    input.script(
      ...paletteToVault(),
      { title: /SQL Server VM to protect/, answer: 'sqlvm-prod-01' },
      { title: /Databases to protect/, answer: 'ReportingDb' },
      { title: /Backup policy/, answer: 'SqlDailyFull' },
    );
    await assert.rejects(
      flow.run(),
      (e: unknown) =>
        e instanceof BackupJobFailedError &&
        e.code === 'CloudInternalError' &&
        e.job.properties?.operation === 'ConfigureBackup' &&
        /Recommendation: Wait a few minutes/.test(e.message),
    );
    assert.equal(flow.pendingStep, 'protect');
    const failed = h.tracker.list().history.find((r) => r.title === 'Protect ReportingDb with SqlDailyFull');
    assert.equal(failed?.status, 'failed');
    assert.ok(failed?.jobId, 'the failed operation names its job');
    assert.equal(failed?.error?.code, 'CloudInternalError', "the operation's error is its job's");
    assert.match(failed?.error?.message ?? '', /Recommendation: Wait a few minutes/);
    input.script({ title: /stopped at "Enable protection"/, answer: 'Continue from "Enable protection"' });
    const result = await flow.run();
    assert.equal(input.remaining, 0);
    assert.equal(result?.outcomes[0].item?.properties?.friendlyName, 'ReportingDb');
    assert.equal(result?.outcomes[0].item?.properties?.policyName, 'SqlDailyFull');
  });

  it('starting over forgets the failed run', async () => {
    await h.control('/_emulator/backup/failures', { kind: 'job', target: 'ConfigureBackup', code: 'CloudInternalError' });
    input.script(
      ...paletteToVault(),
      { title: /SQL Server VM to protect/, answer: 'sqlvm-prod-01' },
      { title: /Databases to protect/, answer: 'ReportingDb' },
      { title: /Backup policy/, answer: 'SqlDailyFull' },
    );
    await assert.rejects(flow.run());
    input.script({ title: /stopped at/, answer: 'Start over' }, ...paletteToVault(), { title: /SQL Server VM/, answer: undefined });
    assert.equal(await flow.run(), undefined);
    assert.equal(input.remaining, 0);
    assert.equal(flow.pendingStep, undefined, 'a cancelled run leaves nothing to continue');
  });
});
