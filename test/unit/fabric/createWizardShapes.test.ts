// The Create Mirrored Database page's message schemas accept what the page sends and refuse the rest.
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { FROM_CREATE_WIZARD_SCHEMAS } from '../../../src/fabric/webviews/createWizardShapes';

const form = {
  workspaceId: 'w',
  displayName: 'n',
  description: '',
  connectionId: 'c',
  mode: 'tables',
  tables: [{ schema: 'dbo', table: 'T' }],
  defaultSchema: 'dbo',
  retentionInDays: '7',
};

describe('create wizard message schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const valid = (type: keyof typeof FROM_CREATE_WIZARD_SCHEMAS, message: object) => ajv.validate(FROM_CREATE_WIZARD_SCHEMAS[type], message);

  it('accepts every message the page sends', () => {
    assert.ok(valid('ready', { type: 'ready' }));
    assert.ok(valid('loadTables', { type: 'loadTables', connectionId: 'c' }));
    assert.ok(valid('create', { type: 'create', form }));
    assert.ok(valid('applyFix', { type: 'applyFix', fixId: 'f', form }));
    assert.ok(valid('cspViolation', { type: 'cspViolation', directive: 'script-src', blocked: 'inline' }));
  });

  it('refuses missing fields, wrong types and unknown modes', () => {
    assert.ok(!valid('loadTables', { type: 'loadTables' }));
    assert.ok(!valid('create', { type: 'create', form: { ...form, retentionInDays: 7 } }));
    assert.ok(!valid('create', { type: 'create', form: { ...form, mode: 'everything' } }));
    assert.ok(!valid('create', { type: 'create', form: { ...form, tables: [{ schema: 'dbo' }] } }));
  });
});
