// Turns the current environment into an AzureConnection (clients for ARM and Fabric with the right
// credential), rebuilt when the environment, the sign-in or the cloud settings change. The cache is keyed
// on the credential source and the cloud's settings, never on the account's label: a new secret,
// certificate or tenant of the same app shows the same label but needs a new credential. The operations center asks it for
// clients to resume an operation of a given environment.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  AZURE_CHINA_CLOUD,
  AZURE_CLOUD,
  AZURE_US_GOVERNMENT,
  customCloud,
  emulatorCloud,
  type AzureCloud,
  type CustomCloudSettings,
} from '../azure/clouds';
import type { RequestLogger } from '../azure/http/requestLogger';
import { SentRequestLog } from '../azure/http/sentRequests';
import type { ResumeDeps } from '../azure/lro/resumePoller';
import { createAzureConnection, type AzureConnection } from '../auth/azureConnection';
import type { CredentialSource } from '../auth/credentialFactory';
import type { SecretStore } from '../auth/secretStore';
import { vscodeSessionProvider } from '../auth/vscodeAuthentication';
import type { SessionProvider } from '../auth/vscodeSessionCredential';
import type { SignInStore } from './signInStore';
import type { EnvironmentController } from './environmentController';
import { environmentLabels, type EnvironmentKind } from './environmentKind';

/** SecretStorage key of the emulator's client secret (the emulator documents emulator/emulator). */
export const EMULATOR_SECRET_KEY = 'sqlDataMovement.emulator.clientSecret';
const EMULATOR_TENANT = 'common';
/** Settings that change the endpoints of an environment without switching it. */
const CLOUD_SETTINGS = ['sqlDataMovement.customEnvironment', 'sqlDataMovement.emulator.endpoints'];

export class ConnectionManager implements vscode.Disposable {
  private cached: { key: string; connection: AzureConnection } | undefined;
  private readonly subscriptions: vscode.Disposable[];

  readonly sessions: SessionProvider = vscodeSessionProvider;
  /** The requests sent in this window, redacted, for "Copy as REST Request". */
  readonly sentRequests = new SentRequestLog();

  constructor(
    private readonly environment: EnvironmentController,
    private readonly secrets: SecretStore,
    private readonly logger: RequestLogger,
    readonly signIns: SignInStore,
  ) {
    this.subscriptions = [
      environment.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (CLOUD_SETTINGS.some((section) => e.affectsConfiguration(section))) this.invalidate();
      }),
    ];
  }

  /** The key operations are filed under: polling resumes only in the same environment. */
  get environmentKey(): EnvironmentKind {
    return this.environment.kind;
  }

  /** The connection for the current environment, or why there is none (not signed in…). */
  current(): AzureConnection | string {
    const snap = this.environment.snapshot();
    if (!snap.signedIn) return `not signed in to ${snap.label}`;
    const source = this.source(snap.kind);
    if (!source) return `not signed in to ${snap.label}`;
    const key = JSON.stringify([snap.kind, source, this.cloudSettings(snap.kind)]);
    if (this.cached?.key === key) return this.cached.connection;
    this.invalidate();
    const connection = createAzureConnection({
      cloud: this.cloudFor(snap.kind),
      source,
      secrets: this.secrets,
      sessions: this.sessions,
      logger: this.logger,
      sentRequests: this.sentRequests,
    });
    this.cached = { key, connection };
    return connection;
  }

  /** Clients for resuming an operation started in `environment` as `account`. */
  resumeDeps(environment: string, account?: string): ResumeDeps | string {
    if (environment !== this.environment.kind)
      return `switch to ${environmentLabels[environment as EnvironmentKind] ?? environment} to resume it`;
    const current = this.environment.snapshot().account;
    if (account !== undefined && current !== undefined && account !== current) return `sign in as ${account} to resume it`;
    const connection = this.current();
    return typeof connection === 'string' ? connection : { arm: connection.arm, fabric: connection.fabric };
  }

  /** Makes sure the emulator's client secret is in SecretStorage (it is public, but goes where every secret goes). */
  async prepareEmulatorSecret(): Promise<void> {
    if (!(await this.secrets.get(EMULATOR_SECRET_KEY))) await this.secrets.store(EMULATOR_SECRET_KEY, 'emulator');
  }

  /** The endpoints of an environment (the emulator's only while it runs). */
  cloudFor(kind: EnvironmentKind): AzureCloud {
    switch (kind) {
      case 'AzureCloud':
        return AZURE_CLOUD;
      case 'AzureUSGovernment':
        return AZURE_US_GOVERNMENT;
      case 'AzureChinaCloud':
        return AZURE_CHINA_CLOUD;
      case 'Custom':
        return customCloud(
          vscode.workspace.getConfiguration('sqlDataMovement').get<CustomCloudSettings>('customEnvironment') ?? ({} as CustomCloudSettings),
        );
      case 'LocalEmulator': {
        const endpoints = this.environment.emulatorEndpoints;
        if (!endpoints) throw new Error('The local emulator is not running.');
        return emulatorCloud({ ...endpoints, certificate: fs.readFileSync(endpoints.certificate, 'utf8') });
      }
    }
  }

  /** What cloudFor builds the endpoints from, cheap to compare (no certificate read). */
  private cloudSettings(kind: EnvironmentKind): unknown {
    if (kind === 'Custom') return vscode.workspace.getConfiguration('sqlDataMovement').get('customEnvironment');
    if (kind === 'LocalEmulator') return this.environment.emulatorEndpoints;
    return undefined;
  }

  private source(kind: EnvironmentKind): CredentialSource | undefined {
    if (kind === 'LocalEmulator')
      return { kind: 'emulator', tenantId: EMULATOR_TENANT, clientId: 'emulator', secretKey: EMULATOR_SECRET_KEY };
    return this.signIns.get(kind)?.source;
  }

  invalidate(): void {
    this.cached?.connection.dispose();
    this.cached = undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.invalidate();
  }
}
