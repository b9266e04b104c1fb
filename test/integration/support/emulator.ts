// Integration-test access to the emulator the extension started: its control endpoint (faults) and
// a real ARM client from the extension's own connection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import type { AzureClient } from '../../../src/azure/http/azureClient';
import type { EmulatorEndpoints } from '../../../src/emulator/endpoints';
import type { JournalEntry } from '../../../src/emulator/index';
import type { ExtensionApi } from '../../../src/extensionApi';

export async function useEmulator(
  api: ExtensionApi,
): Promise<{ endpoints: EmulatorEndpoints; arm: AzureClient; control: EmulatorControlClient }> {
  const endpoints = await vscode.commands.executeCommand<EmulatorEndpoints | undefined>('sqlDataMovement.startEmulator');
  assert.ok(endpoints, 'the emulator started');
  const connection = api.connections.current();
  if (typeof connection === 'string') assert.fail(`connected: ${connection}`);
  const token = api.environment.emulatorControlToken;
  assert.ok(token, "the local emulator's control token is known");
  return { endpoints, arm: connection.arm, control: new EmulatorControlClient(endpoints, token) };
}

/** The emulator's /_emulator control endpoint (faults, latency, its request journal), over HTTPS trusting its certificate. */
export class EmulatorControlClient {
  private readonly agent: https.Agent;
  constructor(
    private readonly endpoints: EmulatorEndpoints,
    private readonly token: string,
  ) {
    this.agent = new https.Agent({ ca: fs.readFileSync(endpoints.certificate, 'utf8') });
  }

  /** Any control route, with the emulator's token; asserts a 2xx and returns the parsed body. */
  async call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.endpoints.arm}/_emulator${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-emulator-token': this.token },
      agent: this.agent,
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} /_emulator${route}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async addFaults(spec: string): Promise<void> {
    await this.call('POST', '/faults', { spec });
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  /** The emulator's last requests and how each ended (answered, or aborted by the client). */
  async requests(): Promise<JournalEntry[]> {
    return (await this.call<{ requests: JournalEntry[] }>('GET', '/requests')).requests;
  }
}

export { freeHubDatabases } from '../../support/freeHubDatabases';
