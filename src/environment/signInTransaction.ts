// Replacing a sign-in must never break the one that works: the new secret is stored under its own
// key, proven with a token, and only then does the saved sign-in point at it. Until that swap the
// previous sign-in and its secret stay untouched, so a failed attempt leaves the user signed in.
import { randomUUID } from 'node:crypto';
import type { SecretStore } from '../auth/secretStore';
import type { SignIn } from './signInStore';

export interface SignInSwap {
  secrets: SecretStore;
  /** The sign-in saved now, if any; its secret is dropped only once the new one is saved. */
  previous: SignIn | undefined;
  /** Throws when the new sign-in cannot get a token. */
  verify: (next: SignIn) => Promise<void>;
  save: (next: SignIn) => Promise<void>;
}

/** A secret key no saved sign-in uses yet, so storing under it cannot overwrite a working secret. */
export function newServicePrincipalSecretKey(tenantId: string, clientId: string): string {
  return `sqlDataMovement.servicePrincipal:${tenantId}:${clientId}:${randomUUID()}`;
}

const secretKeyOf = (signIn: SignIn | undefined) => (signIn && 'secretKey' in signIn.source ? signIn.source.secretKey : undefined);

export async function swapSignIn(next: SignIn, swap: SignInSwap): Promise<void> {
  const nextKey = secretKeyOf(next);
  const previousKey = secretKeyOf(swap.previous);
  try {
    await swap.verify(next);
    await swap.save(next);
  } catch (e) {
    // Only the secret of this attempt goes; the previous sign-in's secret is still in use.
    if (nextKey && nextKey !== previousKey) await swap.secrets.delete(nextKey);
    throw e;
  }
  if (previousKey && previousKey !== nextKey) await swap.secrets.delete(previousKey);
}
