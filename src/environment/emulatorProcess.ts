// Starts the bundled emulator (dist/emulator.js) as a child process and reads the endpoints it
// prints as its first stdout line. A child process rather than in-process so a busy emulator never
// stalls the extension host, and so stopping it releases its port and files for certain.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { readLock } from '../emulator/core/dataLock';
import type { EmulatorEndpoints } from '../emulator/endpoints';

export interface EmulatorLaunchOptions {
  script: string;
  dataDir: string;
  port?: number;
  seed?: string;
  latencyMs?: number;
  startTimeoutMs?: number;
  /** Receives every line the emulator writes after its endpoints line (for an output channel). */
  onOutput?: (line: string) => void;
}

export interface RunningEmulator {
  endpoints: EmulatorEndpoints;
  pid: number | undefined;
  /** Its control API's token (from the data folder's lock), when known. */
  controlToken?: string;
  stop(): Promise<void>;
  readonly exited: Promise<number | null>;
}

export function parseEndpointsLine(line: string): EmulatorEndpoints {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`The emulator's first line was not its endpoints JSON: ${line.slice(0, 200)}`);
  }
  const p = parsed as Partial<Record<keyof EmulatorEndpoints, unknown>>;
  for (const key of ['arm', 'fabric', 'authority', 'certificate'] as const) {
    if (typeof p[key] !== 'string' || p[key] === '') throw new Error(`The emulator's endpoints JSON has no "${key}".`);
  }
  return parsed as EmulatorEndpoints;
}

export async function launchEmulator(options: EmulatorLaunchOptions): Promise<RunningEmulator> {
  if (!fs.existsSync(options.script)) throw new Error(`The emulator is not built: ${options.script} is missing. Run "npm run build".`);
  // --parent-pid: the emulator stops by itself if this process dies without stopping it.
  const args = [options.script, '--port', String(options.port ?? 0), '--data', options.dataDir, '--parent-pid', String(process.pid)];
  if (options.seed) args.push('--seed', options.seed);
  if (options.latencyMs) args.push('--latency', String(options.latencyMs));
  // Inside VS Code desktop process.execPath is Electron; ELECTRON_RUN_AS_NODE makes it plain Node.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr.push(d);
    options.onOutput?.(d.trimEnd());
  });
  const endpoints = await readEndpoints(child, exited, stderr, options);
  const lock = readLock(options.dataDir);
  return {
    endpoints,
    pid: child.pid,
    controlToken: lock && lock.pid === child.pid ? lock.token : undefined,
    exited,
    stop: () => stopChild(child, exited),
  };
}

function readEndpoints(
  child: ChildProcess,
  exited: Promise<number | null>,
  stderr: string[],
  options: EmulatorLaunchOptions,
): Promise<EmulatorEndpoints> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    let first = true;
    const timer = setTimeout(() => {
      void stopChild(child, exited);
      reject(new Error(`The emulator did not report its endpoints within ${(options.startTimeoutMs ?? 30_000) / 1000} s.`));
    }, options.startTimeoutMs ?? 30_000);
    lines.on('line', (line) => {
      if (!first) {
        options.onOutput?.(line);
        return;
      }
      first = false;
      clearTimeout(timer);
      try {
        resolve(parseEndpointsLine(line));
      } catch (e) {
        void stopChild(child, exited);
        reject(e instanceof Error ? e : new Error('The emulator printed an unreadable endpoints line.'));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (first) reject(new Error(`The emulator exited (code ${code}) before it started: ${stderr.join('').slice(-500)}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}
