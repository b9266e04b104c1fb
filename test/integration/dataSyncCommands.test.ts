// SQL Data Sync tree and commands in the real VS Code against the emulator. Prompts are answered by
// a script (an unexpected prompt fails the test); results are checked through the REST clients.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedUserInput, ValidationFailed } from '../../src/ui/userInput';
import type { ExtensionApi } from '../../src/extensionApi';
import { databaseRefFromId, syncGroupRefFromId, serverRefFromId } from '../../src/dataSync/dataSyncRefs';
import type { DataSyncNode } from '../../src/dataSync/tree/dataSyncNode';
import type { TrackedOperation } from '../../src/operations/operationTracker';
import { freeHubDatabases, useEmulator, type EmulatorControlClient } from './support/emulator';
import { activateExtension, screenshot, waitFor } from './support/extension';
import { syncableTable } from './support/syncGroups';

describe('SQL Data Sync tree and commands (real VS Code, emulator)', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  const script = new ScriptedUserInput();
  let free: string[];
  let subscriptionName: string;
  let groupId: string;

  const children = async (node?: DataSyncNode) => api.dataSyncTree.getChildren(node) as Promise<DataSyncNode[]>;
  const label = (n: DataSyncNode) => {
    const l = n.treeItem().label;
    return typeof l === 'object' ? l.label : String(l);
  };
  const run = async <T>(command: string, ...args: unknown[]): Promise<T> => {
    const before = api.errors.shown.length;
    const result = await vscode.commands.executeCommand<T>(command, ...args);
    assert.equal(
      api.errors.shown.length,
      before,
      `no error shown by ${command}: ${api.errors.shown
        .slice(before)
        .map((e) => e.text)
        .join('; ')}`,
    );
    assert.equal(script.remaining, 0, `every scripted answer was used by ${command} (asked: ${script.asked.join(' | ')})`);
    return result;
  };
  /** Add Member's answers for the Azure SQL Database free[2], up to the member's name. */
  const addAzureMemberAnswers = (direction: string, name: string) => {
    const memberDb = databaseRefFromId(free[2]);
    return [
      { title: /Add a member/, answer: 'Azure SQL Database' },
      { title: /subscription/, answer: subscriptionName },
      { title: /SQL server/, answer: memberDb.server },
      { title: /member database/, answer: memberDb.database },
      { title: /direction/, answer: direction },
      { title: /Member name/, answer: name },
    ];
  };
  const finish = async <T>(op: TrackedOperation<T> | undefined) => {
    assert.ok(op, 'the command started an operation');
    return op.result;
  };

  before(async () => {
    api = await activateExtension();
    let arm;
    ({ arm, control } = await useEmulator(api));
    api.userInput.use(script);
    free = await freeHubDatabases(arm);
    // The member: any other user database of the server (a member may be in other groups too).
    const serverDbs = await api.dataSync.clients().servers.listDatabases(serverRefFromId(free[0])).toArray();
    const member = serverDbs.find((d) => d.name !== 'master' && !free.slice(0, 2).some((f) => f.toLowerCase() === d.id?.toLowerCase()));
    assert.ok(member?.id, 'a third user database on the server');
    free[2] = member.id;
    const subs = await api.dataSync.clients().subscriptions.list().toArray();
    subscriptionName = subs.find((s) => s.subscriptionId === serverRefFromId(free[0]).subscriptionId)?.displayName as string;
    // Arrange: a group to work on, created the documented way (no schema on create).
    const ref = { ...databaseRefFromId(free[0]), syncGroup: 'it-commands' };
    groupId = `${free[0]}/syncGroups/it-commands`;
    const poller = await api.dataSync.clients().groups.beginCreateOrUpdate(ref, {
      properties: {
        interval: 300,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: free[1],
        hubDatabaseUserName: 'hubadmin',
        hubDatabasePassword: 'Hub!Passw0rd',
      },
    });
    await poller.pollUntilDone({ minDelayMs: 100 });
  });
  after(() => {
    api.userInput.use(undefined);
  });
  afterEach(async () => {
    await control.clearFaults();
  });

  it('shows subscriptions → servers → sync groups (with hub, state, last sync) → members, and agents', async () => {
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.focus');
    api.dataSyncTree.refresh();
    const subs = await children();
    assert.ok(subs.length >= 2, 'several subscriptions');
    assert.ok(
      subs.every((s) => s.id.startsWith('subscription:')),
      'stable prefixed ids',
    );
    const sub = subs.find((s) => label(s) === subscriptionName)!;
    const servers = await children(sub);
    const server = servers.find(
      (s) =>
        s.resourceId?.toLowerCase() ===
        `/subscriptions/${serverRefFromId(free[0]).subscriptionId}/resourcegroups/${serverRefFromId(free[0]).resourceGroup}/providers/microsoft.sql/servers/${serverRefFromId(free[0]).server}`.toLowerCase(),
    )!;
    assert.ok(server, 'the server is listed');
    const serverChildren = await children(server);
    assert.equal(label(serverChildren[0]), 'Sync Agents');
    const group = serverChildren.find((n) => n.resourceId === groupId)!;
    assert.ok(group, 'the group is listed under its server');
    const item = group.treeItem();
    assert.match(String(item.description), new RegExp(`hub ${databaseRefFromId(free[0]).database}`));
    assert.match(String(item.contextValue), /^syncGroup;state-/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    // Every state of the demo estate shows with an icon; unknown ones do not crash.
    const allGroups = (await Promise.all(servers.map((s) => children(s)))).flat().filter((n) => n.id.startsWith('syncGroup:'));
    const states = new Set(allGroups.map((g) => /state-(\w+)/.exec(String(g.treeItem().contextValue))?.[1]));
    for (const s of ['good', 'warning', 'error', 'notready'])
      assert.ok(states.has(s), `a group in state ${s} (have ${[...states].join(', ')})`);
    const withMembers = allGroups.find((g) => /Good/.test(String(g.treeItem().description)))!;
    const members = await children(withMembers);
    assert.ok(
      members.some((m) => m.id.startsWith('syncMember:')),
      'members listed',
    );
    assert.match(String(members[0].treeItem().description), /⇄|→/);
    const agentsFolders = (await Promise.all(servers.map((s) => children(s)))).map((c) => c[0]);
    const agents = (await Promise.all(agentsFolders.map((f) => children(f)))).flat().filter((n) => n.id.startsWith('syncAgent:'));
    assert.ok(agents.length >= 2, 'the demo agents');
    assert.ok(agents.some((a) => /Online/.test(String(a.treeItem().description))));
    await vscode.commands.executeCommand('sqlDataMovement.revealResource', groupId);
    await screenshot('datasync-tree');
  });

  it('shows a failed load in place as an error node, and retry loads it', async () => {
    const sub = (await children()).find((s) => label(s) === subscriptionName)!;
    await control.addFaults('500*6@GET /providers/Microsoft.Sql/servers$'); // one try + 5 retries
    api.dataSyncTree.refresh(sub);
    const failed = await children(sub);
    assert.equal(failed.length, 1);
    assert.match(label(failed[0]), /^Could not load: /);
    assert.equal(failed[0].treeItem().contextValue, 'dataSyncError');
    await control.clearFaults();
    await vscode.commands.executeCommand('sqlDataMovement.tree.retry', failed[0]);
    const loaded = await children(sub);
    assert.ok(loaded.every((n) => n.id.startsWith('server:') || n.id.startsWith('info:')) && loaded.length > 0);
  });

  it('Edit Sync Group Settings starts every prompt on the current value, so Enter changes nothing', async () => {
    const ref = syncGroupRefFromId(groupId);
    const before = (await api.dataSync.clients().groups.get(ref)).properties;
    assert.notEqual(before?.enableConflictLogging, true, 'arranged: the group does not log conflicts');
    const from = script.offered.length;
    script.script(
      { title: /Sync interval/, accept: true },
      { title: /Conflict resolution/, accept: true },
      { title: /Conflict logging/, accept: true },
      { title: /Connection/, accept: true },
    );
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.editSyncGroup', groupId));
    assert.deepEqual(
      script.offered.slice(from).map((o) => o.picked ?? o.value),
      ['300', ['HubWin'], ['Do not log conflicts'], ['Public endpoint']],
    );
    const after = (await api.dataSync.clients().groups.get(ref)).properties;
    assert.equal(after?.interval, before?.interval);
    assert.equal(after?.conflictResolutionPolicy, before?.conflictResolutionPolicy);
    assert.equal(after?.enableConflictLogging, false);
    assert.equal(after?.usePrivateLinkConnection, before?.usePrivateLinkConnection ?? false);
  });

  it("edits a group's settings through its prompts", async () => {
    script.script(
      { title: /Sync interval/, answer: '600' },
      { title: /Conflict resolution/, answer: 'MemberWin' },
      { title: /Conflict logging/, answer: 'Log conflicts' },
      { title: /retention/, answer: '7' },
      { title: /Connection/, answer: 'Public endpoint' },
    );
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.editSyncGroup', groupId));
    const g = await api.dataSync.clients().groups.get(syncGroupRefFromId(groupId));
    assert.equal(g.properties?.interval, 600);
    assert.equal(g.properties?.conflictResolutionPolicy, 'MemberWin');
    assert.equal(g.properties?.enableConflictLogging, true);
    assert.equal(g.properties?.conflictLoggingRetentionInDays, 7);
  });

  it('refuses an interval below the minimum with a clear message, before sending anything', async () => {
    script.script({ title: /Sync interval/, answer: '3' });
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.editSyncGroup', groupId);
    const shown = await waitFor('the validation error', () => api.errors.shown.find((e) => e.error instanceof ValidationFailed));
    assert.match(shown.text, /at least 5 seconds/);
    api.errors.shown.length = 0;
  });

  it('refreshes the hub schema as a tracked long-running operation', async () => {
    const op = await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.refreshHubSchema', groupId);
    await finish(op);
    const schema = await api.dataSync.clients().groups.listHubSchemas(syncGroupRefFromId(groupId)).toArray();
    assert.ok((schema[0]?.tables?.length ?? 0) > 0, 'the hub schema lists tables');
    assert.ok(Date.now() - Date.parse(schema[0].lastUpdateTime ?? '') < 120_000, 'the schema was refreshed just now');
    assert.equal(api.operations.tracker.list().history.find((r) => r.id === op.id)?.status, 'succeeded');
  });

  it('shows a refresh that fails midway to the user, with its error', async () => {
    await control.addFaults('lro-fail*1');
    const op = await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.refreshHubSchema', groupId);
    await op.result.catch(() => undefined);
    const record = api.operations.tracker.list().history.find((r) => r.id === op.id)!;
    assert.equal(record.status, 'failed');
    await waitFor('the error notification', () =>
      api.operations.notifications.shown.find((n) => n.severity === 'error' && n.text.includes('Refresh hub schema of it-commands')),
    );
  });

  it('adds an Azure SQL Database member, edits it, refreshes its schema', async () => {
    const memberDb = databaseRefFromId(free[2]);
    script.script(
      ...addAzureMemberAnswers('OneWayHubToMember', 'it-member'),
      { title: /User name/, answer: 'memberadmin' },
      { title: /Password/, answer: 'Member!Passw0rd' },
    );
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.addMember', groupId));
    const memberId = `${groupId}/syncMembers/it-member`;
    const created = await api.dataSync.clients().members.get({ ...syncGroupRefFromId(groupId), syncMember: 'it-member' });
    assert.equal(created.properties?.syncDirection, 'OneWayHubToMember');
    assert.equal(created.properties?.databaseName, memberDb.database);
    assert.equal(created.properties?.password, undefined, 'the password is never returned');

    script.script({ title: /Sync direction/, answer: 'Bidirectional' }, { title: /Credentials/, answer: 'Keep the credentials' });
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.editMember', memberId));
    assert.equal(
      (await api.dataSync.clients().members.get({ ...syncGroupRefFromId(groupId), syncMember: 'it-member' })).properties?.syncDirection,
      'Bidirectional',
    );

    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.refreshMemberSchema', memberId));
    const schemas = await api.dataSync
      .clients()
      .members.listSchemas({ ...syncGroupRefFromId(groupId), syncMember: 'it-member' })
      .toArray();
    assert.ok((schemas[0]?.tables?.length ?? 0) > 0, 'member schema loaded');
  });

  it('keeps Add Member answers after a server error: Retry sends them again, Edit and Retry walks the prompts with them filled in', async () => {
    const memberDb = databaseRefFromId(free[2]);
    // One send is a try and 5 retries: 12 failing PUTs fail the first send and its Retry (Retry-After 0 keeps it quick).
    await control.addFaults(
      JSON.stringify([{ kind: '503', count: 12, method: 'PUT', path: '/syncMembers/it-retry$', retryAfterSeconds: 0 }]),
    );
    const offeredFrom = script.offered.length;
    const shownFrom = api.errors.shown.length;
    script.script(
      ...addAzureMemberAnswers('OneWayMemberToHub', 'it-retry'),
      { title: /User name/, answer: 'retryadmin' },
      { title: /Password/, answer: 'Retry!Passw0rd' },
      { title: /Add sync member failed/, answer: 'Retry' },
      { title: /Add sync member failed/, answer: 'Edit and Retry' },
      // Every prompt again, each accepted as offered (Enter).
      ...[/Add a member/, /subscription/, /SQL server/, /member database/, /direction/, /Member name/, /User name/, /Password/].map(
        (title) => ({ title, accept: true as const }),
      ),
    );
    const op = await vscode.commands.executeCommand<TrackedOperation<unknown>>('sqlDataMovement.dataSync.addMember', groupId);
    await finish(op);
    assert.equal(script.remaining, 0, `asked: ${script.asked.join(' | ')}`);
    assert.deepEqual(
      api.errors.shown.slice(shownFrom).map((e) => e.action),
      ['Add sync member', 'Add sync member'],
      'the first send and its Retry failed, each shown',
    );
    const again = script.offered.slice(offeredFrom + 8);
    assert.deepEqual(
      again.map((o) => o.picked?.[0] ?? o.value),
      [
        'Azure SQL Database',
        subscriptionName,
        memberDb.server,
        memberDb.database,
        'OneWayMemberToHub',
        'it-retry',
        'retryadmin',
        '••••••••••••••',
      ],
      'every earlier answer is offered again (the password only masked, from memory)',
    );
    const member = await api.dataSync.clients().members.get({ ...syncGroupRefFromId(groupId), syncMember: 'it-retry' });
    assert.equal(member.properties?.syncDirection, 'OneWayMemberToHub');
    assert.equal(member.properties?.userName, 'retryadmin');
    assert.ok(
      !JSON.stringify(api.operations.tracker.list()).includes('Retry!Passw0rd'),
      'the password is not kept in the operations record',
    );
  });

  it('refuses a member name Data Sync would reject', async () => {
    script.script(...addAzureMemberAnswers('Bidirectional', 'bad name'));
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.addMember', groupId);
    const shown = await waitFor('the validation error', () => api.errors.shown.find((e) => e.error instanceof ValidationFailed));
    assert.match(shown.text, /only letters, digits, "-" and "_"/);
    api.errors.shown.length = 0;
  });

  it('syncs now (the group moves through Progressing) and cancels a sync', async () => {
    const ref = syncGroupRefFromId(groupId);
    // Arrange the documented step before a first sync: choose tables (the schema picker's job).
    const table = syncableTable((await api.dataSync.clients().groups.listHubSchemas(ref).toArray())[0]);
    await (
      await api.dataSync.clients().groups.beginUpdate(ref, {
        properties: { interval: -1, schema: { tables: [table], masterSyncMemberName: 'it-member' } },
      })
    ).pollUntilDone({ minDelayMs: 100 });
    assert.equal(await run('sqlDataMovement.dataSync.triggerSync', groupId), true);
    const states: string[] = [];
    await waitFor(
      'the sync to end',
      async () => {
        const s = (await api.dataSync.clients().groups.get(ref)).properties?.syncState ?? '';
        states.push(s);
        return s !== 'Progressing' && states.includes('Progressing') ? s : undefined;
      },
      60_000,
    );
    assert.ok(states.includes('Progressing'), `states seen: ${states.join(',')}`);
    const logs = await api.dataSync
      .clients()
      .groups.listLogs(ref, {
        startTime: new Date(Date.now() - 3_600_000).toISOString(),
        endTime: new Date(Date.now() + 60_000).toISOString(),
        type: 'All',
      })
      .toArray();
    assert.ok(logs.length > 0, 'the sync wrote log entries');
    assert.ok(
      api.notices.shown.some((n) => /^Sync of it-commands started/.test(n)),
      'Sync Now says what it did, naming the group',
    );
    assert.equal(await run('sqlDataMovement.dataSync.triggerSync', groupId), true);
    assert.equal(await run('sqlDataMovement.dataSync.cancelSync', groupId), true);
    assert.equal(api.notices.shown.at(-1), 'Cancelling the sync of it-commands.');
    await waitFor(
      'the cancelled sync to end',
      async () => (await api.dataSync.clients().groups.get(ref)).properties?.syncState !== 'Progressing',
    );
    assert.equal(await run('sqlDataMovement.dataSync.cancelSync', groupId), false, 'nothing to cancel');
    assert.equal(api.notices.shown.at(-1), 'No sync of it-commands is running: nothing to cancel.');
  });

  it('creates a sync agent, puts a new key on the clipboard only, and deletes the agent', async () => {
    const server = serverRefFromId(free[0]);
    const serverId = free[0].replace(/\/databases\/[^/]+$/i, '');
    script.script(
      { title: /Name of the new sync agent/, answer: 'it-agent' },
      { title: /sync metadata database/, answer: databaseRefFromId(free[1]).database },
    );
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.createAgent', `${serverId}/syncAgents`));
    const agentId = `${serverId}/syncAgents/it-agent`;
    await vscode.env.clipboard.writeText('before');
    assert.equal(await run('sqlDataMovement.dataSync.generateAgentKey', agentId), true);
    const key = await vscode.env.clipboard.readText();
    assert.ok(key.length >= 20 && key !== 'before', 'a key on the clipboard');
    script.script({ title: /Delete sync agent "it-agent"/, answer: true });
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.deleteAgent', agentId));
    const agents = await api.dataSync.clients().agents.list(server).toArray();
    assert.ok(!agents.some((a) => a.name === 'it-agent'));
  });

  it('runs a command from the palette (no tree node): the target is chosen with pickers', async () => {
    const ref = syncGroupRefFromId(groupId);
    script.script(
      { title: /subscription/, answer: subscriptionName },
      { title: /SQL server/, answer: ref.server },
      { title: /Choose a sync group/, answer: 'it-commands' },
    );
    const op = await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.refreshHubSchema');
    await finish(op);
    assert.equal(
      api.operations.tracker
        .list()
        .history.find((r) => r.id === op.id)
        ?.target.resourceId?.toLowerCase(),
      groupId.toLowerCase(),
    );
  });

  it('selects the subscriptions the tree shows, and remembers the choice', async () => {
    script.script({ title: /Subscriptions to show/, answer: subscriptionName });
    const chosen = await run<string[]>('sqlDataMovement.dataSync.selectSubscriptions');
    assert.equal(chosen.length, 1);
    const roots = await children();
    assert.deepEqual(roots.filter((n) => n.id.startsWith('subscription:')).map(label), [subscriptionName]);
    assert.ok(
      roots.some((n) => /more subscription\(s\) hidden/.test(label(n))),
      'says that some are hidden',
    );
    const all = (await api.dataSync.clients().subscriptions.list().toArray()).map((s) => s.displayName).join(', ');
    script.script({ title: /Subscriptions to show/, answer: all });
    await run('sqlDataMovement.dataSync.selectSubscriptions');
    assert.ok((await children()).filter((n) => n.id.startsWith('subscription:')).length >= 2);
  });

  it('refreshes a single node', async () => {
    const sub = (await children()).find((s) => label(s) === subscriptionName)!;
    const before = await children(sub);
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.refreshNode', sub);
    const after = await children(sub);
    assert.notEqual(after, before, 'children were loaded again');
    assert.deepEqual(
      after.map((n) => n.id),
      before.map((n) => n.id),
      'with the same stable ids',
    );
  });

  it('"Create Sync Group" on a server opens the setup wizard there', async () => {
    const serverId = free[0].replace(/\/databases\/[^/]+$/i, '');
    const before = api.dataSyncWebviews.wizards.size;
    await vscode.commands.executeCommand('sqlDataMovement.dataSync.createSyncGroup', { resourceId: serverId });
    await waitFor('a new wizard panel', () => api.dataSyncWebviews.wizards.size > before);
    await waitFor('the wizard tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /Data Sync setup/i.test(t.label)));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('copies the resource id and the REST request, and says the emulator has no portal', async () => {
    assert.equal(await run('sqlDataMovement.copyResourceId', { resourceId: groupId }), groupId);
    assert.equal(await vscode.env.clipboard.readText(), groupId);
    const text = await run<string>('sqlDataMovement.copyAsRestRequest', groupId);
    assert.match(text, /^GET https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/syncGroups\/it-commands\?api-version=2025-01-01/);
    assert.ok(!/Bearer [A-Za-z0-9]/.test(text), 'no token in the copied request');
    assert.equal(await run('sqlDataMovement.openInPortal', groupId), undefined);
  });

  it('asks before deleting, naming the resource; "no" deletes nothing; "yes" deletes the member and the group', async () => {
    const memberId = `${groupId}/syncMembers/it-member`;
    script.script({ title: /Remove member "it-member" from sync group "it-commands"/, answer: false });
    assert.equal(await run('sqlDataMovement.dataSync.deleteMember', memberId), undefined);
    assert.ok((await api.dataSync.clients().members.list(syncGroupRefFromId(groupId)).toArray()).some((m) => m.name === 'it-member'));
    script.script({ title: /Remove member "it-member"/, answer: true });
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.deleteMember', memberId));
    script.script({ title: /Delete sync group "it-commands"/, answer: true });
    await finish(await run<TrackedOperation<unknown>>('sqlDataMovement.dataSync.deleteSyncGroup', groupId));
    const groups = await api.dataSync.clients().groups.list(databaseRefFromId(free[0])).toArray();
    assert.ok(!groups.some((g) => g.name === 'it-commands'));
    // The tree follows the operation's end by itself.
    const server = api.dataSyncTree.findLoaded(free[0]);
    await waitFor('the tree to drop the deleted group', async () => !(await children(server)).some((n) => n.resourceId === groupId));
  });
});
