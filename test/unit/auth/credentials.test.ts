import assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../helpers/httpsTestServer';
import { testClient } from '../helpers/testClients';
import { CachingCredential } from '../../../src/auth/cachingCredential';
import { EmulatorCredential } from '../../../src/auth/emulatorCredential';
import { InMemorySecretStore } from '../../../src/auth/secretStore';
import { createClientSecretCredential } from '../../../src/auth/identityCredentials';
import { createAzureConnection } from '../../../src/auth/azureConnection';
import { createCredential } from '../../../src/auth/credentialFactory';
import { VsCodeAccountCredential, jwtExpiry, type SessionRequest } from '../../../src/auth/vscodeSessionCredential';
import { customCloud, emulatorCloud, PUBLIC_ARM_SCOPE, PUBLIC_FABRIC_SCOPE } from '../../../src/azure/clouds';
import { AzureRequestError } from '../../../src/azure/http/azureError';
import { generate } from 'selfsigned';

/** Answers as the Entra authority of `tenant`: its OpenID configuration, then `accessToken` for any token request. */
function answerAsAuthority(server: HttpsTestServer, tenant: string, accessToken: string): void {
  server.handle((req, res) => {
    if (req.url.includes('openid-configuration')) {
      return sendJson(res, 200, {
        token_endpoint: `${server.origin}/${tenant}/oauth2/v2.0/token`,
        issuer: `${server.origin}/${tenant}/v2.0`,
        authorization_endpoint: `${server.origin}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${server.origin}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${server.origin}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
      });
    }
    sendJson(res, 200, { token_type: 'Bearer', access_token: accessToken, expires_in: 3600, ext_expires_in: 3600 });
  });
}

class CountingCredential implements TokenCredential {
  calls: Array<GetTokenOptions | undefined> = [];
  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number,
  ) {}
  getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    this.calls.push(options);
    return Promise.resolve({ token: `t${this.calls.length}`, expiresOnTimestamp: this.now() + this.lifetimeMs });
  }
}

describe('token cache', () => {
  it('reuses a token per scope until 5 minutes before expiry, then refreshes', async () => {
    let now = 1_000_000;
    const inner = new CountingCredential(60 * 60_000, () => now);
    const cache = new CachingCredential(inner, { now: () => now });
    assert.equal((await cache.getToken(PUBLIC_ARM_SCOPE))?.token, 't1');
    assert.equal((await cache.getToken([PUBLIC_ARM_SCOPE]))?.token, 't1');
    assert.equal((await cache.getToken(PUBLIC_FABRIC_SCOPE))?.token, 't2', 'another audience gets its own token');
    now += 54 * 60_000;
    assert.equal((await cache.getToken(PUBLIC_ARM_SCOPE))?.token, 't1', '6 minutes left: still cached');
    now += 2 * 60_000;
    assert.equal((await cache.getToken(PUBLIC_ARM_SCOPE))?.token, 't3', '4 minutes left: refreshed');
    assert.equal((await cache.getToken(PUBLIC_ARM_SCOPE, { tenantId: 'other' }))?.token, 't4', 'per tenant');
  });

  it('shares one in-flight request and bypasses the cache for claims', async () => {
    const inner = new CountingCredential(3_600_000, Date.now);
    const cache = new CachingCredential(inner);
    const tokens = await Promise.all([cache.getToken('s'), cache.getToken('s'), cache.getToken('s')]);
    assert.deepEqual(
      tokens.map((t) => t?.token),
      ['t1', 't1', 't1'],
    );
    assert.equal((await cache.getToken('s', { claims: '{"x":1}' }))?.token, 't2');
    assert.equal(inner.calls[1]?.claims, '{"x":1}');
    assert.equal((await cache.getToken('s'))?.token, 't2', 'the fresh token replaces the cached one');
  });
});

describe('credentials against a local HTTPS authority', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('emulator credential: client-credentials form POST to {authority}/{tenant}/oauth2/v2.0/token', async () => {
    const secrets = new InMemorySecretStore();
    await secrets.store('sp-secret', 'S3cret&=!');
    server.handle((_req, res) => sendJson(res, 200, { token_type: 'Bearer', access_token: 'emu-token', expires_in: 3599 }));
    const credential = new EmulatorCredential({
      authorityHost: server.origin,
      tenantId: 'tenant-1',
      clientId: 'app-1',
      secrets,
      secretKey: 'sp-secret',
      agent: server.agent,
    });
    const token = await credential.getToken(PUBLIC_ARM_SCOPE);
    assert.equal(token.token, 'emu-token');
    assert.ok(Math.abs(token.expiresOnTimestamp - (Date.now() + 3_599_000)) < 2_000);
    const sent = server.requests[0];
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/tenant-1/oauth2/v2.0/token');
    assert.equal(sent.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(sent.body)), {
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: 'S3cret&=!',
      scope: PUBLIC_ARM_SCOPE,
    });
  });

  it('emulator credential: OAuth error → typed error without the secret; missing secret → clear message', async () => {
    const secrets = new InMemorySecretStore();
    await secrets.store('k', 'topsecret');
    server.handle((_req, res) =>
      sendJson(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }),
    );
    const credential = new EmulatorCredential({
      authorityHost: server.origin,
      tenantId: 't',
      clientId: 'c',
      secrets,
      secretKey: 'k',
      agent: server.agent,
    });
    await assert.rejects(
      credential.getToken('s'),
      (e: AzureRequestError) =>
        e.code === 'invalid_client' && /Invalid client secret/.test(e.message) && !e.toDetailsText().includes('topsecret'),
    );
    let n = 0;
    server.handle((_req, res) =>
      n++ === 0
        ? sendJson(res, 503, {}, { 'retry-after-ms': '5' })
        : sendJson(res, 200, { token_type: 'Bearer', access_token: 'after-retry', expires_in: 60 }),
    );
    const retrying = new EmulatorCredential({
      authorityHost: server.origin,
      tenantId: 't',
      clientId: 'c',
      secrets,
      secretKey: 'k',
      agent: server.agent,
      retry: { maxRetries: 2, baseDelayMs: 5 },
    });
    assert.equal((await retrying.getToken('s')).token, 'after-retry');
    const noSecret = new EmulatorCredential({
      authorityHost: server.origin,
      tenantId: 't',
      clientId: 'c',
      secrets,
      secretKey: 'missing',
      agent: server.agent,
    });
    await assert.rejects(noSecret.getToken('s'), /client secret is not stored/);
  });

  it('@azure/identity ClientSecretCredential works against a custom authority through our agent (instance discovery off)', async () => {
    const secrets = new InMemorySecretStore();
    await secrets.store('sp', 'identity-secret');
    answerAsAuthority(server, 'tenant-2', 'sp-token');
    const cloud = customCloud({ armEndpoint: server.origin, authorityHost: server.origin });
    const credential = createClientSecretCredential({
      cloud,
      tenantId: 'tenant-2',
      clientId: 'app-2',
      secrets,
      secretKey: 'sp',
      agent: server.agent,
    });
    const token = await credential.getToken(`${server.origin}/.default`);
    assert.equal(token?.token, 'sp-token');
    const tokenRequest = server.requests.find((r) => r.url.split('?')[0] === '/tenant-2/oauth2/v2.0/token');
    assert.ok(tokenRequest, server.requests.map((r) => r.url).join(', '));
    const form = new URLSearchParams(tokenRequest.body);
    assert.equal(form.get('client_secret'), 'identity-secret');
    assert.equal(form.get('client_id'), 'app-2');
    assert.ok(!server.requests.some((r) => r.url.includes('discovery/instance')), 'no instance discovery');
  });

  it('@azure/identity ClientCertificateCredential signs a client assertion with the PEM from the SecretStore', async () => {
    const pems = await generate([{ name: 'commonName', value: 'app-3' }], { keySize: 2048 });
    const secrets = new InMemorySecretStore();
    await secrets.store('sp-cert', `${pems.private}\n${pems.cert}`);
    answerAsAuthority(server, 'tenant-3', 'cert-token');
    const credential = createCredential(
      { kind: 'servicePrincipalCertificate', tenantId: 'tenant-3', clientId: 'app-3', secretKey: 'sp-cert' },
      { cloud: customCloud({ armEndpoint: server.origin, authorityHost: server.origin }), secrets, agent: server.agent },
    );
    assert.equal((await credential.getToken(`${server.origin}/.default`))?.token, 'cert-token');
    const form = new URLSearchParams(server.requests.find((r) => r.url.startsWith('/tenant-3/oauth2/v2.0/token'))?.body ?? '');
    assert.equal(form.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = form.get('client_assertion') ?? '';
    const header = JSON.parse(Buffer.from(assertion.split('.')[0], 'base64url').toString('utf8')) as { alg?: string };
    assert.match(String(header.alg), /^(RS|PS)256$/);
    assert.equal(form.get('client_secret'), null);
  });

  it('a 401 claims challenge is answered once with a token carrying the claims', async () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    const asked: Array<string | undefined> = [];
    const inner: TokenCredential = {
      getToken(_s, o) {
        asked.push(o?.claims);
        return Promise.resolve({ token: o?.claims ? 'fresh' : 'stale', expiresOnTimestamp: Date.now() + 3_600_000 });
      },
    };
    server.handle((req, res) => {
      if (req.headers.authorization === 'Bearer fresh') return sendJson(res, 200, { ok: true });
      res.writeHead(401, {
        'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`,
      });
      res.end();
    });
    const body = await testClient(server, { credential: new CachingCredential(inner) }).json({
      operationName: 'Get',
      method: 'GET',
      url: '/x',
    });
    assert.deepEqual(body, { ok: true });
    assert.deepEqual(asked, [undefined, claims]);
    assert.equal(server.requests.length, 2);
  });

  it('a 401 invalid_token (expired early) drops the cached token and retries once; a second 401 is the typed error', async () => {
    const inner = new CountingCredential(3_600_000, Date.now);
    const cache = new CachingCredential(inner);
    const www =
      'Bearer authorization_uri="https://login/x", error="invalid_token", error_description="The access token expiry UTC time is earlier than current UTC time."';
    server.handle((req, res) =>
      req.headers.authorization === 'Bearer t1'
        ? sendJson(res, 401, { error: { code: 'ExpiredAuthenticationToken', message: 'expired' } }, { 'www-authenticate': www })
        : sendJson(res, 200, { token: req.headers.authorization }),
    );
    const client = testClient(server, { credential: cache });
    assert.deepEqual(await client.json({ operationName: 'Get', method: 'GET', url: '/x' }), { token: 'Bearer t2' });
    assert.deepEqual(
      await client.json({ operationName: 'Get', method: 'GET', url: '/y' }),
      { token: 'Bearer t2' },
      'the new token is cached and reused',
    );
    assert.equal(inner.calls.length, 2);
    assert.equal(server.requests.length, 3);

    server.handle((_req, res) =>
      sendJson(
        res,
        401,
        { error: { code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' } },
        { 'www-authenticate': www },
      ),
    );
    await assert.rejects(client.send({ operationName: 'List subscriptions', method: 'GET', url: '/subscriptions' }), {
      status: 401,
      code: 'ExpiredAuthenticationToken',
    });
    assert.equal(server.requests.length, 2, 'one refresh, then give up');
  });

  it('a 401 without a challenge header is returned at once as a typed error', async () => {
    server.handle((_req, res) => sendJson(res, 401, { error: { code: 'AuthenticationFailed', message: 'no' } }));
    await assert.rejects(testClient(server).send({ operationName: 'Get', method: 'GET', url: '/x' }), {
      status: 401,
      code: 'AuthenticationFailed',
    });
    assert.equal(server.requests.length, 1);
  });

  it('emulator connection from the printed {arm, fabric, authority, certificate}: public audiences, certificate trusted exactly', async () => {
    const secrets = new InMemorySecretStore();
    await secrets.store('emu', 'emu-secret');
    server.handle((req, res) => {
      if (req.url.endsWith('/oauth2/v2.0/token')) {
        const scope = new URLSearchParams(req.body).get('scope');
        return sendJson(res, 200, {
          token_type: 'Bearer',
          access_token: scope === PUBLIC_FABRIC_SCOPE ? 'fabric-token' : 'arm-token',
          expires_in: 3600,
        });
      }
      sendJson(res, 200, { value: [], auth: req.headers.authorization });
    });
    const cloud = emulatorCloud({
      arm: `${server.origin}/arm`,
      fabric: `${server.origin}/fabric`,
      authority: `${server.origin}/login`,
      certificate: server.certificate.cert,
    });
    assert.equal(cloud.armScope, PUBLIC_ARM_SCOPE);
    assert.equal(cloud.fabricScope, PUBLIC_FABRIC_SCOPE);
    const connection = createAzureConnection({
      cloud,
      source: { kind: 'emulator', tenantId: 'emu-tenant', clientId: 'emu-client', secretKey: 'emu' },
      secrets,
      retry: { maxRetries: 0 },
    });
    try {
      assert.deepEqual(await connection.arm.json({ operationName: 'List subscriptions', method: 'GET', url: '/subscriptions' }), {
        value: [],
        auth: 'Bearer arm-token',
      });
      assert.deepEqual(await connection.fabric?.json({ operationName: 'List workspaces', method: 'GET', url: '/workspaces' }), {
        value: [],
        auth: 'Bearer fabric-token',
      });
      assert.deepEqual(
        server.requests.map((r) => r.url),
        ['/login/emu-tenant/oauth2/v2.0/token', '/arm/subscriptions', '/login/emu-tenant/oauth2/v2.0/token', '/fabric/v1/workspaces'],
      );
    } finally {
      connection.dispose();
    }
  });

  it('VS Code account: scopes carry VSCODE_TENANT, expiry comes from the JWT, claims force a new session', async () => {
    const exp = Math.floor(Date.now() / 1000) + 1800;
    const jwt = `x.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.y`;
    const requests: SessionRequest[] = [];
    const credential = new VsCodeAccountCredential(
      {
        getAccessToken(r) {
          requests.push(r);
          return Promise.resolve(jwt);
        },
      },
      { providerId: 'microsoft', tenantId: 'tid' },
    );
    const token = await credential.getToken(PUBLIC_ARM_SCOPE, { claims: 'c' });
    assert.equal(token.expiresOnTimestamp, exp * 1000);
    assert.deepEqual(requests[0], {
      providerId: 'microsoft',
      scopes: [PUBLIC_ARM_SCOPE, 'VSCODE_TENANT:tid'],
      claims: 'c',
      interactive: false,
    });
    assert.equal(jwtExpiry('not-a-jwt'), undefined);
    const signedOut = new VsCodeAccountCredential(
      {
        getAccessToken() {
          return Promise.resolve(undefined);
        },
      },
      { providerId: 'microsoft' },
    );
    await assert.rejects(signedOut.getToken('s'), { name: 'NotSignedInError' });
    assert.throws(
      () =>
        createCredential(
          { kind: 'vscodeAccount' },
          {
            cloud: emulatorCloud({
              arm: server.origin,
              fabric: server.origin,
              authority: server.origin,
              certificate: server.certificate.cert,
            }),
            secrets: new InMemorySecretStore(),
            sessions: {
              getAccessToken() {
                return Promise.resolve('x');
              },
            },
          },
        ),
      /does not support VS Code account/,
    );
  });
});
