// The emulator's TLS certificate: self-signed, SAN IP 127.0.0.1 + DNS localhost, created once per data
// folder (DIR/cert.pem, DIR/key.pem) and reused, so clients can trust exactly this certificate.
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface CertificateFiles {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

export async function ensureCertificate(dataDir: string): Promise<CertificateFiles> {
  const certPath = path.resolve(dataDir, 'cert.pem');
  const keyPath = path.resolve(dataDir, 'key.pem');
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const cert = fs.readFileSync(certPath, 'utf8');
    if (stillUsable(cert)) return { certPath, keyPath, cert, key: fs.readFileSync(keyPath, 'utf8') };
    // Expired (or about to) or unreadable: make a new one; clients re-read the file from the endpoints line.
  }
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 825 * 24 * 3600_000); // the longest validity browsers accept
  const pems = await generate([{ name: 'commonName', value: 'Azure SQL Data Movement local emulator' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(keyPath, pems.private, { mode: 0o600 });
  fs.writeFileSync(certPath, pems.cert);
  return { certPath, keyPath, cert: pems.cert, key: pems.private };
}

/** Valid for at least another day and made for 127.0.0.1. */
function stillUsable(pem: string): boolean {
  try {
    const x = new X509Certificate(pem);
    return Date.parse(x.validTo) > Date.now() + 24 * 3600_000 && x.checkIP('127.0.0.1') !== undefined;
  } catch {
    return false;
  }
}
