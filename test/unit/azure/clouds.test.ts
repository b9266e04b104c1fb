import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AZURE_CHINA_CLOUD,
  AZURE_CLOUD,
  AZURE_US_GOVERNMENT,
  baseUrlFor,
  customCloud,
  emulatorCloud,
  scopeFor,
} from '../../../src/azure/clouds';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('clouds', () => {
  it('built-in clouds: ARM endpoint, authority, scope, Fabric where it exists, portal, VS Code provider', () => {
    assert.deepEqual(
      [
        AZURE_CLOUD.armEndpoint,
        AZURE_CLOUD.authorityHost,
        scopeFor(AZURE_CLOUD, 'arm'),
        scopeFor(AZURE_CLOUD, 'fabric'),
        baseUrlFor(AZURE_CLOUD, 'fabric'),
        AZURE_CLOUD.vscodeAuthProviderId,
      ],
      [
        'https://management.azure.com',
        'https://login.microsoftonline.com',
        'https://management.azure.com/.default',
        'https://api.fabric.microsoft.com/.default',
        'https://api.fabric.microsoft.com/v1',
        'microsoft',
      ],
    );
    assert.deepEqual(
      [AZURE_US_GOVERNMENT.armScope, AZURE_US_GOVERNMENT.authorityHost, AZURE_US_GOVERNMENT.vscodeAuthProviderId],
      ['https://management.usgovcloudapi.net/.default', 'https://login.microsoftonline.us', 'microsoft-sovereign-cloud'],
    );
    assert.deepEqual(
      [AZURE_CHINA_CLOUD.armEndpoint, AZURE_CHINA_CLOUD.authorityHost],
      ['https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn'],
    );
    assert.throws(() => scopeFor(AZURE_CHINA_CLOUD, 'fabric'), /Fabric is not available in Azure operated by 21Vianet/);
  });

  it('emulator: endpoints from its printed JSON, public audiences, certificate kept for the agent', () => {
    const cloud = emulatorCloud({
      arm: 'https://127.0.0.1:7443/',
      fabric: 'https://127.0.0.1:7443/fabric',
      authority: 'https://127.0.0.1:7443/login',
      certificate: PEM,
    });
    assert.deepEqual(
      [
        cloud.armEndpoint,
        cloud.fabricApiBase,
        cloud.authorityHost,
        cloud.armScope,
        cloud.fabricScope,
        cloud.disableInstanceDiscovery,
        cloud.trustedCertificate,
      ],
      [
        'https://127.0.0.1:7443',
        'https://127.0.0.1:7443/fabric/v1',
        'https://127.0.0.1:7443/login',
        'https://management.azure.com/.default',
        'https://api.fabric.microsoft.com/.default',
        true,
        PEM,
      ],
    );
    assert.equal(
      emulatorCloud({ arm: 'https://h', fabric: 'https://h/v1', authority: 'https://h', certificate: PEM }).fabricApiBase,
      'https://h/v1',
    );
    assert.throws(
      () => emulatorCloud({ arm: 'http://127.0.0.1:1', fabric: 'https://h', authority: 'https://h', certificate: PEM }),
      /emulator endpoints\.arm must use https/,
    );
    assert.throws(
      () => emulatorCloud({ arm: 'https://h', fabric: 'https://h', authority: 'https://h', certificate: '/no/such/cert.pem' }),
      /cannot read the certificate file "\/no\/such\/cert.pem" \(ENOENT\)/,
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cert-')), 'cert.pem');
    fs.writeFileSync(file, PEM);
    assert.equal(
      emulatorCloud({ arm: 'https://h', fabric: 'https://h', authority: 'https://h', certificate: file }).trustedCertificate,
      PEM,
      'the emulator prints a path',
    );
    fs.writeFileSync(file, 'not a certificate');
    assert.throws(
      () => emulatorCloud({ arm: 'https://h', fabric: 'https://h', authority: 'https://h', certificate: file }),
      /is not a PEM certificate/,
    );
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('custom cloud from settings is validated field by field', () => {
    const c = customCloud({ name: 'Stack', armEndpoint: 'https://arm.contoso.local/', authorityHost: 'https://login.contoso.local' });
    assert.deepEqual([c.displayName, c.armScope, c.fabricApiBase], ['Stack', 'https://arm.contoso.local/.default', undefined]);
    assert.throws(
      () => customCloud({ armEndpoint: 'ftp://x', authorityHost: 'https://l' }),
      /sqlDataMovement\.customCloud\.armEndpoint must use https/,
    );
    assert.throws(() => customCloud({ armEndpoint: 'https://a', authorityHost: '' }), /authorityHost is required/);
    assert.throws(() => customCloud({ armEndpoint: 'https://user:pw@a', authorityHost: 'https://l' }), /must not contain credentials/);
    assert.throws(() => customCloud({ armEndpoint: 'https://a?x=1', authorityHost: 'https://l' }), /query or fragment/);
    assert.throws(
      () => customCloud({ armEndpoint: 'https://a', authorityHost: 'https://l', armScope: 'management' }),
      /armScope must look like/,
    );
  });
});
