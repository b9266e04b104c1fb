// The control API of the emulator the packaged extension started in code-server: its endpoints and
// certificate are in the extension's global storage (last-endpoints.json), under code-server's state folder;
// the control token is in the data folder's lock (emulator.lock), as only the emulator's owner can read it.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';

const EXTENSION_ID = 'sql-data-movement.azure-sql-data-movement';

interface Endpoints {
  arm: string;
  certificate: string;
}

function emulatorFolder(): string {
  const state = process.env.SQLDM_E2E_STATE;
  if (!state) throw new Error('SQLDM_E2E_STATE is not set: run the e2e tests with `npm run test:e2e`.');
  return path.join(state, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'emulator');
}

function controlToken(): string {
  const lock = JSON.parse(fs.readFileSync(path.join(emulatorFolder(), 'emulator.lock'), 'utf8')) as { token?: unknown };
  if (typeof lock.token !== 'string') throw new Error('the emulator lock holds no control token');
  return lock.token;
}

/** The endpoints file appears once the emulator has started (shortly after the status bar says so). */
async function endpoints(): Promise<Endpoints> {
  const file = path.join(emulatorFolder(), 'last-endpoints.json');
  for (let waited = 0; !fs.existsSync(file); waited += 200) {
    if (waited > 60_000) throw new Error(`the emulator's endpoints never appeared in ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Endpoints;
}

/** POSTs to /_emulator/<pathname> of the extension's emulator, trusting exactly its certificate. */
export async function postControl(pathname: string, body: unknown): Promise<unknown> {
  const e = await endpoints();
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(pathname, e.arm),
      {
        method: 'POST',
        ca: fs.readFileSync(e.certificate, 'utf8'),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'x-emulator-token': controlToken() },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${pathname} answered ${res.statusCode}: ${text}`));
          else resolve(text ? (JSON.parse(text) as unknown) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Replaces the emulator's whole estate with a seed (as a fresh data folder would start). */
export async function resetEmulator(seed: 'demo' | 'hostile'): Promise<void> {
  await postControl('/_emulator/reset', { seed });
}
