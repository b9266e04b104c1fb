import assert from 'node:assert/strict';
import { errorFromResponse } from '../../../../src/azure/http/parseErrorBody';
import { AzureRequestError } from '../../../../src/azure/http/azureError';
import { startHttpsTestServer, type HttpsTestServer } from '../../helpers/httpsTestServer';
import { testClient } from '../../helpers/testClients';
import { jsonRoundTrip } from '../../helpers/jsonRoundTrip';

const op = { name: 'Create sync group', method: 'PUT', url: 'https://management.azure.com/x?api-version=2025-01-01&sig=secret' };
const ids = { requestId: 'r1', correlationId: 'c1', clientRequestId: 'cr1' };

describe('typed errors', () => {
  it('ARM {error:{code,message,target,details,additionalInfo}}', () => {
    const e = errorFromResponse(
      400,
      JSON.stringify({
        error: {
          code: 'InvalidSyncGroupInterval',
          message: 'Interval must be at least 5 seconds.',
          target: 'properties.interval',
          details: [{ code: 'Inner', message: 'inner msg', details: [{ code: 'Deeper', message: 'd' }] }],
          additionalInfo: [{ type: 'PolicyViolation', info: { policy: 'p' } }],
        },
      }),
      ids,
      op,
    );
    assert.ok(e instanceof AzureRequestError && e instanceof Error);
    assert.deepEqual(
      [e.status, e.code, e.message, e.target],
      [400, 'InvalidSyncGroupInterval', 'Interval must be at least 5 seconds.', 'properties.interval'],
    );
    assert.deepEqual([e.requestId, e.correlationId, e.clientRequestId], ['r1', 'c1', 'cr1']);
    assert.equal(e.details[0].code, 'Inner');
    assert.equal(e.details[0].details?.[0].code, 'Deeper');
    assert.equal(e.details[1].code, 'PolicyViolation');
    assert.deepEqual(e.operation, {
      name: 'Create sync group',
      method: 'PUT',
      url: 'https://management.azure.com/x?api-version=2025-01-01&sig=<redacted>',
    });
  });

  it('nested ARM {error:{error:{…}}}', () => {
    const e = errorFromResponse(
      404,
      JSON.stringify({ error: { error: { code: 'SubscriptionNotFound', message: 'The subscription was not found.' } } }),
      ids,
      op,
    );
    assert.deepEqual([e.code, e.message], ['SubscriptionNotFound', 'The subscription was not found.']);
  });

  it('Fabric {errorCode,message,requestId,isRetriable,moreDetails,relatedResource}', () => {
    const e = errorFromResponse(
      400,
      JSON.stringify({
        errorCode: 'InvalidInput',
        message: 'The request has an invalid input',
        requestId: 'fab-req',
        isRetriable: false,
        relatedResource: { resourceId: 'm1', resourceType: 'MirroredDatabase' },
        moreDetails: [
          { errorCode: 'InvalidParameter', message: 'displayName is required', relatedResource: { resourceId: 'x', resourceType: 'y' } },
        ],
      }),
      {},
      op,
    );
    assert.deepEqual(
      [e.code, e.message, e.requestId, e.isRetriable],
      ['InvalidInput', 'The request has an invalid input', 'fab-req', false],
    );
    assert.deepEqual(e.relatedResource, { resourceId: 'm1', resourceType: 'MirroredDatabase' });
    assert.equal(e.details[0].code, 'InvalidParameter');
    assert.equal(e.details[0].message, 'displayName is required');
  });

  it('HTML from a proxy, plain text, empty 502 and broken JSON never throw something else', () => {
    const html = errorFromResponse(
      502,
      '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1> Authorization: Bearer eyJabcdefgh.eyJabcdefgh.sig</body></html>',
      ids,
      op,
    );
    assert.equal(html.code, 'HttpStatus502');
    assert.match(html.message, /HTML page/);
    assert.ok(!html.toDetailsText().includes('eyJabcdefgh.eyJabcdefgh'));
    const empty = errorFromResponse(502, '', {}, op);
    assert.deepEqual([empty.code, empty.message], ['HttpStatus502', 'HTTP 502 Bad gateway (empty response body)']);
    const undef = errorFromResponse(503, undefined, {}, op);
    assert.equal(undef.code, 'HttpStatus503');
    const broken = errorFromResponse(500, '{"error": {"code": "Trunc', {}, op);
    assert.equal(broken.code, 'HttpStatus500');
    const odd = errorFromResponse(409, JSON.stringify([1, 2, 3]), {}, op);
    assert.equal(odd.code, 'HttpStatus409');
    const nullBody = errorFromResponse(400, 'null', {}, op);
    assert.equal(nullBody.code, 'HttpStatus400');
  });

  it('toDetailsText lists everything support needs; toJSON/fromJSON round-trips', () => {
    const e = errorFromResponse(
      409,
      JSON.stringify({
        error: { code: 'SyncOperation_DuplicateSyncGroupName', message: 'exists', details: [{ code: 'D', message: 'dm', target: 't' }] },
      }),
      ids,
      op,
    );
    const text = e.toDetailsText();
    for (const needle of [
      'Create sync group failed',
      'Status: 409',
      'Code: SyncOperation_DuplicateSyncGroupName',
      'Message: exists',
      'Request: PUT https://management.azure.com/x?api-version=2025-01-01&sig=<redacted>',
      'Request id: r1',
      'Correlation id: c1',
      'Client request id: cr1',
      '- D: dm (target: t)',
    ])
      assert.ok(text.includes(needle), needle);
    const back = AzureRequestError.fromJSON(jsonRoundTrip(e.toJSON()));
    assert.deepEqual([back.code, back.status, back.requestId, back.details], [e.code, e.status, e.requestId, e.details]);
  });

  describe('through the client', () => {
    let server: HttpsTestServer;
    before(async () => {
      server = await startHttpsTestServer();
    });
    after(async () => {
      await server.close();
    });
    it('captures x-ms-request-id / correlation id and names the operation', async () => {
      server.handle((_req, res) => {
        res.writeHead(403, { 'x-ms-request-id': 'rq', 'x-ms-correlation-request-id': 'co', 'content-type': 'text/html' });
        res.end('<html>denied</html>');
      });
      await assert.rejects(
        testClient(server).send({ operationName: 'List vaults', method: 'GET', url: '/v' }),
        (e: AzureRequestError) =>
          e.status === 403 &&
          e.requestId === 'rq' &&
          e.correlationId === 'co' &&
          !!e.clientRequestId &&
          e.operation.name === 'List vaults' &&
          e.operation.url === `${server.origin}/v`,
      );
    });
  });
});
