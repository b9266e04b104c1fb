// The restore choices' rules (each failure names its field) and the request each choice makes, compared
// with the bodies of AZUREWORKLOAD-MODELS.md §7 (observed azure-cli → service).
import { strict as assert } from 'node:assert';
import { buildRestoreRequest, defaultFileMappings } from '../../../src/backup/workflows/restoreRequest';
import { buildTimeline } from '../../../src/backup/workflows/restoreTimeline';
import {
  fieldOfRestoreRefusal,
  RestoreValidationError,
  validateRestore,
  type RestoreContext,
  type RestoreInput,
} from '../../../src/backup/workflows/restoreValidation';
import { restoreInput } from './restoreInputs';

const vault = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v';
const containerId = `${vault}/backupFabrics/Azure/protectionContainers/vmappcontainer;compute;rg;vm2`;
const sourceVm = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';
const targetVm = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2';

const ctx: RestoreContext = {
  database: 'msdb',
  timeline: buildTimeline([
    { name: '111', properties: { type: 'Full', recoveryPointTimeInUTC: '2026-11-20T01:00:00Z' } },
    {
      name: 'DefaultRangeRecoveryPoint',
      properties: { type: 'Log', timeRanges: [{ startTime: '2026-11-20T01:00:00Z', endTime: '2026-11-21T00:00:00Z' }] },
    },
  ]),
  targets: [
    {
      containerId,
      name: 'vm2',
      vmId: targetVm,
      instances: [{ name: 'MSSQLSERVER', dataPath: 'F:\\data\\', logPath: 'G:\\log', databases: ['msdb', 'Taken'] }],
    },
  ],
};

const files = [
  {
    mappingType: 'Data',
    sourceLogicalName: 'MSDBData',
    sourcePath: 'C:\\Program Files\\MSSQL\\DATA\\MSDBData.mdf',
    targetPath: 'F:\\data\\MSDBData_1624021705.mdf',
  },
  {
    mappingType: 'Log',
    sourceLogicalName: 'MSDBLog',
    sourcePath: 'C:\\Program Files\\MSSQL\\DATA\\MSDBLog.ldf',
    targetPath: 'G:\\log\\MSDBLog_1624021705.ldf',
  },
];

const input = (o: Partial<RestoreInput> = {}): RestoreInput => restoreInput({ point: '111', confirmName: 'msdb', ...o });

function fieldsOf(i: RestoreInput): Record<string, string> {
  try {
    validateRestore(i, ctx);
  } catch (e) {
    assert.ok(e instanceof RestoreValidationError);
    return e.fields;
  }
  assert.fail('expected a RestoreValidationError');
}

const body = (i: RestoreInput) => buildRestoreRequest(validateRestore(i, ctx), i, sourceVm);

describe('restore choices and request bodies', () => {
  it('original location: the documented body, plus the overwrite the typed confirmation agreed to', () => {
    const plan = body(input());
    assert.equal(plan.recoveryPoint, '111');
    // Observed: {"objectType":"AzureWorkloadSQLRestoreRequest","recoveryType":"OriginalLocation",
    //            "shouldUseAlternateTargetLocation":true,"isNonRecoverable":false}
    assert.deepEqual(plan.body, {
      properties: {
        objectType: 'AzureWorkloadSQLRestoreRequest',
        recoveryType: 'OriginalLocation',
        targetInfo: { overwriteOption: 'Overwrite' },
        shouldUseAlternateTargetLocation: true,
        isNonRecoverable: false,
      },
    });
  });

  it('alternate location: the documented body with the target container, instance/name and a path per file', () => {
    const plan = body(input({ target: 'alternate', containerId, instance: 'mssqlserver', databaseName: ' msdb_restored ', files }));
    assert.deepEqual(plan.body, {
      properties: {
        objectType: 'AzureWorkloadSQLRestoreRequest',
        recoveryType: 'AlternateLocation',
        sourceResourceId: sourceVm,
        // The example sends Overwrite; the wizard checked the name is new, so a clash fails instead.
        targetInfo: { overwriteOption: 'FailOnConflict', containerId, databaseName: 'MSSQLSERVER/msdb_restored' },
        targetVirtualMachineId: targetVm,
        shouldUseAlternateTargetLocation: true,
        isNonRecoverable: false,
        alternateDirectoryPaths: files,
      },
    });
  });

  it('restore as files: AlternateLocation with recoveryMode FileRecovery and the folder', () => {
    const plan = body(input({ target: 'files', containerId, folder: 'F:\\restore ' }));
    assert.deepEqual(plan.body, {
      properties: {
        objectType: 'AzureWorkloadSQLRestoreRequest',
        recoveryType: 'AlternateLocation',
        recoveryMode: 'FileRecovery',
        sourceResourceId: sourceVm,
        targetInfo: { overwriteOption: 'Overwrite', containerId, targetDirectoryForFileRestore: 'F:\\restore' },
        targetVirtualMachineId: targetVm,
        shouldUseAlternateTargetLocation: true,
        isNonRecoverable: false,
      },
    });
  });

  it('a point in time: the point-in-time request with pointInTime (read as UTC), posted to DefaultRangeRecoveryPoint', () => {
    const plan = body(
      input({
        mode: 'pointInTime',
        pointInTime: '2026-11-20T10:15:30',
        target: 'alternate',
        containerId,
        instance: 'MSSQLSERVER',
        databaseName: 'x',
        files,
      }),
    );
    assert.equal(plan.recoveryPoint, 'DefaultRangeRecoveryPoint');
    assert.equal(plan.body.properties.objectType, 'AzureWorkloadSQLPointInTimeRestoreRequest');
    assert.equal(plan.body.properties.pointInTime, '2026-11-20T10:15:30.000Z');
    assert.equal(
      body(input({ mode: 'pointInTime', pointInTime: '2026-11-20T10:15' })).body.properties.pointInTime,
      '2026-11-20T10:15:00.000Z',
    );
  });

  it('names the field of every broken rule', () => {
    assert.deepEqual(Object.keys(fieldsOf(input({ point: '' }))), ['point']);
    assert.match(fieldsOf(input({ confirmName: 'MSDB' })).confirmName, /Type msdb to confirm/);
    assert.match(fieldsOf(input({ mode: 'pointInTime', pointInTime: 'yesterday' })).pointInTime, /UTC date and time/);
    assert.match(
      fieldsOf(input({ mode: 'pointInTime', pointInTime: '2026-11-22T00:00:00' })).pointInTime,
      /outside every log range\. Choose a moment inside a log range: 2026-11-20 01:00:00 UTC – 2026-11-21 00:00:00 UTC/,
    );
    assert.deepEqual(Object.keys(fieldsOf(input({ target: 'alternate', containerId: 'nope' }))), ['containerId']);
    const alt = fieldsOf(
      input({
        target: 'alternate',
        containerId,
        instance: 'OTHER',
        databaseName: 'a/b',
        files: [
          { ...files[0], targetPath: 'data.mdf' },
          { ...files[1], targetPath: 'data.mdf' },
        ],
      }),
    );
    assert.deepEqual(Object.keys(alt).sort(), ['databaseName', 'instance', 'targetPath-0', 'targetPath-1']);
    assert.match(
      fieldsOf(input({ target: 'alternate', containerId, instance: 'MSSQLSERVER', databaseName: 'taken', files })).databaseName,
      /already has a database named taken/,
    );
    assert.match(
      fieldsOf(input({ target: 'alternate', containerId, instance: 'MSSQLSERVER', databaseName: 'n'.repeat(129), files })).databaseName,
      /at most 128/,
    );
    const dup = fieldsOf(
      input({
        target: 'alternate',
        containerId,
        instance: 'MSSQLSERVER',
        databaseName: 'ok',
        files: [files[0], { ...files[1], targetPath: files[0].targetPath.toUpperCase() }],
      }),
    );
    assert.match(dup['targetPath-1'], /same path/);
    assert.deepEqual(Object.keys(fieldsOf(input({ target: 'files', containerId, folder: 'restore' }))), ['folder']);
    assert.deepEqual(Object.keys(fieldsOf(input({ target: 'files', folder: 'F:\\r' }))), ['containerId']);
  });

  it('pre-fills target paths from the instance folders, named as azure-cli names them', () => {
    const mapped = defaultFileMappings(
      [
        { type: 'Data', path: 'F:\\data\\SalesDb.mdf', logicalName: 'SalesDb' },
        { type: 'Log', path: 'G:\\log\\SalesDb_log.ldf', logicalName: 'SalesDb_log' },
      ],
      ctx.targets[0].instances[0],
      1_624_021_705_123,
    );
    assert.deepEqual(
      mapped.map((m) => [m.mappingType, m.sourceLogicalName, m.sourcePath, m.targetPath]),
      [
        ['Data', 'SalesDb', 'F:\\data\\SalesDb.mdf', 'F:\\data\\SalesDb_1624021705.mdf'],
        ['Log', 'SalesDb_log', 'G:\\log\\SalesDb_log.ldf', 'G:\\log\\SalesDb_log_1624021705.ldf'],
      ],
    );
  });

  it("ties the service's refusals to the field they are about", () => {
    // The emulator's messages, which follow the service's wording.
    assert.equal(fieldOfRestoreRefusal('The point in time 2026-11-30T00:00:00Z is outside the available log ranges (…).'), 'pointInTime');
    assert.equal(fieldOfRestoreRefusal("alternateDirectoryPaths needs exactly one Log mapping for the file 'x_log'."), 'files');
    assert.equal(fieldOfRestoreRefusal("targetInfo.databaseName must be '<instance>/<database>'"), 'databaseName');
    assert.equal(fieldOfRestoreRefusal('Restore as files needs targetInfo.targetDirectoryForFileRestore (e.g. F:\\restore).'), 'folder');
    assert.equal(fieldOfRestoreRefusal("targetInfo.containerId 'c' is not a container registered to this vault."), 'containerId');
    assert.equal(fieldOfRestoreRefusal('Internal error.'), undefined);
  });
});
