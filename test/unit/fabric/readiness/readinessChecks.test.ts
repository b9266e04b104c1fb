// The readiness checks that need no emulator state to reach: a primary user-assigned identity, a
// Viewer role, and the identity body that keeps user-assigned identities when turning the system one on.
import * as assert from 'node:assert/strict';
import { identityOf, systemAssignedIdentityBody } from '../../../../src/azure/sql/serverIdentityClient';
import { identityCheck, roleCheck } from '../../../../src/fabric/workflows/readinessChecks';

const SERVER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv';
const UAMI = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app';

describe('readiness checks (pure)', () => {
  it('fails while a user-assigned identity is primary, with what to do and no automatic fix', () => {
    const server = {
      identity: { type: 'SystemAssigned,UserAssigned', principalId: 'p1', userAssignedIdentities: { [UAMI]: {} } },
      properties: { primaryUserAssignedIdentityId: UAMI },
    };
    const c = identityCheck(server, identityOf(server), SERVER_ID, 'srv');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /user-assigned identity .* is the server's primary identity/);
    assert.equal(c.fix, undefined);
    assert.ok(c.instructions);
  });

  it('passes with the system-assigned identity on, fails with a fix when it is off', () => {
    const on = { identity: { type: 'SystemAssigned', principalId: 'p1' } };
    assert.equal(identityCheck(on, identityOf(on), SERVER_ID, 'srv').status, 'pass');
    const off = identityCheck({}, undefined, SERVER_ID, 'srv');
    assert.equal(off.status, 'fail');
    assert.deepEqual(off.fix?.action, { kind: 'enableServerIdentity', serverId: SERVER_ID, serverName: 'srv' });
  });

  it('a Viewer role is not enough: no fix (the role exists), the way to change it instead', () => {
    const identity = { type: 'SystemAssigned', principalId: 'P1' };
    const c = roleCheck('ws', identity, [{ principal: { id: 'p1', type: 'ServicePrincipal' }, role: 'Viewer' }], 'srv');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /only the Viewer role/);
    assert.equal(c.fix, undefined);
    assert.match(c.instructions ?? '', /Contributor/);
    for (const role of ['Admin', 'Member', 'Contributor'])
      assert.equal(roleCheck('ws', identity, [{ principal: { id: 'p1' }, role }], 'srv').status, 'pass', role);
  });

  it('turning the system identity on keeps the user-assigned ones', () => {
    assert.deepEqual(systemAssignedIdentityBody(undefined), { identity: { type: 'SystemAssigned' } });
    assert.deepEqual(
      systemAssignedIdentityBody({ type: 'UserAssigned', userAssignedIdentities: { [UAMI]: { principalId: 'x', clientId: 'y' } } }),
      {
        identity: { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: { [UAMI]: {} } },
      },
    );
  });
});
