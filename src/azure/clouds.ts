import fs from 'node:fs';
import type { EmulatorEndpoints } from '../emulator/endpoints';

// Where each cloud's services live and which token audience each expects. The emulator uses the SAME
// audiences as public Azure (its token endpoint issues tokens for them), so standard clients and
// @azure/identity work against it unchanged; only endpoints and the trusted certificate differ.

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud' | 'Emulator' | 'Custom';
/** Which service a token/pipeline is for. */
export type ServiceAudience = 'arm' | 'fabric';

export interface AzureCloud {
  name: CloudName;
  displayName: string;
  /** ARM endpoint without trailing slash, e.g. https://management.azure.com */
  armEndpoint: string;
  /** Entra ID authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Scope for ARM tokens, e.g. https://management.azure.com/.default */
  armScope: string;
  /** Fabric REST base including /v1; undefined where Fabric is not offered. */
  fabricApiBase?: string;
  fabricScope?: string;
  portalUrl?: string;
  /** The Fabric portal (items open there); undefined where none is documented. */
  fabricPortalUrl?: string;
  /** VS Code authentication provider id for this cloud (absent: account sign-in not possible). */
  vscodeAuthProviderId?: 'microsoft' | 'microsoft-sovereign-cloud';
  /** Skip Entra instance discovery (emulator, custom authorities @azure/identity does not know). */
  disableInstanceDiscovery: boolean;
  /** PEM certificate to trust exactly (emulator's self-signed certificate). */
  trustedCertificate?: string;
}

export const PUBLIC_ARM_SCOPE = 'https://management.azure.com/.default';
export const PUBLIC_FABRIC_SCOPE = 'https://api.fabric.microsoft.com/.default';

export const AZURE_CLOUD: AzureCloud = {
  name: 'AzureCloud',
  displayName: 'Azure',
  armEndpoint: 'https://management.azure.com',
  authorityHost: 'https://login.microsoftonline.com',
  armScope: PUBLIC_ARM_SCOPE,
  fabricApiBase: 'https://api.fabric.microsoft.com/v1',
  fabricScope: PUBLIC_FABRIC_SCOPE,
  portalUrl: 'https://portal.azure.com',
  fabricPortalUrl: 'https://app.fabric.microsoft.com',
  vscodeAuthProviderId: 'microsoft',
  disableInstanceDiscovery: false,
};

// Fabric is not listed for the sovereign clouds: its public REST host does not serve them and the
// saved specs document no sovereign Fabric endpoint. A custom environment can add one.
export const AZURE_US_GOVERNMENT: AzureCloud = {
  name: 'AzureUSGovernment',
  displayName: 'Azure US Government',
  armEndpoint: 'https://management.usgovcloudapi.net',
  authorityHost: 'https://login.microsoftonline.us',
  armScope: 'https://management.usgovcloudapi.net/.default',
  portalUrl: 'https://portal.azure.us',
  vscodeAuthProviderId: 'microsoft-sovereign-cloud',
  disableInstanceDiscovery: false,
};

export const AZURE_CHINA_CLOUD: AzureCloud = {
  name: 'AzureChinaCloud',
  displayName: 'Azure operated by 21Vianet',
  armEndpoint: 'https://management.chinacloudapi.cn',
  authorityHost: 'https://login.chinacloudapi.cn',
  armScope: 'https://management.chinacloudapi.cn/.default',
  portalUrl: 'https://portal.azure.cn',
  vscodeAuthProviderId: 'microsoft-sovereign-cloud',
  disableInstanceDiscovery: false,
};

export const BUILT_IN_CLOUDS: readonly AzureCloud[] = [AZURE_CLOUD, AZURE_US_GOVERNMENT, AZURE_CHINA_CLOUD];

export function scopeFor(cloud: AzureCloud, audience: ServiceAudience): string {
  if (audience === 'arm') return cloud.armScope;
  if (!cloud.fabricScope) throw new Error(`Microsoft Fabric is not available in ${cloud.displayName}.`);
  return cloud.fabricScope;
}

export function baseUrlFor(cloud: AzureCloud, audience: ServiceAudience): string {
  if (audience === 'arm') return cloud.armEndpoint;
  if (!cloud.fabricApiBase) throw new Error(`Microsoft Fabric is not available in ${cloud.displayName}.`);
  return cloud.fabricApiBase;
}

export function emulatorCloud(endpoints: EmulatorEndpoints): AzureCloud {
  const where = 'emulator endpoints';
  const certificate = readCertificate(endpoints.certificate, `${where}.certificate`);
  return {
    name: 'Emulator',
    displayName: 'Local emulator',
    armEndpoint: httpsUrl(endpoints.arm, `${where}.arm`),
    authorityHost: httpsUrl(endpoints.authority, `${where}.authority`),
    armScope: PUBLIC_ARM_SCOPE,
    fabricApiBase: withV1(httpsUrl(endpoints.fabric, `${where}.fabric`)),
    fabricScope: PUBLIC_FABRIC_SCOPE,
    disableInstanceDiscovery: true,
    trustedCertificate: certificate,
  };
}

/** A custom environment from settings (e.g. Azure Stack or a test deployment). */
export interface CustomCloudSettings {
  name?: string;
  armEndpoint: string;
  authorityHost: string;
  /** Defaults to `${armEndpoint}/.default`. */
  armScope?: string;
  fabricEndpoint?: string;
  fabricScope?: string;
  portalUrl?: string;
}

export function customCloud(settings: CustomCloudSettings): AzureCloud {
  const where = 'sqlDataMovement.customCloud';
  const armEndpoint = httpsUrl(settings.armEndpoint, `${where}.armEndpoint`);
  const fabricApiBase = settings.fabricEndpoint ? withV1(httpsUrl(settings.fabricEndpoint, `${where}.fabricEndpoint`)) : undefined;
  const scope = (value: string | undefined, field: string, fallback?: string): string | undefined => {
    if (value === undefined) return fallback;
    if (!/^(https:\/\/|api:\/\/)\S+\/\.default$/.test(value))
      throw new Error(`${where}.${field} must look like "https://host/.default", got "${value}".`);
    return value;
  };
  return {
    name: 'Custom',
    displayName: settings.name?.trim() || 'Custom cloud',
    armEndpoint,
    authorityHost: httpsUrl(settings.authorityHost, `${where}.authorityHost`),
    armScope: scope(settings.armScope, 'armScope', `${armEndpoint}/.default`) as string,
    fabricApiBase,
    fabricScope: scope(settings.fabricScope, 'fabricScope', fabricApiBase ? PUBLIC_FABRIC_SCOPE : undefined),
    portalUrl: settings.portalUrl ? httpsUrl(settings.portalUrl, `${where}.portalUrl`) : undefined,
    vscodeAuthProviderId: 'microsoft-sovereign-cloud',
    disableInstanceDiscovery: true,
  };
}

/** Accepts PEM text or a path to a PEM file; returns the PEM. */
function readCertificate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${field} is required (PEM text or a path to cert.pem).`);
  let pem = value;
  if (!value.includes('BEGIN CERTIFICATE')) {
    try {
      pem = fs.readFileSync(value.trim(), 'utf8');
    } catch (err) {
      throw new Error(`${field}: cannot read the certificate file "${value}" (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
  }
  if (!pem.includes('BEGIN CERTIFICATE')) throw new Error(`${field} is not a PEM certificate.`);
  return pem;
}

/** Validates an absolute https URL and returns it without trailing slash. */
function httpsUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${field} is required (an https:// URL).`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${field} is not a valid URL: "${value}".`);
  }
  if (url.protocol !== 'https:') throw new Error(`${field} must use https:// (got "${url.protocol}").`);
  if (url.username || url.password) throw new Error(`${field} must not contain credentials.`);
  if (url.search || url.hash) throw new Error(`${field} must not contain a query or fragment.`);
  return url.toString().replace(/\/+$/, '');
}

function withV1(base: string): string {
  return /\/v1$/i.test(base) ? base : `${base}/v1`;
}
