// The recovery timeline of a protected SQL database, built from its recovery points: full and differential
// points (marks), the log point-in-time ranges of DefaultRangeRecoveryPoint (bars), and which backups a
// restore to a chosen point or moment replays (the chain: a full, at most one differential after it, then
// the logs up to the moment). Pure: no requests, no clock.
import type { RecoveryPoint } from '../../azure/backup/backupModels';

/** The pseudo-point a point-in-time restore is posted to (its timeRanges are the unbroken log chains). */
export const POINT_IN_TIME_POINT = 'DefaultRangeRecoveryPoint';

export interface TimelinePoint {
  /** The recovery point's name (what the restore is posted to). */
  name: string;
  /** Full, Differential, or whatever else the service sends (open enum). */
  type: string;
  /** Epoch ms (recoveryPointTimeInUTC). */
  time: number;
}

export interface LogRange {
  start: number;
  end: number;
}

export interface RestoreTimeline {
  /** Full and differential points, oldest first. */
  points: TimelinePoint[];
  /** Log ranges, oldest first. */
  ranges: LogRange[];
}

export type RestoreChoice = { kind: 'point'; name: string } | { kind: 'pointInTime'; time: number };

export interface ChainLink {
  /** Full, Differential or Log. */
  type: string;
  /** The point's name (Full/Differential); absent for the logs. */
  name?: string;
  /** When the backup was taken; for the logs, where replay starts. */
  time: number;
  /** Logs only: where replay stops (the chosen moment). */
  until?: number;
}

const parseTime = (value: string | undefined): number | undefined => {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

const isLogPseudoPoint = (p: RecoveryPoint): boolean =>
  p.name?.toLowerCase() === POINT_IN_TIME_POINT.toLowerCase() || (p.properties?.timeRanges !== undefined && p.properties.type === 'Log');

export function buildTimeline(points: readonly RecoveryPoint[]): RestoreTimeline {
  const marks: TimelinePoint[] = [];
  const ranges: LogRange[] = [];
  for (const p of points) {
    if (isLogPseudoPoint(p)) {
      for (const r of p.properties?.timeRanges ?? []) {
        const start = parseTime(r.startTime);
        const end = parseTime(r.endTime);
        if (start !== undefined && end !== undefined && start <= end) ranges.push({ start, end });
      }
      continue;
    }
    const time = parseTime(p.properties?.recoveryPointTimeInUTC);
    if (!p.name || time === undefined) continue;
    marks.push({ name: p.name, type: p.properties?.type ?? 'Unknown', time });
  }
  marks.sort((a, b) => a.time - b.time || a.name.localeCompare(b.name));
  ranges.sort((a, b) => a.start - b.start);
  return { points: marks, ranges };
}

export function findPoint(timeline: RestoreTimeline, name: string): TimelinePoint | undefined {
  const wanted = name.toLowerCase();
  return timeline.points.find((p) => p.name.toLowerCase() === wanted);
}

/** The log range a moment lies in (ends included), if any. */
export function rangeAt(timeline: RestoreTimeline, time: number): LogRange | undefined {
  return timeline.ranges.find((r) => time >= r.start && time <= r.end);
}

const isFull = (p: TimelinePoint) => /full/i.test(p.type);
const isDifferential = (p: TimelinePoint) => /^differential$/i.test(p.type);

/** The latest full at or before `time`, then the latest differential between it and `time`. */
function baseAt(timeline: RestoreTimeline, time: number): ChainLink[] | undefined {
  const before = timeline.points.filter((p) => p.time <= time);
  const full = [...before].reverse().find(isFull);
  if (!full) return undefined;
  const diff = [...before].reverse().find((p) => isDifferential(p) && p.time >= full.time);
  return [full, ...(diff ? [diff] : [])].map((p) => ({ type: p.type, name: p.name, time: p.time }));
}

/**
 * The backups a restore replays, oldest first, or why there is no chain. A differential needs the full
 * before it; a moment needs a log range holding it and a full before it.
 */
export function chainFor(timeline: RestoreTimeline, choice: RestoreChoice): { chain: ChainLink[] } | { problem: string } {
  if (choice.kind === 'point') {
    const point = findPoint(timeline, choice.name);
    if (!point) return { problem: `Recovery point ${choice.name} is not in the list (it may have expired).` };
    if (isFull(point)) return { chain: [{ type: point.type, name: point.name, time: point.time }] };
    const base = baseAt(timeline, point.time);
    if (!base) return { problem: `No full backup precedes ${point.type.toLowerCase()} point ${point.name}.` };
    return { chain: [base[0], { type: point.type, name: point.name, time: point.time }] };
  }
  const range = rangeAt(timeline, choice.time);
  if (!range) return { problem: 'That moment is outside every log range.' };
  const base = baseAt(timeline, choice.time);
  if (!base) return { problem: 'No full backup precedes that moment.' };
  const from = Math.max(base[base.length - 1].time, range.start);
  return { chain: [...base, { type: 'Log', time: from, until: choice.time }] };
}
