// A secret handed to the user through the clipboard (a sync agent key) stays there one minute: then it is
// cleared if the clipboard still holds it (something the user copied since is left alone), and the user
// is told. The clipboard, the timer and the notice are injected so tests run without waiting a minute.
// Free of 'vscode'.

export const SECRET_CLIPBOARD_MS = 60_000;

export interface ClipboardLike {
  readText(): PromiseLike<string>;
  writeText(text: string): PromiseLike<void>;
}

export interface SecretClipboardDeps {
  clipboard: ClipboardLike;
  /** Tells the user something (an information notification in the extension). */
  tell(message: string): void;
  /** setTimeout in the extension; a fake clock in tests. */
  schedule?(run: () => void, ms: number): { dispose(): void };
  /** Reports a failure to clear (never the secret itself). */
  log?(message: string): void;
}

const realSchedule = (run: () => void, ms: number) => {
  const t = setTimeout(run, ms);
  return { dispose: () => clearTimeout(t) };
};

/** Copies `secret`; resolves once it is on the clipboard. `cleared` settles after the minute. */
export async function copySecretForAMinute(
  secret: string,
  what: string,
  deps: SecretClipboardDeps,
): Promise<{ cleared: Promise<boolean>; cancel(): void }> {
  await deps.clipboard.writeText(secret);
  let timer: { dispose(): void } | undefined;
  const cleared = new Promise<boolean>((resolve) => {
    timer = (deps.schedule ?? realSchedule)(() => {
      void clearIfStillThere(secret, what, deps).then(resolve, (e: unknown) => {
        deps.log?.(`Could not clear ${what} from the clipboard: ${e instanceof Error ? e.name : 'error'}`);
        resolve(false);
      });
    }, SECRET_CLIPBOARD_MS);
  });
  return { cleared, cancel: () => timer?.dispose() };
}

async function clearIfStillThere(secret: string, what: string, deps: SecretClipboardDeps): Promise<boolean> {
  if ((await deps.clipboard.readText()) !== secret) return false;
  await deps.clipboard.writeText('');
  deps.tell(`${what} was cleared from the clipboard after one minute.`);
  return true;
}
