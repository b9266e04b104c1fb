// "Show Backup Jobs": the jobs panel of a vault, from the Backup tree's Jobs node (or any node below a
// vault: `{ resourceId }`) or from the palette through subscription → vault quick picks.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { PanelHost } from '../../ui/webview/webviewPanel';
import type { BackupContext } from '../backupContext';
import { jobRefOf } from '../backupTarget';
import { vaultOfTarget } from './vaultTarget';
import type { JobsPanel } from '../webviews/jobsPanel';
import { JobsPanels } from '../webviews/jobsPanels';
import { pickVault } from './backupPickers';

export const SHOW_JOBS_COMMAND = 'sqlDataMovement.backup.showJobs';

export interface JobsCommandDeps {
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
  host: PanelHost;
}

export function registerJobsCommands(deps: JobsCommandDeps): { panels: JobsPanels; disposables: vscode.Disposable[] } {
  const panels = new JobsPanels(deps.host, deps.ctx);
  const show = deps.errors.guard('Show the backup jobs', async (arg?: unknown): Promise<JobsPanel | undefined> => {
    const vault = vaultOfTarget(arg) ?? (await pickVault(deps.ctx, deps.input, 'Show backup jobs'));
    if (!vault) return undefined;
    const panel = panels.show(vault);
    // Given a job's id (…/backupJobs/{name}), the view opens on that job's details.
    const job = jobRefOf(arg)?.job;
    if (job) await panel.openJob(job);
    return panel;
  });
  return { panels, disposables: [panels, vscode.commands.registerCommand(SHOW_JOBS_COMMAND, show)] };
}
