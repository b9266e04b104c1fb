import assert from 'node:assert/strict';
import { isTrustedHost } from '../../../../src/azure/http/trustedHostPolicy';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient } from '../../helpers/testClients';
import { armNextLink, createPager } from '../../../../src/azure/paging/pager';
import { ArmPoller } from '../../../../src/azure/lro/armPoller';

describe('token only to the service endpoint', () => {
  it('admits the endpoint host, its subdomains (Fabric workspace endpoints) and nothing else', () => {
    const fabric = ['api.fabric.microsoft.com'];
    assert.ok(isTrustedHost('https://api.fabric.microsoft.com/v1/workspaces', fabric));
    assert.ok(isTrustedHost('https://ws1.z12.w.api.fabric.microsoft.com/v1/x', fabric));
    assert.ok(!isTrustedHost('https://api.fabric.microsoft.com.evil.example/v1', fabric));
    assert.ok(!isTrustedHost('https://evilapi.fabric.microsoft.com/v1', fabric), 'a suffix is not a subdomain');
    assert.ok(!isTrustedHost('http://api.fabric.microsoft.com/v1', fabric), 'never over http');
    assert.ok(isTrustedHost('https://127.0.0.1:8443/x', ['127.0.0.1:8443']));
    assert.ok(!isTrustedHost('https://127.0.0.1:9999/x', ['127.0.0.1:8443']), 'another port is another service');
    assert.ok(!isTrustedHost('https://x.127.0.0.1.nip.example:8443/x', ['127.0.0.1:8443']), 'no subdomains of an IP');
  });

  describe('in the pipeline', () => {
    let server: HttpsTestServer;
    before(async () => {
      server = await startHttpsTestServer();
    });
    after(async () => {
      await server.close();
    });

    it('a nextLink or LRO Location to another host is refused before anything is sent there', async () => {
      const elsewhere = server.origin.replace('127.0.0.1', 'localhost');
      server.handle((req, res) =>
        req.url.startsWith('/put')
          ? sendJson(res, 202, undefined, { location: `${elsewhere}/op/1` })
          : sendJson(res, 200, { value: [1], nextLink: `${elsewhere}/page2` }),
      );
      await assert.rejects(
        createPager({
          client: testClient(server),
          first: { operationName: 'List', method: 'GET', url: '/list' },
          nextPage: armNextLink,
        }).toArray(),
        { name: 'UntrustedHostError' },
      );
      const poller = await ArmPoller.begin(testClient(server), { operationName: 'Create', method: 'PUT', url: '/put' });
      await assert.rejects(poller.poll(), /Refusing to send credentials to localhost:/);
      assert.deepEqual(
        server.requests.map((r) => r.headers.host),
        [new URL(server.origin).host, new URL(server.origin).host],
      );
    });
  });
});
