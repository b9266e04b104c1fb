// Bearer tokens through core-rest-pipeline's bearerTokenAuthenticationPolicy, which answers a CAE
// claims challenge (401 + `error="insufficient_claims", claims="…"`) once with a token carrying the
// claims. Two callbacks adapt it:
//  - authorizeRequest asks OUR credential each time (it caches per audience, see CachingCredential)
//    instead of core's private token cycler, so a token we drop is really gone;
//  - authorizeRequestOnChallenge handles `error="invalid_token"` (expired or revoked before its
//    stated expiry; the emulator injects this): drop the cached token, get a new one, retry once.
import type { TokenCredential } from '@azure/core-auth';
import { bearerTokenAuthenticationPolicy, type PipelinePolicy, type PipelineRequest } from '@azure/core-rest-pipeline';

/** A credential whose cache can be told that a token was rejected (CachingCredential). */
export interface InvalidatableCredential extends TokenCredential {
  invalidate(scopes: string | string[]): void;
}

function canInvalidate(c: TokenCredential): c is InvalidatableCredential {
  return typeof (c as Partial<InvalidatableCredential>).invalidate === 'function';
}

async function authorize(credential: TokenCredential, scopes: string[], request: PipelineRequest): Promise<void> {
  const token = await credential.getToken(scopes, { abortSignal: request.abortSignal });
  if (!token) throw new Error('No access token was returned by the credential.');
  request.headers.set('Authorization', `Bearer ${token.token}`);
}

export function bearerAuthPolicy(credential: TokenCredential, scope: string): PipelinePolicy {
  return bearerTokenAuthenticationPolicy({
    credential,
    scopes: scope,
    challengeCallbacks: {
      async authorizeRequest({ request, scopes }) {
        await authorize(credential, scopes, request);
      },
      async authorizeRequestOnChallenge({ request, response, scopes }) {
        const challenge = response.headers.get('WWW-Authenticate') ?? '';
        if (!/error\s*=\s*"?invalid_token"?/i.test(challenge)) return false;
        if (canInvalidate(credential)) credential.invalidate(scopes);
        await authorize(credential, scopes, request);
        return true;
      },
    },
  });
}
