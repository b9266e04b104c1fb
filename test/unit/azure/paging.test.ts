import assert from 'node:assert/strict';
import { startHttpsTestServer, sendJson, type HttpsTestServer } from '../helpers/httpsTestServer';
import { testClient } from '../helpers/testClients';
import { armNextLink, createPager, fabricContinuation, PagingLoopError, syncLogsNextPage } from '../../../src/azure/paging/pager';

describe('paging', () => {
  let server: HttpsTestServer;
  before(async () => {
    server = await startHttpsTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('follows ARM nextLink exactly as given over 3+ pages ($skipToken and other api-versions kept)', async () => {
    server.handle((req, res) => {
      const u = new URL(req.url, server.origin);
      const page = Number(u.searchParams.get('$skipToken') ?? 0);
      const nextLink = page < 3 ? `${server.origin}/other/path?api-version=2099-01-01&$skipToken=${page + 1}` : undefined;
      sendJson(res, 200, { value: [`item${page}a`, `item${page}b`], nextLink });
    });
    const pager = createPager<string>({
      client: testClient(server),
      first: { operationName: 'List', method: 'GET', url: '/list', query: { 'api-version': '2025-01-01' } },
      nextPage: armNextLink,
    });
    assert.deepEqual(await pager.toArray(), ['item0a', 'item0b', 'item1a', 'item1b', 'item2a', 'item2b', 'item3a', 'item3b']);
    assert.deepEqual(
      server.requests.map((r) => r.url),
      [
        '/list?api-version=2025-01-01',
        '/other/path?api-version=2099-01-01&$skipToken=1',
        '/other/path?api-version=2099-01-01&$skipToken=2',
        '/other/path?api-version=2099-01-01&$skipToken=3',
      ],
    );
  });

  it('byPage yields pages with indexes', async () => {
    server.handle((req, res) => {
      const n = Number(new URL(req.url, server.origin).searchParams.get('p') ?? 0);
      sendJson(res, 200, { value: [n], nextLink: n < 2 ? `${server.origin}/l?p=${n + 1}` : undefined });
    });
    const pages = [];
    for await (const page of createPager<number>({
      client: testClient(server),
      first: { operationName: 'List', method: 'GET', url: '/l' },
      nextPage: armNextLink,
    }).byPage())
      pages.push([page.index, page.items]);
    assert.deepEqual(pages, [
      [0, [0]],
      [1, [1]],
      [2, [2]],
    ]);
  });

  it('stops with a clear error on a looping nextLink', async () => {
    let n = 0;
    server.handle((_req, res) =>
      sendJson(res, 200, { value: [1], nextLink: `${server.origin}/same?x=1` }, { 'x-ms-request-id': `rid-${++n}` }),
    );
    const pager = createPager({
      client: testClient(server),
      first: { operationName: 'List sync groups', method: 'GET', url: '/l' },
      nextPage: armNextLink,
    });
    await assert.rejects(
      pager.toArray(),
      (e: PagingLoopError) => e instanceof PagingLoopError && /List sync groups/.test(e.message) && /same/.test(e.repeated),
    );
    assert.equal(server.requests.length, 2);
    const error = await pager.toArray().catch((e: unknown) => e);
    assert.ok(error instanceof PagingLoopError);
    assert.equal(error.code, 'PagingLoop');
    assert.equal(error.requestId, 'rid-4', 'the ids of the page that repeated the link');
    assert.equal(error.clientRequestId, server.requests[3].headers['x-ms-client-request-id']);
  });

  it('follows Fabric continuationToken (query) and data items, stopping on a repeated token', async () => {
    server.handle((req, res) => {
      const token = new URL(req.url, server.origin).searchParams.get('continuationToken');
      const n = token ? Number(token.slice(1)) : 0;
      sendJson(res, 200, { data: [{ n }], continuationToken: n < 3 ? `t${n + 1}` : undefined });
    });
    const first = { operationName: 'Tables', method: 'POST' as const, url: '/ws/x/getTablesMirroringStatus' };
    const items = await createPager<{ n: number }>({
      client: testClient(server, { audience: 'fabric' }),
      first,
      nextPage: fabricContinuation,
      itemsField: 'data',
    }).toArray();
    assert.deepEqual(
      items.map((i) => i.n),
      [0, 1, 2, 3],
    );
    assert.equal(server.requests[3].url, '/v1/ws/x/getTablesMirroringStatus?continuationToken=t3');
    assert.ok(server.requests.every((r) => r.method === 'POST'));

    server.handle((_req, res) => sendJson(res, 200, { data: [1], continuationToken: 'same' }));
    await assert.rejects(
      createPager({
        client: testClient(server, { audience: 'fabric' }),
        first,
        nextPage: fabricContinuation,
        itemsField: 'data',
      }).toArray(),
      PagingLoopError,
    );
  });

  it('prefers Fabric continuationUri, used exactly as given', async () => {
    server.handle((req, res) => {
      const token = new URL(req.url, server.origin).searchParams.get('continuationToken');
      if (!token)
        return sendJson(res, 200, {
          value: ['a'],
          continuationToken: 'abc',
          continuationUri: `${server.origin}/v1/workspaces?continuationToken=abc`,
        });
      sendJson(res, 200, { value: ['b'] });
    });
    const items = await createPager<string>({
      client: testClient(server, { audience: 'fabric' }),
      first: { operationName: 'Workspaces', method: 'GET', url: '/workspaces', query: { roles: 'Admin' } },
      nextPage: fabricContinuation,
    }).toArray();
    assert.deepEqual(items, ['a', 'b']);
    assert.equal(server.requests[1].url, '/v1/workspaces?continuationToken=abc');
  });

  it('Data Sync logs: continuationToken when there is no nextLink; loops detected', async () => {
    server.handle((req, res) => {
      const token = new URL(req.url, server.origin).searchParams.get('continuationToken');
      sendJson(res, 200, token === 'c2' ? { value: ['z'] } : { value: [token ?? 'first'], continuationToken: token ? 'c2' : 'c1' });
    });
    const first = { operationName: 'Logs', method: 'GET' as const, url: '/logs', query: { startTime: 's', endTime: 'e', type: 'All' } };
    assert.deepEqual(await createPager({ client: testClient(server), first, nextPage: syncLogsNextPage }).toArray(), ['first', 'c1', 'z']);
    assert.match(server.requests[2].url, /startTime=s&endTime=e&type=All&continuationToken=c2/);
    server.handle((_req, res) => sendJson(res, 200, { value: [1], continuationToken: 'loop' }));
    await assert.rejects(createPager({ client: testClient(server), first, nextPage: syncLogsNextPage }).toArray(), PagingLoopError);
  });

  it('stops when the signal is aborted between pages', async () => {
    server.handle((req, res) => sendJson(res, 200, { value: [1], nextLink: `${server.origin}/p?n=${server.requests.length}` }));
    const controller = new AbortController();
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const item of createPager<number>({
          client: testClient(server),
          first: { operationName: 'List', method: 'GET', url: '/p', signal: controller.signal },
          nextPage: armNextLink,
        })) {
          seen.push(item);
          if (seen.length === 2) controller.abort();
        }
      })(),
      { name: 'AbortError' },
    );
    assert.equal(server.requests.length, 2);
  });
});
