// Thrown when a call needs a connection and there is none: no Microsoft account session in VS Code, or
// no environment to talk to (signed out, or the local emulator not running). One type, so every caller
// can tell "sign in first" from a failed request.
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';

  /** The message for an extension with no connection; `reason` says why (e.g. "not signed in to Azure"). */
  static because(reason: string): NotSignedInError {
    return new NotSignedInError(`Azure SQL Data Movement is ${reason}. Sign in, or start the local emulator, and try again.`);
  }
}
