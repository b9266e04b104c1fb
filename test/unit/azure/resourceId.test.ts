import assert from 'node:assert/strict';
import {
  buildPath,
  encodeSegment,
  InvalidNameError,
  nameOf,
  parseResourceId,
  resourceIdPath,
  validateSegment,
} from '../../../src/azure/resourceId';

describe('resourceId', () => {
  it('encodes Backup names with semicolons and other reserved characters', () => {
    assert.equal(encodeSegment('Container', 'VMAppContainer;compute;rg;vm'), 'VMAppContainer%3Bcompute%3Brg%3Bvm');
    assert.equal(encodeSegment('Item', 'SQLDataBase;mssqlserver;db'), 'SQLDataBase%3Bmssqlserver%3Bdb');
    assert.equal(encodeSegment('Name', "a b&c=d+e'(x)*!"), 'a%20b%26c%3Dd%2Be%27%28x%29%2A%21');
    assert.equal(encodeSegment('Name', 'café'), 'caf%C3%A9');
  });

  it('refuses hostile names with a message naming the field', () => {
    const hostile: Array<[unknown, RegExp]> = [
      ['a/b', /Sync group name cannot contain "\/"/],
      ['a?b', /"\?"/],
      ['a#b', /"#"/],
      ['..', /cannot be "\.\."/],
      ['.', /cannot be "\."/],
      ['', /required/],
      ['   ', /whitespace/],
      [' x', /start or end with whitespace/],
      ['a\u0000b', /control characters/],
      ['a\nb', /control characters/],
      ['a\\b', /"\\"/],
      ['%2e%2e', /"%"/],
      ['x'.repeat(300), /too long/],
      [undefined, /required/],
    ];
    for (const [value, message] of hostile) {
      assert.throws(
        () => validateSegment('Sync group name', value),
        (e: InvalidNameError) =>
          e instanceof InvalidNameError &&
          e.field === 'Sync group name' &&
          message.test(e.message) &&
          e.message.startsWith('Sync group name'),
        String(value),
      );
    }
  });

  it('buildPath validates before anything is sent', () => {
    assert.equal(
      buildPath(['subscriptions', { field: 'Subscription', value: 's1' }, 'resourceGroups', { field: 'Resource group', value: 'my rg' }]),
      '/subscriptions/s1/resourceGroups/my%20rg',
    );
    assert.throws(() => buildPath(['servers', { field: 'Server name', value: '../other' }]), /Server name cannot contain "\/"/);
  });

  it('parses ids (decoding segments) and rebuilds the encoded path', () => {
    const id =
      '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/VMAppContainer;compute;rg;vm/protectedItems/SQLDataBase%3Bmssqlserver%3Bdb';
    const p = parseResourceId(id);
    assert.equal(p.subscriptionId, '00000000-1111-2222-3333-444444444444');
    assert.equal(p.resourceGroup, 'rg');
    assert.equal(p.provider, 'Microsoft.RecoveryServices');
    assert.equal(p.type, 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems');
    assert.equal(p.name, 'SQLDataBase;mssqlserver;db');
    assert.equal(nameOf(p, 'protectionContainers'), 'VMAppContainer;compute;rg;vm');
    assert.equal(
      resourceIdPath(p),
      '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/VMAppContainer%3Bcompute%3Brg%3Bvm/protectedItems/SQLDataBase%3Bmssqlserver%3Bdb',
    );
  });

  it('parses subscription-level and Sql ids; rejects malformed ids', () => {
    const p = parseResourceId('/subscriptions/s/providers/Microsoft.Sql/locations/westus/syncDatabaseIds/x/');
    assert.equal(p.resourceGroup, undefined);
    assert.deepEqual(p.resources, [
      { type: 'locations', name: 'westus' },
      { type: 'syncDatabaseIds', name: 'x' },
    ]);
    const sg = parseResourceId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg');
    assert.deepEqual([nameOf(sg, 'servers'), nameOf(sg, 'databases'), nameOf(sg, 'SYNCGROUPS')], ['srv', 'db', 'sg']);
    assert.throws(() => parseResourceId(''), /empty/);
    assert.throws(() => parseResourceId('/resourceGroups/rg'), /Not an ARM resource id/);
    assert.throws(() => parseResourceId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers'), /no name/);
  });
});
