import assert from 'node:assert/strict';
import type { GroupForm, MemberForm } from '../../../src/dataSync/webviews/protocol/dataSyncWizard';
import { validateGroupForm, validateMemberForm, validateWizardField } from '../../../src/dataSync/webviews/wizardForms';
import { createGroupBody } from '../../../src/dataSync/workflows/syncGroupWorkflows';
import { addMemberBody } from '../../../src/dataSync/workflows/syncMemberWorkflows';

const db = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/${name}`;
const group = (o: Partial<GroupForm> = {}): GroupForm => ({
  subscriptionId: 's',
  serverId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv',
  hubDatabaseId: db('hub'),
  name: 'g1',
  syncDatabaseId: db('meta'),
  interval: '300',
  manual: false,
  conflictResolutionPolicy: 'HubWin',
  enableConflictLogging: false,
  conflictLoggingRetentionInDays: '30',
  usePrivateLinkConnection: false,
  hubDatabaseUserName: ' admin ',
  hubDatabasePassword: 'pw',
  ...o,
});
const groupId = `${db('hub')}/syncGroups/g1`;
const body = (form: GroupForm) => {
  const input = validateGroupForm(form).input;
  return input && createGroupBody(input);
};
const member = (o: Partial<MemberForm> = {}): MemberForm => ({
  name: 'm1',
  kind: 'azure',
  subscriptionId: 's',
  serverId: 'srv',
  databaseId: db('copy'),
  agentId: '',
  sqlServerDatabaseId: '',
  syncDirection: 'Bidirectional',
  userName: 'u',
  password: 'pw',
  usePrivateLinkConnection: false,
  ...o,
});

describe('setup wizard forms', () => {
  it('builds the create body without schema, with the password only in the body', () => {
    const r = validateGroupForm(group());
    assert.deepEqual(r.errors, {});
    assert.deepEqual(body(group()), {
      properties: {
        interval: 300,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: db('meta'),
        hubDatabaseUserName: 'admin',
        hubDatabasePassword: 'pw',
        enableConflictLogging: false,
        usePrivateLinkConnection: false,
      },
    });
    assert.equal(body(group({ manual: true, interval: '' }))?.properties.interval, -1);
    assert.equal(body(group({ interval: 'manual' }))?.properties.interval, -1, 'the one interval rule: "manual" means -1');
    assert.equal(
      body(group({ enableConflictLogging: true, conflictLoggingRetentionInDays: '7' }))?.properties.conflictLoggingRetentionInDays,
      7,
    );
  });
  it('reports every invalid field by its id', () => {
    const r = validateGroupForm(
      group({
        name: 'a b',
        interval: '4.5',
        hubDatabasePassword: '',
        hubDatabaseUserName: '',
        syncDatabaseId: '',
        conflictResolutionPolicy: 'Nobody',
        enableConflictLogging: true,
        conflictLoggingRetentionInDays: '0',
      }),
    );
    assert.deepEqual(Object.keys(r.errors).sort(), [
      'conflict',
      'group-name',
      'hub-password',
      'hub-user',
      'interval',
      'retention',
      'sync-database',
    ]);
    assert.equal(r.input, undefined);
  });
  it('members: Azure and on-premises bodies, duplicates, hub as member, quota', () => {
    const azure = validateMemberForm(member(), groupId, [], db('hub')).input;
    assert.ok(azure);
    // The body needs the database's location, which the workflow reads from Azure (tested against the emulator).
    assert.deepEqual(
      addMemberBody(azure, {
        databaseType: 'AzureSqlDatabase',
        syncMemberAzureDatabaseResourceId: db('copy'),
        serverName: 'srv.database.windows.net',
        databaseName: 'copy',
      }),
      {
        properties: {
          databaseType: 'AzureSqlDatabase',
          syncMemberAzureDatabaseResourceId: db('copy'),
          serverName: 'srv.database.windows.net',
          databaseName: 'copy',
          userName: 'u',
          password: 'pw',
          syncDirection: 'Bidirectional',
          usePrivateLinkConnection: false,
        },
      },
    );
    const onPremInput = validateMemberForm(
      member({ kind: 'onPremises', databaseId: '', agentId: '/agents/a', sqlServerDatabaseId: 'guid' }),
      groupId,
      [],
      db('hub'),
    ).input;
    assert.ok(onPremInput);
    assert.equal(onPremInput.kind, 'sqlServer');
    const onPrem = addMemberBody(onPremInput, { databaseType: 'SqlServerDatabase', syncAgentId: '/agents/a', sqlServerDatabaseId: 'guid' });
    assert.equal(onPrem.properties.databaseType, 'SqlServerDatabase');
    assert.equal(onPrem.properties.syncAgentId, '/agents/a');
    assert.match(validateMemberForm(member(), groupId, ['M1'], db('hub')).errors['member-name'], /already has a member/);
    assert.match(
      validateMemberForm(member({ databaseId: db('hub') }), groupId, [], db('hub')).errors['member-database'],
      /hub database cannot also be a member/,
    );
    assert.match(
      validateMemberForm(
        member(),
        groupId,
        Array.from({ length: 30 }, (_, i) => `x${i}`),
        db('hub'),
      ).errors['member-name'],
      /at most 30/,
    );
    assert.deepEqual(
      Object.keys(
        validateMemberForm(member({ kind: 'onPremises', password: '', syncDirection: 'Sideways' }), groupId, [], undefined).errors,
      ).sort(),
      ['member-agent', 'member-direction', 'member-linked', 'member-password'],
    );
    assert.deepEqual(
      Object.keys(validateMemberForm(member({ subscriptionId: '', serverId: '', databaseId: '' }), groupId, [], db('hub')).errors).sort(),
      ['member-database', 'member-server', 'member-subscription'],
      "the member pickers' own fields",
    );
  });

  it('checks one field as typed with the same words as a submit, and clears once it is fixed', () => {
    const submitted = validateGroupForm(group({ name: 'x'.repeat(200), interval: '3', hubDatabaseUserName: '' })).errors;
    assert.equal(validateWizardField('group', 'group-name', 'x'.repeat(200)), submitted['group-name']);
    assert.match(submitted['group-name'], /too long \(200 characters, at most 150\)/);
    assert.equal(validateWizardField('group', 'interval', '3'), submitted.interval);
    assert.equal(validateWizardField('group', 'hub-user', ''), submitted['hub-user']);
    for (const [f, v] of [
      ['group-name', ' sales-sync '],
      ['interval', '30'],
      ['interval', 'manual'],
      ['retention', '7'],
      ['hub-user', 'admin'],
      ['hub-password', '<filled>'],
      ['hub', db('hub')],
    ])
      assert.equal(validateWizardField('group', f, v), undefined, `${f}=${v}`);
    assert.match(validateWizardField('group', 'retention', '45') ?? '', /1 to 30/);
    assert.equal(validateWizardField('group', 'no-such-field', ''), undefined);
  });

  it('checks a member field against the group: first the group, then duplicates and the hub', () => {
    assert.match(validateWizardField('member', 'member-name', 'm1') ?? '', /Create the sync group first/);
    const context = { groupId, existingMembers: ['replica'], hubDatabaseId: db('hub') };
    assert.match(validateWizardField('member', 'member-name', 'Replica', context) ?? '', /already has a member named "Replica"/);
    assert.equal(validateWizardField('member', 'member-name', 'store', context), undefined);
    assert.match(validateWizardField('member', 'member-database', db('hub'), context) ?? '', /hub database cannot also be a member/);
    assert.match(validateWizardField('member', 'member-agent', '', context) ?? '', /Sync agent is required/);
    assert.match(validateWizardField('member', 'member-password', '', context) ?? '', /password is required/);
    assert.equal(validateWizardField('member', 'member-password', '<filled>', context), undefined);
  });
});
