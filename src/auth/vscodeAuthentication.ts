// The ONLY file in src/auth that imports 'vscode': VS Code's authentication API as a SessionProvider.
import * as vscode from 'vscode';
import type { SessionProvider, SessionRequest } from './vscodeSessionCredential';

export const vscodeSessionProvider: SessionProvider = {
  async getAccessToken(request: SessionRequest): Promise<string | undefined> {
    const options: vscode.AuthenticationGetSessionOptions = request.claims
      ? { forceNewSession: { detail: 'Azure asked to sign in again (a policy or session change).' } }
      : request.interactive
        ? { createIfNone: true }
        : { silent: true };
    const session = await vscode.authentication.getSession(request.providerId, request.scopes, options);
    return session?.accessToken;
  },
};
