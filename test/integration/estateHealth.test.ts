// The Estate Health view in the real VS Code against the emulator's demo estate: problems of all three
// services, their actions (read-only ones run at once, the others after a confirmation), the status-bar
// summary and the exports.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JobsPanel } from '../../src/backup/webviews/jobsPanel';
import type { EstateNode } from '../../src/estate/estateHealthTree';
import type { EstateSnapshot } from '../../src/estate/workflows/estateHealth';
import type { ExtensionApi } from '../../src/extensionApi';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { useEmulator } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';

describe('Estate Health view (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  const script = new ScriptedUserInput();

  const problems = (): Array<Extract<EstateNode, { kind: 'problem' }>> =>
    api.estate.tree
      .getChildren()
      .flatMap((n) => api.estate.tree.getChildren(n))
      .filter((n): n is Extract<EstateNode, { kind: 'problem' }> => n.kind === 'problem');
  const problem = (resource: RegExp, summary?: RegExp) => {
    const found = problems().find((n) => resource.test(n.problem.resource) && (!summary || summary.test(n.problem.summary)));
    assert.ok(
      found,
      `a problem for ${String(resource)} (${problems()
        .map((n) => n.problem.resource)
        .join(' | ')})`,
    );
    return found;
  };
  const runAction = async (node: EstateNode) => {
    const before = api.errors.shown.length;
    const result = await vscode.commands.executeCommand('sqlDataMovement.estate.runAction', node);
    assert.deepEqual(
      api.errors.shown.slice(before).map((e) => e.text),
      [],
    );
    assert.equal(script.remaining, 0, `asked: ${script.asked.join(' | ')}`);
    return result;
  };

  before(async () => {
    api = await activateExtension();
    await useEmulator(api);
    api.userInput.use(script);
  });
  after(() => api.userInput.use(undefined));

  it('scans all three services and lists their problems, errors first', async () => {
    const snapshot = await vscode.commands.executeCommand<EstateSnapshot>('sqlDataMovement.estate.refresh');
    assert.ok(snapshot.lastScan?.summary);
    assert.ok(snapshot.counts.dataSync > 0 && snapshot.counts.fabric > 0 && snapshot.counts.backup > 0);
    const roots = api.estate.tree.getChildren().map((n) => api.estate.tree.getTreeItem(n).label as string);
    assert.match(roots[0], /^Errors \(\d+\)$/);
    assert.match(roots[1], /^Warnings \(\d+\)$/);
    assert.equal(roots[2], 'Everything else is healthy');
    problem(/^sync group branch-sync/, /last sync failed/);
    problem(/^sync agent onprem-agent-02/, /Offline/);
    problem(/^mirrored database RetailOps mirror/, /tables failed: dbo\.PriceListHistory/);
    problem(/^mirrored database Sales replica \(east\)/, /Stopped, not Running/);
    problem(/^database DevSales on sqlvm-dev-01/, /last backup failed/);
    problem(/^Backup \(Full\) of DevSales/, /sysadmin/);
    const item = api.estate.tree.getTreeItem(problem(/^sync group branch-sync/));
    assert.equal(item.contextValue, 'estateProblem:action');
    assert.equal(item.command?.command, 'sqlDataMovement.estate.runAction');
    assert.match(api.estate.statusBar.text, /^\$\(error\) \d+ \$\(warning\) \d+$/);
  });

  it('opens the sync logs of a failed group at once (a read-only action)', async () => {
    await runAction(problem(/^sync group branch-sync/));
    await waitFor('the logs panel', () =>
      [...api.dataSyncWebviews.syncLogs.keys()].some((k) => k.endsWith('/syncgroups/branch-sync')) ? true : undefined,
    );
  });

  it('asks before an action that changes something, and does nothing when declined', async () => {
    const node = problem(/^mirrored database Sales replica \(east\)/);
    const target = node.problem.action?.args[0] as { workspaceId: string; itemId: string };
    const status = async () =>
      (
        await api.fabric
          .clients()
          .mirroredDatabases.getMirroringStatus({ workspaceId: target.workspaceId, mirroredDatabaseId: target.itemId })
      ).status;
    script.script({ title: /^Start Mirroring: mirrored database Sales replica/, answer: false });
    await runAction(node);
    assert.equal(await status(), 'Stopped');
    script.script({ title: /^Start Mirroring: mirrored database Sales replica/, answer: true });
    await runAction(node);
    await waitFor('mirroring to start', async () => ((await status()) === 'Running' ? true : undefined));
    await vscode.commands.executeCommand('sqlDataMovement.estate.refresh');
    assert.ok(
      !problems().some((n) => /^mirrored database Sales replica \(east\)/.test(n.problem.resource)),
      'the problem is gone after a rescan',
    );
    // Leave the estate as the other suites expect it: this database stopped.
    await api.fabric.clients().mirroredDatabases.stopMirroring({ workspaceId: target.workspaceId, mirroredDatabaseId: target.itemId });
    await waitFor('mirroring to stop again', async () => ((await status()) === 'Stopped' ? true : undefined));
  });

  it("opens a failed backup job's details in its vault's jobs view (a read-only action)", async () => {
    const node = problem(/^Backup \(Full\) of DevSales/, /failed/);
    const panel = (await runAction(node)) as JobsPanel;
    assert.equal(panel.vault.vault, 'contoso-dev-backup-wus2');
    const jobName = String(node.problem.action?.args.map((a) => (a as { resourceId: string }).resourceId)[0])
      .split('/')
      .pop();
    await waitFor("the job's details", () =>
      panel.posted.find((m) => m.type === 'details' && m.details.name === jobName) ? true : undefined,
    );
  });

  it('exports the problems as Markdown and CSV documents', async () => {
    const md = await vscode.commands.executeCommand<vscode.TextDocument>('sqlDataMovement.estate.exportMarkdown');
    assert.equal(md.languageId, 'markdown');
    assert.match(md.getText(), /^# Estate health/);
    assert.match(md.getText(), /## Azure Backup \(\d+\)/);
    const csv = await vscode.commands.executeCommand<vscode.TextDocument>('sqlDataMovement.estate.exportCsv');
    assert.match(csv.getText(), /^severity,service,resource,problem,detail,action\r\n/);
    assert.equal(csv.getText().trim().split('\r\n').length, problems().length + 1);
  });
});
