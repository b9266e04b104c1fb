// Integration-test access to the emulator the extension started: its control endpoint (faults) and
// a real ARM client from the extension's own connection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import type { AzureClient } from '../../../src/azure/http/azureClient';
import type { EmulatorEndpoints } from '../../../src/environment/emulatorProcess';
import type { ExtensionApi } from '../../../src/extensionApi';

export async function useEmulator(api: ExtensionApi): Promise<{ endpoints: EmulatorEndpoints; arm: AzureClient; control: EmulatorControlClient }> {
  const endpoints = await vscode.commands.executeCommand<EmulatorEndpoints | undefined>('sqlDataMovement.startEmulator');
  assert.ok(endpoints, 'the emulator started');
  const connection = api.connections.current();
  assert.ok(typeof connection !== 'string', `connected: ${String(connection)}`);
  return { endpoints, arm: connection.arm, control: new EmulatorControlClient(endpoints) };
}

/** The emulator's /_emulator control endpoint (faults, latency), over HTTPS trusting its certificate. */
export class EmulatorControlClient {
  private readonly agent: https.Agent;
  constructor(private readonly endpoints: EmulatorEndpoints) {
    this.agent = new https.Agent({ ca: fs.readFileSync(endpoints.certificate, 'utf8') });
  }

  async addFaults(spec: string): Promise<void> {
    const res = await fetch(`${this.endpoints.arm}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ spec }), headers: { 'content-type': 'application/json' }, agent: this.agent });
    assert.ok(res.ok, `adding faults: ${res.status} ${await res.text()}`);
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.endpoints.arm}/_emulator/faults`, { method: 'DELETE', agent: this.agent });
  }
}

/** User databases that are hub of no sync group yet (Data Sync allows 5 groups per hub). */
export async function freeHubDatabases(arm: AzureClient): Promise<string[]> {
  const subs = await arm.send<{ value: { subscriptionId: string }[] }>({ operationName: 'List subscriptions', method: 'GET', url: '/subscriptions', query: { 'api-version': '2022-12-01' } });
  const servers = await arm.send<{ value: { id: string }[] }>({ operationName: 'List servers', method: 'GET', url: `/subscriptions/${subs.body!.value[0].subscriptionId}/providers/Microsoft.Sql/servers`, query: { 'api-version': '2025-01-01' } });
  let best: string[] = [];
  for (const server of servers.body!.value) {
    const dbs = await arm.send<{ value: { id: string; name: string }[] }>({ operationName: 'List databases', method: 'GET', url: `${server.id}/databases`, query: { 'api-version': '2025-01-01' } });
    const free: string[] = [];
    for (const db of dbs.body!.value.filter((d) => d.name !== 'master')) {
      const groups = await arm.send<{ value: unknown[] }>({ operationName: 'List sync groups', method: 'GET', url: `${db.id}/syncGroups`, query: { 'api-version': '2025-01-01' } });
      if (groups.body!.value.length === 0) free.push(db.id);
    }
    if (free.length > best.length) best = free;
  }
  assert.ok(best.length >= 2, 'two free databases on one server');
  // Empty metadata databases last: the first one is used as a hub and should have tables.
  return best.sort((a, b) => Number(/meta/i.test(a)) - Number(/meta/i.test(b)));
}
