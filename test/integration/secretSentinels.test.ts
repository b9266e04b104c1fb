// Two guarantees about what crosses the extension's edges, in the real VS Code against the emulator:
// every webview refuses a page message of the wrong shape (and logs why) before acting on it; and known
// sentinel secrets — hub and member passwords, the client secret, an agent key, the bearer tokens the
// emulator issues — are found in nothing the extension wrote: output channel logs, globalState and
// workspaceState, operation records, recorded webview messages, exported logs, "Copy as REST" and
// "Copy Details" text, and the errors and notices it showed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import { EMULATOR_SECRET_KEY } from '../../src/environment/connectionManager';
import type { SetupWizardPanel } from '../../src/dataSync/webviews/setupWizardPanel';
import type { SyncLogsPanel } from '../../src/dataSync/webviews/syncLogsPanel';
import type { WebviewPanelBase } from '../../src/ui/webview/webviewPanel';
import type { TrackedOperation } from '../../src/operations/operationTracker';
import { ScriptedUserInput } from '../../src/ui/userInput';
import { freeHubDatabases, useEmulator } from './support/emulator';
import { activateExtension, waitFor } from './support/extension';

const HUB_PASSWORD = 'Sentinel-Hub-Pw-5a1f9c';
const MEMBER_PASSWORD = 'Sentinel-Member-Pw-77d2e0';
const CLIENT_SECRET = 'Sentinel-Client-Secret-3c9b41';

type AnyPanel = WebviewPanelBase<{ type: string }, { type: string }>;

/** Every file under `dir` (code-server's state: logs, storage), except the emulator's own data folder —
 *  the emulator plays Azure, which legitimately holds the passwords it was given. */
function filesUnder(dir: string, skip: (p: string) => boolean, found: string[] = [], depth = 0): string[] {
  if (depth > 12) return found;
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (skip(p)) continue;
    if (e.isDirectory()) filesUnder(p, skip, found, depth + 1);
    else if (e.isFile()) found.push(p);
  }
  return found;
}

describe('untrusted page messages and sentinel secrets (real VS Code)', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let savedSecret: string | undefined;

  before(async () => {
    api = await activateExtension();
    // A client secret of our own: the emulator accepts any, and a fresh connection signs in with it.
    savedSecret = await api.secrets.get(EMULATOR_SECRET_KEY);
    await api.secrets.store(EMULATOR_SECRET_KEY, CLIENT_SECRET);
    await vscode.commands.executeCommand('sqlDataMovement.chooseEnvironment', 'AzureCloud');
    await useEmulator(api);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.secrets.store(EMULATOR_SECRET_KEY, savedSecret ?? 'emulator');
    api.userInput.use(undefined);
  });

  it('every webview refuses a page message of the wrong shape, logs why, and acts on nothing', async () => {
    const salesSync = `${await databaseIdByName(api, 'SalesHub')}/syncGroups/sales-sync`;
    const ws = (await api.fabric.clients().workspaces.list().toArray()).find((w) => w.displayName === 'Sales Analytics');
    const db = (await api.fabric.clients().mirroredDatabases.list(ws!.id!).toArray()).find((d) => d.displayName === 'RetailOps mirror');
    // One at a time: a page loads (and says ready) only while its tab shows.
    const openers: [string, () => Thenable<unknown>][] = [
      ['setup wizard', () => vscode.commands.executeCommand('sqlDataMovement.dataSync.openSetupWizard')],
      ['schema picker', () => vscode.commands.executeCommand('sqlDataMovement.dataSync.chooseSchema', salesSync)],
      ['sync logs', () => vscode.commands.executeCommand('sqlDataMovement.dataSync.viewLogs', salesSync)],
      ['create wizard', () => vscode.commands.executeCommand('sqlDataMovement.fabric.createMirroredDatabase')],
      [
        'replication monitor',
        () =>
          vscode.commands.executeCommand('sqlDataMovement.fabric.openMonitor', {
            workspaceId: ws!.id,
            itemId: db!.id,
            displayName: db!.displayName,
            workspaceName: ws!.displayName,
          }),
      ],
    ];
    const wrong: unknown[] = [
      'not an object',
      { type: 'dropTables', table: '[dbo].[Customers]' },
      { type: 'cspViolation', directive: 42, blocked: { html: '<img src=x>' } },
      { noType: true },
    ];
    for (const [name, open] of openers) {
      const panel = (await open()) as AnyPanel | undefined;
      assert.ok(panel, `${name} opened`);
      await within(panel.ready, 60_000, `the ${name} page to say ready`);
      const before = { refused: panel.refused.length, logged: panel.logged.length };
      for (const m of wrong) await panel.simulate(m as { type: string });
      assert.equal(panel.refused.length - before.refused, wrong.length, `${name}: ${JSON.stringify(panel.refused)}`);
      assert.match(panel.refused[before.refused + 1], /unknown message type "dropTables"/, name);
      assert.match(panel.refused[before.refused + 2], /directive/, name);
      assert.ok(
        !panel.received.some((r) => r.type === 'dropTables' || (r as { noType?: unknown }).noType),
        `${name}: nothing reached a handler`,
      );
      assert.ok(!panel.cspViolations.some((v) => v.includes('<img')), `${name}: the wrong cspViolation was not recorded as one`);
      const logged = panel.logged.slice(before.logged).filter((l) => /refused a message from the page/.test(l));
      assert.equal(logged.length, wrong.length, `${name} logged every refusal`);
      panel.dispose();
    }
    const gettingStarted = api.gettingStarted;
    gettingStarted.show();
    await waitFor('the Getting Started page', () => gettingStarted.lastReady, 30_000);
    const ran: string[] = [];
    const listener = vscode.commands.registerCommand('sqlDataMovement.it.neverRun', () => ran.push('ran'));
    try {
      const from = gettingStarted.refused.length;
      for (const m of [...wrong, { type: 'run', action: 'it.neverRun' }, { type: 'ready', elements: 'all' }]) gettingStarted.simulate(m);
      assert.equal(gettingStarted.refused.length - from, wrong.length + 2, JSON.stringify(gettingStarted.refused));
      assert.deepEqual(ran, [], 'an action outside the list is refused, not run');
      assert.notEqual(gettingStarted.lastReady?.elements, 'all');
    } finally {
      listener.dispose();
    }
  });

  it('finds no sentinel secret in anything the extension wrote', async () => {
    const conn = api.connections.current();
    if (typeof conn === 'string') assert.fail(conn);
    const arm = await freeHubDatabases(conn.arm);
    const hubId = arm[0];
    const serverId = hubId.replace(/\/databases\/[^/]+$/i, '');
    const clipboard: string[] = [];

    // A group with a hub password, a member with its password, through the wizard's protocol.
    const memberId = await databaseIdByName(api, 'DevSalesCopy');
    const wizard = await vscode.commands.executeCommand<SetupWizardPanel>('sqlDataMovement.dataSync.openSetupWizard', hubId);
    await waitFor('the wizard', () => wizard.posted.some((m) => m.type === 'init'), 30_000);
    const name = 'it-sentinel';
    await wizard.simulate({
      type: 'submitGroup',
      form: {
        subscriptionId: hubId.split('/')[2],
        serverId,
        hubDatabaseId: hubId,
        name,
        syncDatabaseId: arm[1],
        interval: '300',
        manual: false,
        conflictResolutionPolicy: 'HubWin',
        enableConflictLogging: true,
        conflictLoggingRetentionInDays: '14',
        usePrivateLinkConnection: false,
        hubDatabaseUserName: 'hubadmin',
        hubDatabasePassword: HUB_PASSWORD,
      },
    });
    const groupId = (await waitFor('the group', () => wizard.posted.find((m) => m.type === 'groupCreated'), 60_000)) as unknown as {
      group: { id: string };
    };
    await wizard.simulate({
      type: 'submitMember',
      form: {
        name: 'sentinel-member',
        kind: 'azure',
        subscriptionId: memberId.split('/')[2],
        serverId: memberId.replace(/\/databases\/[^/]+$/i, ''),
        databaseId: memberId,
        agentId: '',
        sqlServerDatabaseId: '',
        syncDirection: 'Bidirectional',
        userName: 'memberadmin',
        password: MEMBER_PASSWORD,
        usePrivateLinkConnection: false,
      },
    });
    await waitFor('the member', () => wizard.posted.find((m) => m.type === 'members'), 60_000);

    const added = api.operations.tracker.list().history.find((r) => r.title.includes('sentinel-member'));
    assert.ok(added, 'the add-member operation is in the history');

    // Copy as REST and Copy Details of the operations that carried passwords.
    for (const r of api.operations.tracker.list().history.filter((h) => /it-sentinel|sentinel-member/.test(h.title))) {
      for (const command of ['sqlDataMovement.operations.copyAsRestRequest', 'sqlDataMovement.operations.copyDetails']) {
        await vscode.commands.executeCommand(command, r.id);
        clipboard.push(await vscode.env.clipboard.readText());
      }
    }

    // An agent key: generated to the clipboard (its value is a sentinel too).
    const agentName = 'it-sentinel-agent';
    const script = new ScriptedUserInput();
    api.userInput.use(script);
    script.script(
      { title: /Name of the new sync agent/, answer: agentName },
      { title: /sync metadata database/, answer: arm[1].split('/').pop()! },
    );
    const createdAgent = await vscode.commands.executeCommand<TrackedOperation<unknown>>(
      'sqlDataMovement.dataSync.createAgent',
      `${serverId}/syncAgents`,
    );
    await createdAgent?.result;
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.generateAgentKey', `${serverId}/syncAgents/${agentName}`);
    const agentKey = await vscode.env.clipboard.readText();
    assert.ok(agentKey.length >= 20, 'an agent key on the clipboard');
    await vscode.env.clipboard.writeText('');

    // Export the group's logs, as a user would.
    const logs = await vscode.commands.executeCommand<SyncLogsPanel>('sqlDataMovement.dataSync.viewLogs', groupId.group.id);
    await within(logs.ready, 60_000, 'the log view');
    await waitFor('the first page of logs', () => logs.posted.some((m) => m.type === 'entries'), 30_000);
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqldm-sentinel-'));
    logs.exportTarget = (_uri, format) => Promise.resolve(vscode.Uri.file(path.join(exportDir, `logs.${format}`)));
    await logs.simulate({ type: 'export', format: 'csv' });
    await logs.simulate({ type: 'export', format: 'json' });

    // The bearer tokens this connection holds (cached: the very ones sent).
    const tokens: string[] = [];
    for (const scope of [conn.cloud.armScope, conn.cloud.fabricScope].filter((x): x is string => !!x)) {
      const t = await conn.credential.getToken(scope).catch(() => null);
      if (t?.token) tokens.push(t.token);
    }
    assert.ok(tokens.length >= 1, 'the emulator issued a token');
    const sentinels: [string, string][] = [
      ['hub password', HUB_PASSWORD],
      ['member password', MEMBER_PASSWORD],
      ['client secret', CLIENT_SECRET],
      ['agent key', agentKey],
      ...tokens.map((t, i): [string, string] => [`bearer token ${i + 1}`, t]),
    ];

    // What the extension holds in memory and in its state.
    const inMemory: [string, string][] = [
      ['operation records', JSON.stringify(api.operations.tracker.list())],
      ['errors shown', JSON.stringify(api.errors.shown.map((e) => e.text))],
      ['notices shown', JSON.stringify(api.notices.shown)],
      ['clipboard copies', clipboard.join('\n')],
      ['globalState', JSON.stringify(api.mementos.global.keys().map((k) => [k, api.mementos.global.get(k)]))],
      ['workspaceState', JSON.stringify(api.mementos.workspace.keys().map((k) => [k, api.mementos.workspace.get(k)]))],
    ];
    for (const p of [wizard, logs] as unknown as AnyPanel[])
      inMemory.push([`webview messages`, JSON.stringify([p.posted, p.received, p.logged, p.refused])]);
    for (const f of fs.readdirSync(exportDir)) inMemory.push([`export ${f}`, fs.readFileSync(path.join(exportDir, f), 'utf8')]);
    assert.equal(fs.readdirSync(exportDir).length, 2, 'both exports were written');

    // Every file in code-server's state folder: output channel logs, the request log, storage.
    const results = process.env.SQLDM_RESULTS_FILE;
    assert.ok(results, 'the harness names its results file');
    // This run's state folder: the newest one the harness made.
    const stateDirs = fs
      .readdirSync(path.dirname(results))
      .filter((n) => n.startsWith('integration-state-'))
      .map((n) => path.join(path.dirname(results), n))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
      .slice(0, 1);
    const emulatorData = path.sep + path.join('globalStorage', 'sql-data-movement.azure-sql-data-movement', 'emulator');
    const files = stateDirs.flatMap((d) => filesUnder(d, (p) => p.includes(emulatorData) || /node_modules|[/\\]exts[/\\]/.test(p)));
    assert.ok(
      files.some((f) => f.endsWith('.log') && f.includes('Azure SQL Data Movement')),
      'the output channel logs were found',
    );

    const leaks: string[] = [];
    let bytes = 0;
    for (const [where, text] of inMemory)
      for (const [what, secret] of sentinels) if (text.includes(secret)) leaks.push(`${what} in ${where}`);
    for (const file of files) {
      const content = fs.readFileSync(file);
      bytes += content.length;
      for (const [what, secret] of sentinels) if (content.includes(secret)) leaks.push(`${what} in ${file}`);
    }
    console.log(
      `[sqldm] sentinel scan: ${sentinels.length} secrets × (${inMemory.length} in-memory records + ${files.length} files, ${Math.round(bytes / 1024)} KB): ${leaks.length} found`,
    );
    assert.deepEqual(leaks, []);
    wizard.dispose();
    logs.dispose();
    fs.rmSync(exportDir, { recursive: true, force: true });
  });
});

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function databaseIdByName(api: ExtensionApi, name: string): Promise<string> {
  const c = api.dataSync.clients();
  for (const s of await c.subscriptions.list().toArray())
    for (const server of await c.servers.listServers(s.subscriptionId!).toArray()) {
      const ref = { subscriptionId: s.subscriptionId!, resourceGroup: server.id!.split('/')[4], server: server.name! };
      const db = (await c.servers.listDatabases(ref).toArray()).find((d) => d.name === name);
      if (db?.id) return db.id;
    }
  throw new Error(`no database ${name}`);
}
