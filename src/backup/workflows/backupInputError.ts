// What a Backup workflow throws when its input cannot be sent: the input field it is about and why.
// Nothing has been sent to Azure when this is thrown.
export class BackupInputError extends Error {
  override readonly name = 'BackupInputError';

  constructor(
    /** The workflow input's property name, e.g. "policyId" or "confirmName". */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const isBackupInputError = (e: unknown): e is BackupInputError => e instanceof BackupInputError;
