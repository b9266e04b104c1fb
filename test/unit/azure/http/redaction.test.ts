import assert from 'node:assert/strict';
import { redactBodyText, redactFreeText, redactHeaders, redactJson, redactUrl, REDACTED } from '../../../../src/azure/http/redaction';
import { formatRestRequest } from '../../../../src/azure/http/restRequestFormatter';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLXBhcnQ';

describe('redaction', () => {
  it('headers: Authorization (bearer), cookies, auxiliary tokens, API keys', () => {
    const out = redactHeaders({
      Authorization: `Bearer ${JWT}`,
      'x-ms-authorization-auxiliary': `Bearer ${JWT}`,
      Cookie: 'a=b',
      'Ocp-Apim-Subscription-Key': 'k',
      'x-ms-client-request-id': 'keep',
      'Content-Type': 'application/json',
    });
    assert.deepEqual(out, {
      Authorization: REDACTED,
      'x-ms-authorization-auxiliary': REDACTED,
      Cookie: REDACTED,
      'Ocp-Apim-Subscription-Key': REDACTED,
      'x-ms-client-request-id': 'keep',
      'Content-Type': 'application/json',
    });
  });

  it('query parameters: sig, code, client_secret, access_token; keeps api-version and paging tokens', () => {
    const url = redactUrl(
      'https://h/p?api-version=2025-01-01&sig=abc&code=xyz&client_secret=s3&access_token=t&continuationToken=c1&$skipToken=st',
    );
    assert.equal(
      url,
      `https://h/p?api-version=2025-01-01&sig=${REDACTED}&code=${REDACTED}&client_secret=${REDACTED}&access_token=${REDACTED}&continuationToken=c1&$skipToken=st`,
    );
    assert.equal(
      redactUrl("https://h/p?$filter=backupManagementType eq 'AzureWorkload'&api-version=1"),
      "https://h/p?$filter=backupManagementType eq 'AzureWorkload'&api-version=1",
      'untouched when nothing is secret',
    );
    assert.equal(redactUrl('https://user:pw@h/p?x=1#frag'), `https://user:${REDACTED}@h/p?x=1#frag`);
    assert.ok(!/abc|xyz|s3|=t&/.test(url));
  });

  it('JSON bodies: password, hubDatabasePassword, clientSecret, syncAgentKey, access_token (nested, arrays)', () => {
    const body = {
      properties: {
        hubDatabaseUserName: 'admin',
        hubDatabasePassword: 'P@ss1',
        interval: 60,
        members: [{ password: 'P2', userName: 'u' }],
      },
      clientSecret: 'cs',
      syncAgentKey: 'key!',
      access_token: JWT,
      token_type: 'Bearer',
      refresh_token: 'rt',
      continuationToken: 'page2',
      credentials: { password: 'x' },
      error: { code: 'BadRequest', message: 'm' },
    };
    const out = redactJson(body) as typeof body;
    assert.equal(out.properties.hubDatabasePassword, REDACTED);
    assert.equal(out.properties.members[0].password, REDACTED);
    assert.equal(out.properties.hubDatabaseUserName, 'admin');
    assert.equal(out.properties.interval, 60);
    assert.equal(out.clientSecret, REDACTED);
    assert.equal(out.syncAgentKey, REDACTED);
    assert.equal(out.access_token, REDACTED);
    assert.equal(out.refresh_token, REDACTED);
    assert.equal(out.token_type, 'Bearer');
    assert.equal(out.continuationToken, 'page2');
    assert.deepEqual(out.error, { code: 'BadRequest', message: 'm' });
    const text = JSON.stringify(out);
    for (const secret of ['P@ss1', 'P2', '"cs"', 'key!', JWT, '"rt"']) assert.ok(!text.includes(secret), secret);
  });

  it('form bodies (client-credentials token request) and free text', () => {
    const form = redactBodyText(
      'grant_type=client_credentials&client_id=app&client_secret=S3cr3t%21&scope=https%3A%2F%2Fmanagement.azure.com%2F.default',
      'application/x-www-form-urlencoded',
    );
    assert.equal(
      form,
      `grant_type=client_credentials&client_id=app&client_secret=${REDACTED}&scope=https%3A%2F%2Fmanagement.azure.com%2F.default`,
    );
    const text = redactFreeText(`failed: Authorization: Bearer ${JWT} password=hunter2; {"clientSecret": "abc"} token ${JWT}`);
    for (const secret of [JWT, 'hunter2', '"abc"']) assert.ok(!text.includes(secret), text);
    assert.equal(redactBodyText(`{"access_token":"${JWT}","expires_in":3599}`), `{"access_token":"${REDACTED}","expires_in":3599}`);
  });

  it('Copy as REST request: .http format, pretty JSON, no secrets', () => {
    const text = formatRestRequest({
      method: 'put',
      url: 'https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg?api-version=2025-01-01',
      headers: { Authorization: `Bearer ${JWT}`, 'x-ms-client-request-id': 'r', 'If-Match': '*' },
      body: {
        properties: {
          interval: 300,
          conflictResolutionPolicy: 'HubWin',
          syncDatabaseId: '/subscriptions/s/…',
          hubDatabaseUserName: 'hubUser',
          hubDatabasePassword: 'Secret!1',
        },
      },
    });
    assert.equal(
      text,
      [
        'PUT https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db/syncGroups/sg?api-version=2025-01-01',
        'Authorization: Bearer {{token}}',
        'If-Match: *',
        'Content-Type: application/json',
        '',
        JSON.stringify(
          {
            properties: {
              interval: 300,
              conflictResolutionPolicy: 'HubWin',
              syncDatabaseId: '/subscriptions/s/…',
              hubDatabaseUserName: 'hubUser',
              hubDatabasePassword: '<redacted>',
            },
          },
          null,
          2,
        ),
        '',
      ].join('\n'),
    );
    assert.ok(!text.includes(JWT) && !text.includes('Secret!1'));
  });
});
