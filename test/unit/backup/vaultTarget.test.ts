import { strict as assert } from 'node:assert';
import { vaultOfTarget } from '../../../src/backup/commands/vaultTarget';

const vault = '/subscriptions/s1/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/vault-weu';
const ref = { subscriptionId: 's1', resourceGroup: 'rg-backup', vault: 'vault-weu' };

describe('the vault of a jobs or policy command', () => {
  it('reads the vault, any id in it, and the Jobs and Policies entries of the tree', () => {
    assert.deepEqual(vaultOfTarget({ resourceId: vault }), ref);
    assert.deepEqual(vaultOfTarget(`${vault}/backupJobs/0a1b`), ref);
    assert.deepEqual(vaultOfTarget({ resourceId: `${vault}/backupJobs` }), ref);
    assert.deepEqual(vaultOfTarget({ resourceId: `${vault}/backupPolicies` }), ref);
  });

  it('gives nothing for other ids or no target, so the command asks', () => {
    assert.equal(vaultOfTarget(undefined), undefined);
    assert.equal(
      vaultOfTarget({ resourceId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/s/backupJobs' }),
      undefined,
    );
    assert.equal(vaultOfTarget({ resourceId: `${vault}/somethingElse` }), undefined);
  });
});
