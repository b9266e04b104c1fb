// The CLI flag for Backup's time scale.
import assert from 'node:assert/strict';
import { parseArgs, USAGE } from '../../../../src/emulator/cli';

describe('emulator CLI: --backup-time-scale', () => {
  it('sets backupTimeScale (0 is read as 1: time never stops)', () => {
    assert.equal(parseArgs(['--backup-time-scale', '600']).backupTimeScale, 600);
    assert.equal(parseArgs(['--backup-time-scale=1']).backupTimeScale, 1);
    assert.equal(parseArgs(['--backup-time-scale', '0']).backupTimeScale, 1);
    assert.throws(() => parseArgs(['--backup-time-scale', 'fast']), /non-negative number/);
    assert.match(USAGE, /--backup-time-scale N/);
  });
});
