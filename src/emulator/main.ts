// CLI entry (bundled to dist/emulator.js). Prints one JSON line with the endpoints first, then logs to
// stderr; SIGINT/SIGTERM stop cleanly (state flushed), and so does the death of --parent-pid.
// A data folder another live emulator serves is refused (exit code 3) with a message naming it.
import { startEmulator, DEFAULT_CREDENTIALS, DataFolderLockedError, lockPathOf } from './index';
import { HelpRequested, parseArgs, USAGE } from './cli';
import { watchParent } from './parentWatch';

async function main(): Promise<void> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof HelpRequested) {
      console.log(USAGE);
      return;
    }
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { parentPid, ...emulatorOptions } = options;
  // A parent that died closed our pipes: writing a log line must not crash the clean stop that follows.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  let emulator;
  try {
    emulator = await startEmulator(emulatorOptions);
  } catch (e) {
    if (!(e instanceof DataFolderLockedError)) throw e;
    console.error(e.message);
    process.exitCode = 3;
    return;
  }
  process.stdout.write(`${JSON.stringify(emulator.endpoints)}\n`);
  console.error(
    `Azure emulator listening: ARM ${emulator.endpoints.arm}, authority ${emulator.endpoints.authority} (tenant ${emulator.tenantId}), ` +
      `client id '${DEFAULT_CREDENTIALS.clientId}' / secret '${DEFAULT_CREDENTIALS.clientSecret}'. Ctrl+C to stop. ` +
      `The control API (/_emulator) wants the token of ${lockPathOf(emulator.dataDir)} in the x-emulator-token header.`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping, saving state…`);
    emulator.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  if (parentPid) watchParent(parentPid, () => stop(`parent process ${parentPid} ended`));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
