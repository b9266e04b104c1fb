// CLI entry (bundled to dist/emulator.js). Prints one JSON line with the endpoints first, then logs to
// stderr; SIGINT/SIGTERM stop cleanly (state flushed).
import { startEmulator, DEFAULT_CREDENTIALS } from './index';
import { HelpRequested, parseArgs, USAGE } from './cli';

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
  const emulator = await startEmulator(options);
  process.stdout.write(`${JSON.stringify(emulator.endpoints)}\n`);
  console.error(
    `Azure emulator listening: ARM ${emulator.endpoints.arm}, authority ${emulator.endpoints.authority} (tenant ${emulator.tenantId}), ` +
      `client id '${DEFAULT_CREDENTIALS.clientId}' / secret '${DEFAULT_CREDENTIALS.clientSecret}'. Ctrl+C to stop.`,
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
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
