// Token endpoint (Entra v2 client credentials), JWT claims, ARM 401s, and a real @azure/identity
// ClientSecretCredential obtaining a token from the emulator.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import { startTestEmulator, type TestEmulator } from './helpers';
import { TokenService } from '../../../src/emulator/core/tokens';
import { armErrorOf, claimsOf, fabricErrorOf, openIdConfigurationOf, tokenAnswerOf, tokenErrorOf } from './answers';

describe('emulator auth', function () {
  let t: TestEmulator;
  before(async () => {
    t = await startTestEmulator({ seed: 'empty' });
  });
  after(() => t.stop());

  const tokenCall = (form: Record<string, string>) =>
    t.call('POST', `${t.emu.endpoints.authority}/${t.emu.tenantId}/oauth2/v2.0/token`, {
      token: null,
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('issues Entra-shaped client-credential tokens with aud from the scope', async () => {
    const r = await tokenCall({
      grant_type: 'client_credentials',
      client_id: 'emulator',
      client_secret: 'emulator',
      scope: 'https://management.azure.com/.default',
    });
    assert.equal(r.status, 200);
    const answer = tokenAnswerOf(r);
    assert.equal(answer.token_type, 'Bearer');
    assert.ok(answer.expires_in > 3000 && answer.ext_expires_in > 3000);
    const claims = claimsOf(answer.access_token);
    assert.equal(claims.aud, 'https://management.azure.com');
    assert.equal(claims.tid, t.emu.tenantId);
    assert.match(claims.oid, /^[0-9a-f-]{36}$/);
    assert.ok(claims.exp > Date.now() / 1000);
    const fabric = await tokenCall({
      grant_type: 'client_credentials',
      client_id: 'someone',
      client_secret: 'x',
      scope: 'https://api.fabric.microsoft.com/.default',
    });
    assert.equal(claimsOf(tokenAnswerOf(fabric).access_token).aud, 'https://api.fabric.microsoft.com');
  });

  it('rejects an empty secret (invalid_client) and other grants (unsupported_grant_type)', async () => {
    const r = await tokenCall({
      grant_type: 'client_credentials',
      client_id: 'emulator',
      client_secret: '',
      scope: 'https://management.azure.com/.default',
    });
    assert.equal(r.status, 401);
    assert.equal(tokenErrorOf(r).error, 'invalid_client');
    assert.deepEqual(tokenErrorOf(r).error_codes, [7000215]);
    const g = await tokenCall({ grant_type: 'password', client_id: 'emulator', client_secret: 'x', scope: 'x/.default' });
    assert.equal(tokenErrorOf(g).error, 'unsupported_grant_type');
  });

  it('serves OpenID metadata for MSAL', async () => {
    const r = await t.call('GET', `${t.emu.endpoints.authority}/${t.emu.tenantId}/v2.0/.well-known/openid-configuration`, { token: null });
    assert.equal(r.status, 200);
    const metadata = openIdConfigurationOf(r);
    assert.equal(metadata.token_endpoint, `${t.emu.endpoints.authority}/${t.emu.tenantId}/oauth2/v2.0/token`);
    assert.ok(metadata.issuer && metadata.authorization_endpoint && metadata.jwks_uri);
  });

  function assert401(r: Awaited<ReturnType<TestEmulator['call']>>, code: string) {
    assert.equal(r.status, 401, r.text);
    assert.equal(armErrorOf(r).code, code);
    assert.ok(armErrorOf(r).message);
    assert.match(
      r.headers['www-authenticate'],
      /^Bearer authorization_uri="https:\/\/127\.0\.0\.1:\d+\/entra\/[0-9a-f-]+", error="invalid_token"/,
    );
  }

  it('ARM without a token → 401 AuthenticationFailed with WWW-Authenticate', async () => {
    assert401(await t.call('GET', '/subscriptions?api-version=2022-12-01', { token: null }), 'AuthenticationFailed');
  });
  it('ARM with a Fabric token → 401 InvalidAuthenticationTokenAudience', async () => {
    assert401(
      await t.call('GET', '/subscriptions?api-version=2022-12-01', { token: await t.token('https://api.fabric.microsoft.com/.default') }),
      'InvalidAuthenticationTokenAudience',
    );
  });
  it('ARM with a forged token → 401 InvalidAuthenticationToken', async () => {
    const forged = new TokenService(Buffer.alloc(32, 7)).sign(claimsOf(t.armToken));
    assert401(await t.call('GET', '/subscriptions?api-version=2022-12-01', { token: forged }), 'InvalidAuthenticationToken');
  });
  it('ARM with an expired token → 401 ExpiredAuthenticationToken', async () => {
    const claims = { ...claimsOf(t.armToken), exp: Math.floor(Date.now() / 1000) - 60 };
    const expired = TokenService.forDataDir(path.join(t.dataDir, 'token-secret')).sign(claims);
    assert401(await t.call('GET', '/subscriptions?api-version=2022-12-01', { token: expired }), 'ExpiredAuthenticationToken');
  });
  it('Fabric routes need a Fabric token and answer in Fabric shapes', async () => {
    const noAuth = await t.call('GET', `${t.emu.endpoints.fabric}/workspaces`, { token: null });
    assert.equal(noAuth.status, 401);
    assert.equal(fabricErrorOf(noAuth).errorCode, 'InvalidToken');
    const armToken = await t.call('GET', `${t.emu.endpoints.fabric}/workspaces`);
    assert.equal(armToken.status, 401, 'an ARM token is refused by Fabric');
    const fabricToken = await t.token('https://api.fabric.microsoft.com/.default');
    const r = await t.call('GET', `${t.emu.endpoints.fabric}/workspaces`, { token: fabricToken });
    assert.equal(r.status, 200);
    assert.ok(Array.isArray((r.body as { value?: unknown }).value));
    const missing = await t.call('GET', `${t.emu.endpoints.fabric}/nothing/here`, { token: fabricToken });
    assert.equal(missing.status, 404);
    assert.equal(fabricErrorOf(missing).errorCode, 'EntityNotFound');
    assert.ok(fabricErrorOf(missing).requestId);
  });

  it('@azure/identity ClientSecretCredential gets a token (authorityHost = emulator, cert trusted via agent)', async () => {
    const inner = createDefaultHttpClient();
    // Trust exactly the emulator's certificate: every request MSAL makes goes through this agent.
    const httpClient: HttpClient = {
      sendRequest: (req) => {
        req.agent = t.agent;
        return inner.sendRequest(req);
      },
    };
    const cred = new ClientSecretCredential(t.emu.tenantId, 'emulator', 'emulator', {
      authorityHost: t.emu.endpoints.authority,
      disableInstanceDiscovery: true,
      httpClient,
    });
    const at = await cred.getToken('https://management.azure.com/.default');
    assert.ok(at.token);
    assert.equal(claimsOf(at.token).aud, 'https://management.azure.com');
    const r = await t.call('GET', '/subscriptions?api-version=2022-12-01', { token: at.token });
    assert.equal(r.status, 200);
  });
});
