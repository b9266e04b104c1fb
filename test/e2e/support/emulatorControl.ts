// The control API of the emulator the packaged extension started in code-server: its endpoints and
// certificate are in the extension's global storage (last-endpoints.json), under code-server's state folder;
// the control token is in the data folder's lock (emulator.lock), as only the emulator's owner can read it.
import * as fs from 'node:fs';
import { postToControl } from '../../support/controlRequest';
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
  return postToControl(e.arm, fs.readFileSync(e.certificate, 'utf8'), controlToken(), pathname, body);
}

/** Replaces the emulator's whole estate with a seed (as a fresh data folder would start). */
export async function resetEmulator(seed: 'demo' | 'hostile'): Promise<void> {
  await postControl('/_emulator/reset', { seed });
}
