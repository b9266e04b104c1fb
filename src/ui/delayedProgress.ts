// Progress for a request the user started, shown only once it has taken longer than a moment (1 s):
// quick answers never flash a notification, slow or hung ones show it with Cancel. Cancel aborts the
// work's AbortSignal, so the HTTP call itself is aborted, not just hidden. Never imports 'vscode': the
// surface that shows the progress comes in from cancellableProgress.ts.

/** Where progress shows: it stays up until `done` settles; `cancel` is what its Cancel button does. */
export interface ProgressSurface {
  show(done: Promise<unknown>, cancel: () => void): void;
}

/** Runs `fn` after `ms` unless the returned function is called first (tests pass a manual clock). */
export type Schedule = (ms: number, fn: () => void) => () => void;

export const PROGRESS_DELAY_MS = 1_000;

const realSchedule: Schedule = (ms, fn) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export async function runWithDelayedProgress<T>(
  work: (signal: AbortSignal) => Promise<T>,
  surface: ProgressSurface,
  options: { delayMs?: number; schedule?: Schedule } = {},
): Promise<T> {
  const controller = new AbortController();
  const running = work(controller.signal);
  // The surface only needs to know when to close: never let it see (or report) the work's failure.
  const done = running.then(
    () => undefined,
    () => undefined,
  );
  const cancelTimer = (options.schedule ?? realSchedule)(options.delayMs ?? PROGRESS_DELAY_MS, () =>
    surface.show(done, () => controller.abort()),
  );
  try {
    return await running;
  } finally {
    cancelTimer();
  }
}
