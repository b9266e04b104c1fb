// One emulator per data folder. The extension records the emulator it starts in
// <dataDir>/running.json; another window, or this one after a reload, attaches to it instead of
// starting a second server on the same state. When none runs, the next start reuses the last port, so
// long-running operations saved with the emulator's URLs resume after a reload.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import type { EmulatorEndpoints } from '../emulator/endpoints';

export interface RunningRecord extends EmulatorEndpoints {
  pid: number;
}

const fileIn = (dataDir: string) => path.join(dataDir, 'running.json');

export function recordRunning(dataDir: string, record: RunningRecord): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(fileIn(dataDir), JSON.stringify(record));
}

export function forgetRunning(dataDir: string, pid: number | undefined): void {
  try {
    const current = JSON.parse(fs.readFileSync(fileIn(dataDir), 'utf8')) as RunningRecord;
    if (pid === undefined || current.pid === pid) fs.rmSync(fileIn(dataDir), { force: true });
  } catch {
    /* nothing recorded */
  }
}

export function lastPort(dataDir: string): number | undefined {
  try {
    const port = Number(
      new URL((JSON.parse(fs.readFileSync(path.join(dataDir, 'last-endpoints.json'), 'utf8')) as EmulatorEndpoints).arm).port,
    );
    return port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

export function rememberEndpoints(dataDir: string, endpoints: EmulatorEndpoints): void {
  fs.writeFileSync(path.join(dataDir, 'last-endpoints.json'), JSON.stringify(endpoints));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The emulator recorded for this data folder, if its process lives and it answers its health check. */
export async function findRunning(dataDir: string): Promise<RunningRecord | undefined> {
  let record: RunningRecord;
  try {
    record = JSON.parse(fs.readFileSync(fileIn(dataDir), 'utf8')) as RunningRecord;
  } catch {
    return undefined;
  }
  if (!record.pid || !alive(record.pid) || !fs.existsSync(record.certificate)) return undefined;
  const healthy = await new Promise<boolean>((resolve) => {
    const req = https.get(`${record.arm}/_emulator/health`, { ca: fs.readFileSync(record.certificate), timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
  return healthy ? record : undefined;
}
