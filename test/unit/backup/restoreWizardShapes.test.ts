// The Restore page's messages are checked at run time by the panel (messageShapeCheck over the protocol's
// schemas): what the page sends passes, anything else is refused with a reason before a handler sees it.
import * as assert from 'node:assert/strict';
import { FROM_RESTORE_WIZARD_SCHEMAS } from '../../../src/backup/webviews/restoreWizardShapes';
import type { RestoreForm } from '../../../src/backup/webviews/protocol/restoreWizard';
import { messageShapeCheck } from '../../../src/ui/webview/messageShape';

const form: RestoreForm = {
  mode: 'pointInTime',
  point: '',
  pointInTime: '2026-11-28T10:15:30',
  target: 'alternate',
  confirmName: '',
  containerId: '/subscriptions/s/…/protectionContainers/vmappcontainer;compute;rg;vm',
  instance: 'MSSQLSERVER',
  databaseName: 'SalesDb_restored',
  files: [
    { mappingType: 'Data', sourceLogicalName: 'SalesDb', sourcePath: 'F:\\data\\SalesDb.mdf', targetPath: 'F:\\data\\SalesDb_1.mdf' },
  ],
  folder: '',
};

describe('restore wizard message shapes', () => {
  const check = messageShapeCheck(FROM_RESTORE_WIZARD_SCHEMAS);

  it('accepts every message the page sends', () => {
    assert.equal(check({ type: 'ready' }), undefined);
    assert.equal(check({ type: 'loadFiles', point: 'DefaultRangeRecoveryPoint', containerId: 'c', instance: 'MSSQLSERVER' }), undefined);
    assert.equal(check({ type: 'preview', form }), undefined);
    assert.equal(check({ type: 'restore', form: { ...form, target: 'files', folder: 'F:\\restore', files: [] } }), undefined);
    assert.equal(check({ type: 'cspViolation', directive: 'script-src', blocked: 'inline' }), undefined);
  });

  it('refuses unknown types, missing fields, wrong types and unknown targets or modes', () => {
    assert.match(check({ type: 'restoreEverything' }) ?? '', /unknown message type/);
    assert.match(check('restore') ?? '', /not an object/);
    assert.ok(check({ type: 'loadFiles', point: 'p', containerId: 'c' }));
    assert.ok(check({ type: 'restore' }));
    assert.ok(check({ type: 'restore', form: { ...form, target: 'somewhere' } }));
    assert.ok(check({ type: 'restore', form: { ...form, mode: 'latest' } }));
    assert.ok(check({ type: 'restore', form: { ...form, databaseName: 42 } }));
    const { confirmName: _omitted, ...noConfirm } = form;
    assert.ok(check({ type: 'preview', form: noConfirm }));
    assert.ok(check({ type: 'restore', form: { ...form, files: [{ mappingType: 'Data', sourceLogicalName: 'x', sourcePath: 'y' }] } }));
    assert.ok(
      check({ type: 'restore', form: { ...form, files: [{ ...form.files[0], extra: true }] } }),
      'file mappings carry only their four fields',
    );
  });
});
