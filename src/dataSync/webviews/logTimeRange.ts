// Turns the log view's time range (a preset or a custom start/end) into the API's startTime/endTime,
// refusing a range that ends before it starts. Pure, unit-tested.
export type LogRange = { preset: 'lastHour' | 'last24Hours' | 'last7Days' } | { start: string; end: string };

const PRESET_MS = { lastHour: 3600_000, last24Hours: 86400_000, last7Days: 7 * 86400_000 } as const;

export function resolveLogRange(range: LogRange, now = Date.now()): { startTime: string; endTime: string } | { error: string } {
  if ('preset' in range) {
    const span = PRESET_MS[range.preset];
    if (span === undefined) return { error: `Unknown time range "${String(range.preset)}".` };
    return { startTime: new Date(now - span).toISOString(), endTime: new Date(now).toISOString() };
  }
  if (!range.start.trim()) return { error: 'Start time is required.' };
  if (!range.end.trim()) return { error: 'End time is required.' };
  const start = Date.parse(range.start);
  const end = Date.parse(range.end);
  if (Number.isNaN(start)) return { error: 'Start time is not a valid date and time.' };
  if (Number.isNaN(end)) return { error: 'End time is not a valid date and time.' };
  if (end <= start) return { error: 'End time must be after the start time.' };
  return { startTime: new Date(start).toISOString(), endTime: new Date(end).toISOString() };
}
