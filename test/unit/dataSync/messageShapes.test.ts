import assert from 'node:assert/strict';
import { checkFromSyncLogs } from '../../../src/dataSync/webviews/protocol/dataSyncLogsShape';
import { checkFromSchemaPicker } from '../../../src/dataSync/webviews/protocol/dataSyncSchemaPickerShape';
import { checkFromWizard } from '../../../src/dataSync/webviews/protocol/dataSyncWizardShape';
import type { GroupForm } from '../../../src/dataSync/webviews/protocol/dataSyncWizard';

const group: GroupForm = {
  subscriptionId: 's',
  serverId: 'srv',
  hubDatabaseId: 'db',
  name: 'g',
  syncDatabaseId: 'sdb',
  interval: '300',
  manual: false,
  conflictResolutionPolicy: 'HubWin',
  enableConflictLogging: true,
  conflictLoggingRetentionInDays: '30',
  usePrivateLinkConnection: false,
  hubDatabaseUserName: 'u',
  hubDatabasePassword: 'secret-never-in-a-reason',
};

describe('webview message shapes', () => {
  it('accepts every well-formed sync log message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'query', range: { preset: 'lastHour' }, logType: 'All' },
      { type: 'query', range: { start: '2026-01-01T00:00Z', end: '2026-01-02T00:00Z' }, logType: 'Error' },
      { type: 'loadMore' },
      { type: 'export', format: 'csv' },
      { type: 'cspViolation', directive: 'script-src', blocked: 'inline' },
    ])
      assert.equal(checkFromSyncLogs(m), undefined, JSON.stringify(m));
  });
  it('refuses unknown types, missing fields and wrong values, saying why', () => {
    assert.match(checkFromSyncLogs({ type: 'dropTables' }) ?? '', /unknown message type "dropTables"/);
    assert.match(checkFromSyncLogs('ready') ?? '', /not an object/);
    assert.match(checkFromSyncLogs({ kind: 'ready' }) ?? '', /no string "type"/);
    assert.match(checkFromSyncLogs({ type: 'query', range: { preset: 'lastHour' } }) ?? '', /logType/);
    assert.match(checkFromSyncLogs({ type: 'query', range: { preset: 'forever' }, logType: 'All' }) ?? '', /range/);
    assert.match(checkFromSyncLogs({ type: 'export', format: 'xml' }) ?? '', /format/);
    assert.match(checkFromSchemaPicker({ type: 'save', selection: { tables: [{ quotedName: '[dbo].[A]' }] } }) ?? '', /columns/);
    assert.equal(
      checkFromSchemaPicker({ type: 'save', selection: { tables: [{ quotedName: '[dbo].[A]', columns: ['[X]'] }] } }),
      undefined,
    );
  });
  it('checks the wizard forms field by field, and never quotes a value in the reason', () => {
    assert.equal(checkFromWizard({ type: 'submitGroup', form: group }), undefined);
    const { hubDatabaseUserName: _dropped, ...missing } = group;
    const reason = checkFromWizard({ type: 'submitGroup', form: missing }) ?? '';
    assert.match(reason, /hubDatabaseUserName/);
    assert.ok(!reason.includes(group.hubDatabasePassword));
    assert.match(checkFromWizard({ type: 'submitGroup', form: { ...group, manual: 'yes' } }) ?? '', /manual/);
    assert.match(checkFromWizard({ type: 'stepShown', step: 'finale' }) ?? '', /step/);
    assert.match(checkFromWizard({ type: 'loadOptions', kind: 'vaults', parent: 'x' }) ?? '', /kind/);
    assert.equal(checkFromWizard({ type: 'loadOptions', kind: 'agents', parent: 'x' }), undefined);
  });
});
