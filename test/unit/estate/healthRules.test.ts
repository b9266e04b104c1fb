import { strict as assert } from 'node:assert';
import type { EstateFact } from '../../../src/estate/workflows/estateFacts';
import { healthCsv, healthMarkdown } from '../../../src/estate/workflows/healthReport';
import { problemsOf } from '../../../src/estate/workflows/healthRules';

const now = Date.parse('2026-11-29T12:00:00Z');
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
const H = 3600_000;
const one = (f: EstateFact) => problemsOf([f], { now });

describe('estate health rules', () => {
  it('sync groups: Error, Warning, and not synced within twice the interval (not while Progressing, not manual)', () => {
    const g = { kind: 'syncGroup', id: '/g', name: 'g', hub: 's/db', interval: 3600 } as const;
    assert.equal(one({ ...g, syncState: 'Error' })[0].severity, 'error');
    assert.equal(one({ ...g, syncState: 'Warning' })[0].severity, 'warning');
    assert.match(
      one({ ...g, syncState: 'Good', lastSyncTime: iso(2.5 * H) })[0].summary,
      /twice its interval \(60 min\); last sync 3 h ago/,
    );
    assert.deepEqual(one({ ...g, syncState: 'Good', lastSyncTime: iso(1.9 * H) }), []);
    assert.deepEqual(one({ ...g, syncState: 'Progressing', lastSyncTime: iso(5 * H) }), []);
    assert.deepEqual(one({ ...g, interval: -1, syncState: 'Good', lastSyncTime: iso(100 * H) }), []);
    assert.equal(one({ ...g, syncState: 'Good' })[0].action?.command, 'sqlDataMovement.dataSync.triggerSync');
  });

  it('members failing point at their group’s logs', () => {
    const p = one({ kind: 'syncMember', id: '/s/x/syncGroups/g/syncMembers/m', name: 'm', groupName: 'g', syncState: 'SyncFailed' });
    assert.equal(p.length, 1);
    assert.deepEqual(p[0].action?.args, [{ resourceId: '/s/x/syncGroups/g' }]);
    assert.deepEqual(one({ kind: 'syncMember', id: '/m', name: 'm', groupName: 'g', syncState: 'SyncSucceeded' }), []);
  });

  it('agents: offline, never connected, key expiring within 30 days or expired; 9999 never expires', () => {
    const a = { kind: 'syncAgent', id: '/a', name: 'a', server: 'srv', state: 'Online' } as const;
    assert.equal(one({ ...a, state: 'Offline' })[0].severity, 'error');
    assert.equal(one({ ...a, state: 'NeverConnected' })[0].severity, 'warning');
    assert.match(one({ ...a, expiryTime: iso(-10 * 24 * H) })[0].summary, /expires on 2026-12-09/);
    assert.equal(one({ ...a, expiryTime: iso(2 * 24 * H) })[0].severity, 'error');
    assert.deepEqual(one({ ...a, expiryTime: '9999-12-31T23:59:59Z' }), []);
    assert.deepEqual(one({ ...a, expiryTime: iso(-60 * 24 * H) }), []);
  });

  it('mirrored databases: not Running (Start where it can start), failed and stale tables', () => {
    const m = {
      kind: 'mirroredDatabase',
      workspaceId: 'w',
      workspaceName: 'W',
      itemId: 'i',
      name: 'M',
      tableCount: 3,
      failedTables: [],
      staleTables: [],
    } as const;
    assert.equal(one({ ...m, status: 'Stopped' })[0].action?.command, 'sqlDataMovement.fabric.startMirroring');
    assert.equal(one({ ...m, status: 'Failed' })[0].severity, 'error');
    assert.equal(one({ ...m, status: 'Paused' })[0].action?.command, 'sqlDataMovement.fabric.openMonitor');
    assert.deepEqual(one({ ...m, status: 'Running' }), []);
    const failed = one({ ...m, status: 'Running', failedTables: [{ name: 'dbo.T', message: 'boom' }] });
    assert.match(failed[0].summary, /1 of 3 tables failed: dbo\.T/);
    assert.equal(one({ ...m, status: 'Running', staleTables: [{ name: 'dbo.S' }] })[0].severity, 'warning');
  });

  it('protected databases: a failed last backup once (not also as Unhealthy), Unhealthy alone, IRPending over a day', () => {
    const d = {
      kind: 'protectedDatabase',
      id: '/i',
      name: 'Db',
      vault: 'v',
      protectionState: 'Protected',
      healthStatus: 'Healthy',
    } as const;
    const failed = one({
      ...d,
      healthStatus: 'Unhealthy',
      lastBackupStatus: 'Unhealthy',
      lastBackupTime: iso(5 * H),
      lastBackupError: 'log full',
    });
    assert.equal(failed.length, 1);
    assert.match(failed[0].summary, /last backup failed \(5 h ago\)/);
    assert.equal(failed[0].detail, 'log full');
    assert.match(one({ ...d, healthStatus: 'NotReachable', lastBackupStatus: 'Healthy' })[0].summary, /NotReachable/);
    assert.equal(
      one({ ...d, protectionState: 'IRPending', lastBackupTime: undefined })[0].action?.command,
      'sqlDataMovement.backup.backupNow',
    );
    assert.deepEqual(one({ ...d, protectionState: 'IRPending', lastBackupTime: iso(2 * H) }), []);
    assert.deepEqual(one({ ...d, lastBackupStatus: 'Healthy' }), []);
  });

  it('failed jobs and unreadable parts; errors sort before warnings', () => {
    const problems = problemsOf(
      [
        { kind: 'scanError', service: 'fabric', scope: 'workspace W', message: 'HTTP 500', requestId: 'r-1' },
        {
          kind: 'failedBackupJob',
          id: '/v/backupJobs/j',
          vault: 'v',
          vaultId: '/v',
          entity: 'Db',
          operation: 'Backup (Full)',
          startTime: iso(H),
          error: 'no sysadmin',
          recommendation: 'Add the account.',
        },
      ],
      { now },
    );
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['error', 'warning'],
    );
    assert.match(problems[0].summary, /Backup \(Full\) failed 60 min ago: no sysadmin/);
    assert.equal(problems[1].detail, 'Request id: r-1');
  });

  it('exports Markdown with names escaped and CSV safe from formulas', () => {
    const problems = one({
      kind: 'syncGroup',
      id: '/g',
      name: '[x](command:evil) <img src=x>',
      hub: '=HYPERLINK("x")',
      syncState: 'Error',
    });
    const md = healthMarkdown(problems, { scannedAt: 'now', environment: 'Local emulator', counts: { dataSync: 1, fabric: 0, backup: 0 } });
    assert.ok(!md.includes('[x](command:evil)'));
    assert.ok(!/(^|[^\\])</.test(md), 'every < is escaped');
    assert.ok(md.includes('\\[x\\](command:evil) \\<img src=x\\>'), md);
    const csv = healthCsv([
      ...problems,
      ...problemsOf([{ kind: 'scanError', service: 'backup', scope: '=HYPERLINK("http://x")', message: 'x' }], { now }),
    ]);
    assert.match(csv, /^severity,service,resource,problem,detail,action\r\n/);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`), csv);
  });
});
