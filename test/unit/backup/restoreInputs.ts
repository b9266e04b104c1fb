// A restore form with every field empty but the ones a test sets (point, confirmation…).
import type { RestoreInput } from '../../../src/backup/workflows/restoreValidation';

export const restoreInput = (o: Partial<RestoreInput> = {}): RestoreInput => ({
  mode: 'point',
  point: '',
  pointInTime: '',
  target: 'original',
  confirmName: '',
  containerId: '',
  instance: '',
  databaseName: '',
  files: [],
  folder: '',
  ...o,
});
