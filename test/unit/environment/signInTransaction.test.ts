// Re-signing in is transactional: a failed attempt leaves the previous sign-in and its secret working.
import * as assert from 'node:assert/strict';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import type { SignIn } from '../../../src/environment/signInStore';
import { newServicePrincipalSecretKey, swapSignIn } from '../../../src/environment/signInTransaction';

const tenant = '11111111-2222-3333-4444-555555555555';
const client = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

async function storedSignIn(secrets: InMemorySecretStore, secret: string): Promise<SignIn> {
  const secretKey = newServicePrincipalSecretKey(tenant, client);
  await secrets.store(secretKey, secret);
  return { source: { kind: 'servicePrincipalSecret', tenantId: tenant, clientId: client, secretKey }, account: `app ${client}` };
}

describe('swapSignIn', () => {
  it('stores each attempt of the same service principal under its own key', () => {
    assert.notEqual(newServicePrincipalSecretKey(tenant, client), newServicePrincipalSecretKey(tenant, client));
  });

  it('keeps the previous sign-in and its secret when the new one cannot get a token', async () => {
    const secrets = new InMemorySecretStore();
    const previous = await storedSignIn(secrets, 'working');
    let saved: SignIn | undefined = previous;
    const next = await storedSignIn(secrets, 'rotated-but-wrong');
    await assert.rejects(
      swapSignIn(next, {
        secrets,
        previous,
        verify: () => Promise.reject(new Error('AADSTS7000215: Invalid client secret provided.')),
        save: (s) => {
          saved = s;
          return Promise.resolve();
        },
      }),
      /AADSTS7000215/,
    );
    assert.equal(saved, previous);
    assert.equal(await secrets.get((previous.source as { secretKey: string }).secretKey), 'working');
    assert.equal(await secrets.get((next.source as { secretKey: string }).secretKey), undefined, 'the failed secret is not kept');
  });

  it('saves the new sign-in and only then drops the previous secret', async () => {
    const secrets = new InMemorySecretStore();
    const previous = await storedSignIn(secrets, 'old');
    const next = await storedSignIn(secrets, 'new');
    const order: string[] = [];
    await swapSignIn(next, {
      secrets,
      previous,
      verify: async (s) => {
        order.push('verify');
        assert.equal(await secrets.get((s.source as { secretKey: string }).secretKey), 'new');
      },
      save: (s) => {
        order.push('save');
        assert.equal(s, next);
        return Promise.resolve();
      },
    });
    assert.deepEqual(order, ['verify', 'save']);
    assert.equal(await secrets.get((next.source as { secretKey: string }).secretKey), 'new');
    assert.equal(await secrets.get((previous.source as { secretKey: string }).secretKey), undefined, 'the replaced secret is dropped');
  });

  it('keeps the previous secret when saving the new sign-in fails', async () => {
    const secrets = new InMemorySecretStore();
    const previous = await storedSignIn(secrets, 'old');
    const next = await storedSignIn(secrets, 'new');
    await assert.rejects(
      swapSignIn(next, { secrets, previous, verify: () => Promise.resolve(), save: () => Promise.reject(new Error('state write failed')) }),
      /state write failed/,
    );
    assert.equal(await secrets.get((previous.source as { secretKey: string }).secretKey), 'old');
    assert.equal(await secrets.get((next.source as { secretKey: string }).secretKey), undefined);
  });
});
