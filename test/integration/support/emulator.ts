// Integration-test access to the emulator the extension started: its control endpoint (faults) and
// a real ARM client from the extension's own connection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import type { AzureClient } from '../../../src/azure/http/azureClient';
import type { EmulatorEndpoints } from '../../../src/emulator/endpoints';
import type { ExtensionApi } from '../../../src/extensionApi';

export async function useEmulator(
  api: ExtensionApi,
): Promise<{ endpoints: EmulatorEndpoints; arm: AzureClient; control: EmulatorControlClient }> {
  const endpoints = await vscode.commands.executeCommand<EmulatorEndpoints | undefined>('sqlDataMovement.startEmulator');
  assert.ok(endpoints, 'the emulator started');
  const connection = api.connections.current();
  if (typeof connection === 'string') assert.fail(`connected: ${connection}`);
  return { endpoints, arm: connection.arm, control: new EmulatorControlClient(endpoints) };
}

/** The emulator's /_emulator control endpoint (faults, latency), over HTTPS trusting its certificate. */
export class EmulatorControlClient {
  private readonly agent: https.Agent;
  constructor(private readonly endpoints: EmulatorEndpoints) {
    this.agent = new https.Agent({ ca: fs.readFileSync(endpoints.certificate, 'utf8') });
  }

  async addFaults(spec: string): Promise<void> {
    const res = await fetch(`${this.endpoints.arm}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ spec }),
      headers: { 'content-type': 'application/json' },
      agent: this.agent,
    });
    assert.ok(res.ok, `adding faults: ${res.status} ${await res.text()}`);
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.endpoints.arm}/_emulator/faults`, { method: 'DELETE', agent: this.agent });
  }
}

export { freeHubDatabases } from '../../support/freeHubDatabases';
