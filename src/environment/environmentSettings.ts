// Where the environment choice is kept: the `sqlDataMovement.environment` setting (user settings, so
// every window follows it), and the `sqlDataMovement.emulator.*` settings that say how the local
// emulator starts.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { EmulatorEndpoints } from '../emulator/endpoints';
import { parseEndpointsLine } from './emulatorProcess';
import { isEnvironmentKind, type EnvironmentKind } from './environmentKind';
import type { EmulatorSettings } from './localEmulator';

const SECTION = 'sqlDataMovement';

export function readEnvironmentKind(): EnvironmentKind {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('environment');
  return isEnvironmentKind(value) ? value : 'AzureCloud';
}

export async function saveEnvironmentKind(kind: EnvironmentKind): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('environment', kind, vscode.ConfigurationTarget.Global);
}

/** Fires when the environment setting changes, here or in another window. */
export function onDidChangeEnvironmentKind(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.environment`)) listener();
  });
}

export function readEmulatorSettings(): EmulatorSettings {
  const config = vscode.workspace.getConfiguration(`${SECTION}.emulator`);
  return {
    external: externalEndpoints(config.get<Record<string, unknown>>('endpoints')),
    port: config.get<number>('port', 0),
    seed: config.get<string>('seed', 'demo'),
    latencyMs: config.get<number>('latencyMs', 0),
  };
}

/** The `sqlDataMovement.emulator.endpoints` setting, validated; undefined when not set. */
function externalEndpoints(value: Record<string, unknown> | undefined): EmulatorEndpoints | undefined {
  if (!value || Object.keys(value).length === 0) return undefined;
  const endpoints = parseEndpointsLine(JSON.stringify(value));
  if (!fs.existsSync(endpoints.certificate)) {
    throw new Error(`The certificate named in sqlDataMovement.emulator.endpoints does not exist: ${endpoints.certificate}`);
  }
  return endpoints;
}
