// "Copy as REST Request" gives the requests an action actually sent — method, URL, headers that matter and
// body — with secrets as placeholders (<hub-password>), never the secret itself, and the operation record
// keeps its initial request body only in that redacted form.
import * as assert from 'node:assert/strict';
import { SentRequestLog } from '../../../src/azure/http/sentRequests';
import { redactWithPlaceholders } from '../../../src/azure/http/requestPlaceholders';
import { SyncGroupsClient } from '../../../src/azure/sql/syncGroupsClient';
import type { OperationRecord } from '../../../src/operations/operationRecord';
import { operationRestRequests } from '../../../src/operations/operationRestRequests';
import { OperationStore } from '../../../src/operations/operationStore';
import { OperationTracker } from '../../../src/operations/operationTracker';
import { formatRestRequests } from '../../../src/azure/http/restRequestFormatter';
import { freeHubDatabases } from '../../support/freeHubDatabases';
import { startEmulatorWithClient, type EmulatorWithClient } from './emulatorClient';
import { MapMemento } from './mementos';

const SENTINEL = 'Sentinel-Hub-P4ss!';

describe('Copy as REST Request: the requests an action sent (real emulator)', function () {
  this.timeout(30_000);
  const sent = new SentRequestLog();
  let env: EmulatorWithClient;
  let databases: string[];

  before(async () => {
    env = await startEmulatorWithClient({}, { sentRequests: sent });
    databases = await freeHubDatabases(env.arm);
  });
  after(async () => {
    await env.stop();
  });

  it('an operation copies its PUT with the body it sent (password as <hub-password>) and its status check', async () => {
    const hub = databases[0];
    const [, subscriptionId, resourceGroup, server, database] =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Sql\/servers\/([^/]+)\/databases\/([^/]+)$/i.exec(hub)!;
    const poller = await new SyncGroupsClient(env.arm).beginCreateOrUpdate(
      { subscriptionId, resourceGroup, server, database, syncGroup: 'rest-copy' },
      {
        properties: {
          interval: 300,
          conflictResolutionPolicy: 'HubWin',
          syncDatabaseId: databases[1],
          hubDatabaseUserName: 'hubadmin',
          hubDatabasePassword: SENTINEL,
        },
      },
    );
    const memento = new MapMemento();
    const tracker = new OperationTracker({
      store: new OperationStore(memento),
      owner: 'w',
      connect: () => ({ arm: env.arm }),
      sentRequests: sent,
      minDelayMs: 50,
      maxDelayMs: 200,
    });
    const ended = new Promise<OperationRecord>((resolve) => tracker.onDidEnd(resolve));
    await tracker.start(poller, {
      title: 'Create sync group rest-copy',
      target: { label: 'sync group rest-copy' },
      environment: 'LocalEmulator',
    });
    const record = await ended;
    await tracker.dispose();

    assert.equal(record.status, 'succeeded');
    assert.deepEqual(record.initialRequestBody, {
      properties: {
        interval: 300,
        conflictResolutionPolicy: 'HubWin',
        syncDatabaseId: databases[1],
        hubDatabaseUserName: 'hubadmin',
        hubDatabasePassword: '<hub-password>',
      },
    });
    assert.ok(!JSON.stringify([...memento.map.values()]).includes(SENTINEL), 'no password in globalState');

    const text = operationRestRequests(record) ?? '';
    assert.ok(!text.includes(SENTINEL), 'no password in the copied text');
    const [put, check] = text.split(/^### /m).filter(Boolean);
    assert.match(
      put,
      /^Create sync group rest-copy\nPUT https:\/\/\S+\/syncGroups\/rest-copy\?api-version=\S+\nAuthorization: Bearer \{\{token\}\}\n/,
    );
    assert.match(put, /^Content-Type: application\/json$/m);
    assert.match(put, /^ {4}"hubDatabasePassword": "<hub-password>"$/m);
    assert.match(put, /^ {4}"hubDatabaseUserName": "hubadmin",$/m);
    assert.match(check, /^Create sync group rest-copy: status check\nGET https:\/\/\S+\nAuthorization: Bearer \{\{token\}\}\n/);

    const groupId = `${hub}/syncGroups/rest-copy`;
    const action = sent.lastActionOn(groupId);
    assert.equal(action[0].method, 'PUT');
    assert.ok(action.slice(1).length > 0 && action.slice(1).every((r) => r.method === 'GET'), 'then its status checks');
    const copied = formatRestRequests(action, { placeholders: true });
    assert.ok(!copied.includes(SENTINEL));
    assert.match(copied, /"hubDatabasePassword": "<hub-password>"/);
  });

  it('names every listed secret by its placeholder and redacts other secret-looking names', () => {
    const out = redactWithPlaceholders({
      properties: { password: 'a', syncAgentKey: 'b', nested: [{ clientSecret: 'c' }], apiKey: 'd', userName: 'u' },
    });
    assert.deepEqual(out, {
      properties: {
        password: '<password>',
        syncAgentKey: '<sync-agent-key>',
        nested: [{ clientSecret: '<client-secret>' }],
        apiKey: '<redacted>',
        userName: 'u',
      },
    });
  });
});
