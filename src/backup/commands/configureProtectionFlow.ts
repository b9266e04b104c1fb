// Configure protection, one guided flow: discover VMs → choose a VM → register it if needed → inquire →
// choose databases → choose a policy → enable protection. Each asynchronous step is tracked in the
// operations center and awaited. When a step fails, the flow keeps what was chosen; running the command
// again offers to continue from the failed step (answers already given are pre-picked when asked again).
import type * as vscode from 'vscode';
import type { ProtectionPolicy } from '../../azure/backup/backupModels';
import type { VaultRef } from '../../azure/backup/backupPaths';
import { InputDraft } from '../../ui/inputDraft';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { containerRefOf, vaultRefOf } from '../backupTarget';
import { BackupInputError } from '../workflows/backupInputError';
import { discoverVms, listVmCandidates, registerVm, type VmCandidate } from '../workflows/discoveryWorkflows';
import { inquire, listProtectableDatabases, type ProtectableDatabase } from '../workflows/inquiryWorkflows';
import { sameName, vaultIdOf } from '../workflows/protectionIds';
import { enableProtection, type ProtectionOutcome } from '../workflows/protectionWorkflows';
import { pickSqlPolicy, pickVault } from './backupPickers';

export type ConfigureStep = 'discover' | 'register' | 'inquire' | 'databases' | 'policy' | 'protect';

const STEP_LABEL: Record<ConfigureStep, string> = {
  discover: 'Discover VMs',
  register: 'Register the VM',
  inquire: 'Discover databases',
  databases: 'Choose databases',
  policy: 'Choose a policy',
  protect: 'Enable protection',
};

/** One run of the flow: what was chosen and done so far. Lives in memory only. */
interface Session {
  draft: InputDraft;
  step: ConfigureStep;
  vault?: VaultRef;
  vm?: VmCandidate;
  inquired?: boolean;
  databases?: ProtectableDatabase[];
  policy?: ProtectionPolicy;
  /** Item names still to protect (all chosen ones, or those whose protection failed). */
  remaining?: string[];
}

export interface ConfigureResult {
  vaultId: string;
  containerId: string;
  outcomes: ProtectionOutcome[];
}

interface Picked<T> extends vscode.QuickPickItem {
  value: T;
}

const SYSTEM_NOTE: Record<string, string> = {
  master: 'System database: master takes Full backups only (no differential or log backups).',
  model: 'System database: backed up like a user database; most servers keep it small and rarely changed.',
  msdb: 'System database: holds SQL Agent jobs and backup history; back it up with a daily Full policy.',
};

export class ConfigureProtectionFlow {
  /** The run that failed, to continue from its failed step. */
  private pending: Session | undefined;

  constructor(
    private readonly ctx: BackupContext,
    private readonly input: UserInput,
  ) {}

  /** Whether a failed run waits to be continued (for tests and the welcome text). */
  get pendingStep(): ConfigureStep | undefined {
    return this.pending?.step;
  }

  async run(arg?: unknown): Promise<ConfigureResult | undefined> {
    const session = await this.sessionFor(arg);
    if (!session) return undefined;
    this.pending = undefined;
    try {
      return await this.walk(session, arg);
    } catch (e) {
      if (session.vault) this.pending = session;
      throw e;
    }
  }

  /** A new session, or the failed one when the user continues it (same vault, or no node given). */
  private async sessionFor(arg: unknown): Promise<Session | undefined> {
    const pending = this.pending;
    const argVault = vaultRefOf(arg);
    const argVm = containerRefOf(arg);
    const fresh: Session = { draft: new InputDraft(), step: 'discover' };
    if (!pending?.vault || (argVault && !sameName(vaultIdOf(argVault), vaultIdOf(pending.vault)))) return fresh;
    if (argVm && pending.vm && !sameName(argVm.container, pending.vm.containerName)) return fresh;
    const where = [pending.vault.vault, pending.vm?.vmName, pending.databases?.map((d) => d.friendlyName).join(', ')]
      .filter(Boolean)
      .join(' → ');
    const choice = await this.input.pick(
      [
        { label: `Continue from "${STEP_LABEL[pending.step]}"`, detail: `Keeps: ${where}`, value: 'continue' as const },
        { label: 'Start over', value: 'restart' as const },
      ],
      { title: `Configure protection stopped at "${STEP_LABEL[pending.step]}"` },
    );
    if (!choice) return undefined;
    return choice.value === 'continue' ? pending : fresh;
  }

  private async walk(s: Session, arg: unknown): Promise<ConfigureResult | undefined> {
    const ui = s.draft.over(this.input);
    s.vault ??= vaultRefOf(arg) ?? (await pickVault(this.ctx, ui));
    if (!s.vault) return undefined;
    const vaultId = vaultIdOf(s.vault);

    if (!s.vm) {
      s.vm = await this.chooseVm(s, ui, vaultId, arg);
      if (!s.vm) return undefined;
    }
    if (!s.vm.registered) {
      s.step = 'register';
      s.vm = await registerVm(this.ctx, { vaultId, containerName: s.vm.containerName, sourceResourceId: s.vm.sourceResourceId });
    }
    const containerId = s.vm.containerId;
    if (!s.inquired) {
      s.step = 'inquire';
      await inquire(this.ctx, containerId);
      s.inquired = true;
    }
    if (!s.databases) {
      s.step = 'databases';
      s.databases = await this.chooseDatabases(ui, containerId, s.vm.vmName).catch((e: unknown) => {
        // Nothing found: continuing runs the inquiry again (after the VM was fixed), not just the list.
        if (e instanceof BackupInputError) [s.inquired, s.step] = [false, 'inquire'];
        throw e;
      });
      if (!s.databases) return undefined;
      s.remaining = s.databases.filter((d) => !d.isProtected).map((d) => d.name);
      if (!s.remaining.length) {
        s.databases = undefined;
        throw new BackupInputError('itemNames', 'Every chosen database is protected already: choose one that is not.');
      }
    }
    if (!s.policy) {
      s.step = 'policy';
      s.policy = await pickSqlPolicy(this.ctx, ui, s.vault, `Backup policy for ${s.remaining?.length ?? 0} database(s) on ${s.vm.vmName}`);
      if (!s.policy) return undefined;
    }
    s.step = 'protect';
    const results = await enableProtection(this.ctx, { containerId, itemNames: s.remaining ?? [], policyId: s.policy.id ?? '' });
    this.ctx.refresh(containerId);
    const outcomes = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = (s.remaining ?? []).filter((_, i) => results[i].status === 'rejected');
    if (failed.length) {
      s.remaining = failed;
      const first = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as unknown;
      if (failed.length === results.length) throw first;
      const names = failed.map((n) => n.split(';').pop()).join(', ');
      throw new Error(
        `${outcomes.length} database(s) protected; ${names} could not be: ${first instanceof Error ? first.message : String(first)}`,
      );
    }
    return { vaultId, containerId, outcomes };
  }

  /** From a VM node: that VM. Otherwise discover the vault's VMs and let the user choose one. */
  private async chooseVm(s: Session, ui: UserInput, vaultId: string, arg: unknown): Promise<VmCandidate | undefined> {
    const fromNode = containerRefOf(arg);
    s.step = 'discover';
    if (!fromNode) await discoverVms(this.ctx, vaultId);
    const candidates = await listVmCandidates(this.ctx, vaultId);
    if (fromNode) {
      const found = candidates.find((c) => sameName(c.containerName, fromNode.container));
      if (!found) throw new BackupInputError('containerId', `${fromNode.container} is not registered to ${fromNode.vault}.`);
      return found;
    }
    if (!candidates.length)
      throw new BackupInputError('containerId', 'Discovery found no SQL Server VM in the vault’s subscription and region.');
    const items = candidates.map((c): Picked<VmCandidate> => ({
      label: c.vmName,
      description: c.registered ? (c.registrationStatus ?? 'Registered') : 'Not registered: will be registered',
      detail: c.sourceResourceId,
      value: c,
    }));
    return (
      await ui.pick(items, { title: `Choose the SQL Server VM to protect (${s.vault?.vault ?? ''})`, key: 'vm', matchOnDetail: true })
    )?.value;
  }

  private async chooseDatabases(ui: UserInput, containerId: string, vmName: string): Promise<ProtectableDatabase[] | undefined> {
    const dbs = await listProtectableDatabases(this.ctx, containerId);
    if (!dbs.length) throw new BackupInputError('itemNames', `Discovery found no database on ${vmName}.`);
    const duplicate = (d: ProtectableDatabase) => dbs.filter((o) => o.friendlyName === d.friendlyName).length > 1;
    const items = dbs.map((d): Picked<ProtectableDatabase> => ({
      label: duplicate(d) ? `${d.friendlyName} (${d.parentName ?? ''})` : d.friendlyName,
      description: [
        d.parentName,
        d.isSystem ? 'system database' : undefined,
        d.isProtected ? `already ${d.protectionState.toLowerCase()}: will be skipped` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      detail: d.isSystem ? SYSTEM_NOTE[d.friendlyName.toLowerCase()] : undefined,
      value: d,
    }));
    const chosen = await ui.pickMany(items, { title: `Databases to protect on ${vmName}`, key: 'databases' });
    if (!chosen?.length) return undefined;
    return chosen.map((c) => c.value);
  }
}
