// Shared by the Data Sync commands: what they are built with.
import type { DataSyncContext } from '../dataSyncContext';
import type { UserInput } from '../../ui/userInput';
import type { ErrorReporter } from '../../ui/errorReporter';

export interface CommandDeps {
  ctx: DataSyncContext;
  input: UserInput;
  errors: ErrorReporter;
}
