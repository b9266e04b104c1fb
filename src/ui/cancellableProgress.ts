// withCancellableProgress: a user-started request shows progress with Cancel once it takes over a
// second. Started from the palette, a notification; started from a tree, the view shows it is busy too
// (VS Code offers Cancel only on notifications, so the notification carries it). A cancel aborts the
// request and ends the command quietly (ErrorReporter.guard treats an AbortError as the user's choice).
import * as vscode from 'vscode';
import { runWithDelayedProgress, type ProgressSurface } from './delayedProgress';
import { recordForTests } from './testHooks';

/** 'notification' for the palette; a view's id for a command run on one of its nodes. */
export type ProgressWhere = 'notification' | { viewId: string };

/** Progress notifications shown, newest last (tests read it; empty in production). */
export interface ShownProgress {
  title: string;
  where: ProgressWhere;
  /** What the notification's Cancel does (tests press it). */
  cancel(): void;
  /** Settles when the progress closes. */
  done: Promise<unknown>;
}

export const shownProgress: ShownProgress[] = [];

export function withCancellableProgress<T>(title: string, where: ProgressWhere, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const surface: ProgressSurface = {
    show(done, cancel) {
      recordForTests(shownProgress, { title, where, cancel, done });
      if (where !== 'notification') void vscode.window.withProgress({ location: where }, () => done);
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
        token.onCancellationRequested(cancel);
        return done;
      });
    },
  };
  return runWithDelayedProgress(work, surface);
}

/** Where a command's progress shows: the view it was run in when given a node of it, else a notification. */
export function progressWhere(arg: unknown, viewId: string): ProgressWhere {
  return arg !== undefined && arg !== null && typeof arg === 'object' && 'treeItem' in arg ? { viewId } : 'notification';
}
