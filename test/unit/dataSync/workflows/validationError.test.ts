import assert from 'node:assert/strict';
import {
  DataSyncValidationError,
  isDataSyncValidationError,
  problemsOf,
  throwIfInvalid,
} from '../../../../src/dataSync/workflows/validationError';

describe('DataSyncValidationError', () => {
  it('keeps every problem, shows the first per field, and says them all in its message', () => {
    const problems = problemsOf([
      ['name', 'Name is bad.'],
      ['interval', undefined],
      ['name', 'Name is taken.'],
      ['password', 'Password is required.'],
    ]);
    assert.deepEqual(problems, [
      { field: 'name', message: 'Name is bad.' },
      { field: 'name', message: 'Name is taken.' },
      { field: 'password', message: 'Password is required.' },
    ]);
    const e = new DataSyncValidationError(problems);
    assert.deepEqual(e.fields, { name: 'Name is bad.', password: 'Password is required.' });
    assert.deepEqual(e.messages, ['Name is bad.', 'Name is taken.', 'Password is required.']);
    assert.equal(e.message, 'Name is bad. Name is taken. Password is required.');
    assert.equal(e.name, 'DataSyncValidationError');
    assert.ok(isDataSyncValidationError(e) && e instanceof Error);
    assert.ok(!isDataSyncValidationError(new Error('x')));
  });
  it('throwIfInvalid throws only when there is a problem', () => {
    throwIfInvalid([]);
    assert.throws(() => throwIfInvalid([{ field: 'f', message: 'm' }]), DataSyncValidationError);
  });
});
