// Backup policies as JSON documents: View Policy (read-only), Edit Policy and Create Policy. From a
// policy node (`{ resourceId }` = the policy's id), a vault or its Policies folder (the vault's id), or
// the palette through subscription → vault (→ policy) quick picks. Registers the policy file system.
import * as vscode from 'vscode';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { policyRefOf } from '../backupTarget';
import { vaultOfTarget } from './vaultTarget';
import { PolicyFileSystemProvider } from '../policyEditor/policyFileSystemProvider';
import { POLICY_SCHEME } from '../policyEditor/policyUri';
import { policyExists, policyNameProblem } from '../workflows/policyWorkflows';
import { pickVault } from './backupPickers';

export const VIEW_POLICY_COMMAND = 'sqlDataMovement.backup.viewPolicy';
export const EDIT_POLICY_COMMAND = 'sqlDataMovement.backup.editPolicy';
export const CREATE_POLICY_COMMAND = 'sqlDataMovement.backup.createPolicy';

export interface PolicyCommandDeps {
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
}

async function pickPolicy(deps: PolicyCommandDeps, title: string): Promise<(VaultRef & { policy: string }) | undefined> {
  const vault = await pickVault(deps.ctx, deps.input, title);
  if (!vault) return undefined;
  const picked = await deps.input.pick(
    deps.ctx
      .clients()
      .vaults.listPolicies(vault)
      .toArray()
      .then((ps) =>
        ps.filter((p) => p.name).map((p) => ({ label: p.name as string, description: `${p.properties?.protectedItemsCount ?? 0} items` })),
      ),
    { title: `${title}: SQL backup policy in ${vault.vault}`, key: 'backup.policy' },
  );
  return picked && { ...vault, policy: picked.label };
}

async function show(uri: vscode.Uri): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
  return uri;
}

export function registerPolicyCommands(deps: PolicyCommandDeps): { provider: PolicyFileSystemProvider; disposables: vscode.Disposable[] } {
  const provider = new PolicyFileSystemProvider(deps);
  const open = (readonly: boolean) =>
    deps.errors.guard(readonly ? 'View the backup policy' : 'Edit the backup policy', async (arg?: unknown) => {
      const ref = policyRefOf(arg) ?? (await pickPolicy(deps, readonly ? 'View backup policy' : 'Edit backup policy'));
      if (!ref) return undefined;
      return show(await provider.uriFor(ref, ref.policy, readonly));
    });
  const create = deps.errors.guard('Create a backup policy', async (arg?: unknown) => {
    const vault = vaultOfTarget(arg) ?? (await pickVault(deps.ctx, deps.input, 'Create backup policy'));
    if (!vault) return undefined;
    const name = await deps.input.input({
      title: `Create backup policy in ${vault.vault}: name`,
      prompt: 'Starts from a daily Full (kept 30 days) and an hourly Log (kept 15 days); edit it, then save to create it.',
      validateInput: (value) => policyNameProblem(value.trim()),
    });
    const trimmed = name?.trim();
    if (!trimmed) return undefined;
    const problem = policyNameProblem(trimmed);
    if (problem) throw new Error(problem);
    if (await policyExists(deps.ctx, vault, trimmed)) throw new Error(`The vault ${vault.vault} already has a policy named ${trimmed}.`);
    return show(provider.draftUri(vault, trimmed));
  });
  return {
    provider,
    disposables: [
      provider,
      vscode.workspace.registerFileSystemProvider(POLICY_SCHEME, provider, { isCaseSensitive: true }),
      vscode.commands.registerCommand(VIEW_POLICY_COMMAND, open(true)),
      vscode.commands.registerCommand(EDIT_POLICY_COMMAND, open(false)),
      vscode.commands.registerCommand(CREATE_POLICY_COMMAND, create),
    ],
  };
}
