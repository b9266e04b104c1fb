// An emulator started by another program (the extension) must not outlive it: if that program dies
// without stopping it (killed, crashed), its child would otherwise keep the port and the data folder's
// lock forever. The parent's pid is polled; once it is gone, `onGone` runs (once).
import { processAlive } from './core/dataLock';

export function watchParent(parentPid: number, onGone: () => void, intervalMs = 1_000): () => void {
  const direct = process.ppid === parentPid;
  const timer = setInterval(() => {
    // Reparented (a direct parent that died hands us to init at once, even before it is reaped), or the pid is gone.
    if (processAlive(parentPid) && !(direct && process.ppid !== parentPid)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
