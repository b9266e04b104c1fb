import { strict as assert } from 'node:assert';
import {
  containerRefOf,
  jobRefOf,
  policyRefOf,
  protectedItemRefOf,
  recoveryPointRefOf,
  vaultRefOf,
} from '../../../src/backup/backupTarget';

const vault = '/subscriptions/s1/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/vault-weu';
const container = `${vault}/backupFabrics/Azure/protectionContainers/VMAppContainer;Compute;rg-sql;sqlvm-01`;
const item = `${container}/protectedItems/SQLDataBase;MSSQLSERVER;Sales`;

describe('backup targets', () => {
  it('reads each level from a full id, keeping ; in names', () => {
    assert.deepEqual(vaultRefOf(item), { subscriptionId: 's1', resourceGroup: 'rg-backup', vault: 'vault-weu' });
    assert.equal(containerRefOf({ resourceId: item })?.container, 'VMAppContainer;Compute;rg-sql;sqlvm-01');
    assert.equal(protectedItemRefOf(item)?.item, 'SQLDataBase;MSSQLSERVER;Sales');
    assert.equal(recoveryPointRefOf(`${item}/recoveryPoints/DefaultRangeRecoveryPoint`)?.recoveryPoint, 'DefaultRangeRecoveryPoint');
  });

  it('decodes encoded segments and matches provider and types case-insensitively', () => {
    const encoded = `${vault.replace('Microsoft.RecoveryServices', 'microsoft.recoveryservices')}/backupfabrics/Azure/PROTECTIONCONTAINERS/VMAppContainer%3BCompute%3Brg%3Bvm`;
    assert.equal(containerRefOf(encoded)?.container, 'VMAppContainer;Compute;rg;vm');
  });

  it('reads policies and jobs', () => {
    assert.equal(policyRefOf(`${vault}/backupPolicies/HourlyLogBackup`)?.policy, 'HourlyLogBackup');
    assert.equal(jobRefOf(`${vault}/backupJobs/0b7c1b4e`)?.job, '0b7c1b4e');
  });

  it('answers undefined for ids of other services and for levels an id does not reach', () => {
    assert.equal(vaultRefOf('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv'), undefined);
    assert.equal(protectedItemRefOf(container), undefined);
    assert.equal(vaultRefOf('not an id'), undefined);
    assert.equal(vaultRefOf(undefined), undefined);
  });
});
