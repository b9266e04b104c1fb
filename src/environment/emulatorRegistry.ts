// One emulator per data folder. The emulator locks its folder (<dataDir>/emulator.lock: pid, endpoints,
// control token); another window, or this one after a reload, attaches to it instead of starting a
// second server on the same state, and watches the lock to notice when it stops. When none runs, the
// next start reuses the last port, so long-running operations saved with the emulator's URLs resume.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { processAlive, readLock } from '../emulator/core/dataLock';
import type { EmulatorEndpoints } from '../emulator/endpoints';

export interface RunningRecord extends EmulatorEndpoints {
  pid: number;
  /** The control API's token. */
  controlToken: string;
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

/** The emulator whose lock holds the data folder, if its process lives, it listens and answers its health check. */
export async function findRunning(dataDir: string): Promise<RunningRecord | undefined> {
  const lock = readLock(dataDir);
  if (!lock?.endpoints || !processAlive(lock.pid) || !fs.existsSync(lock.endpoints.certificate)) return undefined;
  const record: RunningRecord = { ...lock.endpoints, pid: lock.pid, controlToken: lock.token };
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

/** Whether the emulator of process `pid` still holds the data folder (false once it stopped or died). */
export function stillRunning(dataDir: string, pid: number): boolean {
  return readLock(dataDir)?.pid === pid && processAlive(pid);
}
