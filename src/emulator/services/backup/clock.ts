// Azure Backup's clock: the wall clock plus an offset the control API can move forward, and service
// durations (a Full backup takes ~120 s on Azure) compressed by the `backupTimeScale` option.
import type { ServiceContext } from '../../core/context';
import { backupState } from './state';

export const backupNow = (ctx: ServiceContext): number => ctx.now() + backupState(ctx).clockOffsetMs;

/** Real milliseconds an operation that takes `serviceSeconds` on Azure lasts here. */
export const scaled = (ctx: ServiceContext, serviceSeconds: number): number =>
  Math.round((serviceSeconds * 1000) / Math.max(ctx.options.backupTimeScale, 1e-6));

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Retry-After for a tracking URL: the remaining time (1–60 s) unless the emulator option overrides it. */
export function retryAfter(ctx: ServiceContext, finishAt: number): string {
  if (ctx.options.retryAfterSeconds !== undefined) return String(ctx.options.retryAfterSeconds);
  return String(Math.min(60, Math.max(1, Math.ceil((finishAt - backupNow(ctx)) / 1000))));
}

/** ISO-8601 duration as the service writes it (PT2M1.6965032S). */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = +(total % 60).toFixed(3);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}
