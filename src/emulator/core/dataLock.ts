// One emulator per data folder: <dataDir>/emulator.lock names the process that serves it (pid), where
// (port and endpoints, once it listens) and the token its control API requires. It is created
// exclusively before the state is read, so two emulators never share (and overwrite) one state; a lock
// whose process is gone (a crash) is taken over; a live one makes the second start fail with a message
// naming the first. Windows that attach to a running emulator read it to find it and its token.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EmulatorEndpoints } from '../endpoints';

export interface LockRecord {
  pid: number;
  /** The control API's token (header x-emulator-token). */
  token: string;
  startedAt: string;
  /** 0 until the emulator listens. */
  port: number;
  endpoints?: EmulatorEndpoints;
}

export const LOCK_FILE = 'emulator.lock';

export const lockPathOf = (dataDir: string): string => path.join(dataDir, LOCK_FILE);

/** A second emulator on a data folder a live one serves. */
export class DataFolderLockedError extends Error {
  override readonly name = 'DataFolderLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockRecord,
  ) {
    super(
      `Another emulator (process ${holder.pid}${holder.endpoints ? `, ${holder.endpoints.arm}` : ', starting'}) already serves the data folder ${dataDir}. ` +
        'Use that one, stop it first, or start this one with another --data folder.',
    );
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPathOf(dataDir), 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.token !== 'string') return undefined;
    return {
      pid: parsed.pid,
      token: parsed.token,
      startedAt: String(parsed.startedAt),
      port: Number(parsed.port) || 0,
      endpoints: parsed.endpoints,
    };
  } catch {
    return undefined;
  }
}

export interface DataLock {
  readonly record: LockRecord;
  /** Records where the emulator listens. */
  listening(endpoints: EmulatorEndpoints): void;
  /** Removes the lock if it is still this emulator's. */
  release(): void;
}

/** Takes the data folder's lock for this process, taking over a stale one; throws DataFolderLockedError when a live emulator holds it. */
export function acquireLock(dataDir: string, token: string, now: () => number = Date.now): DataLock {
  const file = lockPathOf(dataDir);
  const record: LockRecord = { pid: process.pid, token, startedAt: new Date(now()).toISOString(), port: 0 };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(record), { flag: 'wx', mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw e;
      const holder = readLock(dataDir);
      // A lock being written right now reads as empty for a moment: only an old unreadable one is stale.
      const unreadableAndOld = !holder && now() - fs.statSync(file).mtimeMs > 5_000;
      if (holder && processAlive(holder.pid)) throw new DataFolderLockedError(dataDir, holder);
      if (!holder && !unreadableAndOld) throw new DataFolderLockedError(dataDir, { pid: 0, token: '', startedAt: '', port: 0 });
      fs.rmSync(file, { force: true }); // its process is gone: take it over
    }
  }
  const isOurs = (): boolean => readLock(dataDir)?.token === token;
  return {
    record,
    listening(endpoints) {
      record.port = Number(new URL(endpoints.arm).port);
      record.endpoints = endpoints;
      if (isOurs()) fs.writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
    },
    release() {
      if (isOurs()) fs.rmSync(file, { force: true });
    },
  };
}
