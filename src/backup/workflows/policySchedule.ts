// A backup policy as one line people read: "Full daily at 22:00 UTC, kept 30 days · Log every 60 min,
// kept 15 days". Pure, for the tree's policy nodes and tooltips. Run times are stored as date-times of
// which only the time of day counts, in the policy's time zone (settings.timeZone, a Windows zone name).

type Json = Record<string, unknown>;

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const KIND_LABEL: Record<string, string> = {
  Full: 'Full',
  Differential: 'Differential',
  Log: 'Log',
  CopyOnlyFull: 'Copy-only full',
  Incremental: 'Incremental',
};

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** "30 days", "1 week", "12 weeks"… from a RetentionDuration. */
export function durationText(duration: unknown): string | undefined {
  const d = obj(duration);
  const count = num(d?.count);
  const type = str(d?.durationType);
  if (count === undefined || !type || type === 'Invalid') return undefined;
  const unit = type.toLowerCase().replace(/s$/, '');
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "22:00" from a run time (the time of day as written, whatever the date). */
function timeOfDay(value: unknown): string | undefined {
  const m = /T(\d{2}):(\d{2})/.exec(str(value) ?? '');
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** "Sun, Tue"; runs of three or more days in a row as "Mon–Sat". */
export function daysText(days: unknown): string | undefined {
  const indexes = [...new Set(arr(days).map((d) => DAYS.indexOf(String(d))))].filter((i) => i >= 0).sort((a, b) => a - b);
  if (!indexes.length) return undefined;
  const short = (i: number) => DAYS[i].slice(0, 3);
  const parts: string[] = [];
  for (let start = 0; start < indexes.length;) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
    if (end - start >= 2) parts.push(`${short(indexes[start])}–${short(indexes[end])}`);
    else for (let i = start; i <= end; i++) parts.push(short(indexes[i]));
    start = end + 1;
  }
  return parts.join(', ');
}

function scheduleText(schedule: Json | undefined, zone: string): string | undefined {
  if (!schedule) return undefined;
  const minutes = num(schedule.scheduleFrequencyInMins);
  if (str(schedule.schedulePolicyType) === 'LogSchedulePolicy' || minutes !== undefined)
    return minutes !== undefined ? `every ${minutes} min` : undefined;
  const times = arr(schedule.scheduleRunTimes)
    .map(timeOfDay)
    .filter((t): t is string => !!t);
  const at = times.length ? ` at ${times.join(', ')} ${zone}` : '';
  switch (str(schedule.scheduleRunFrequency)) {
    case 'Daily':
      return `daily${at}`;
    case 'Weekly': {
      const days = daysText(schedule.scheduleRunDays);
      return `weekly${days ? ` on ${days}` : ''}${at}`;
    }
    case 'Hourly': {
      const interval = num(obj(schedule.hourlySchedule)?.interval);
      return interval !== undefined ? `every ${interval} h` : 'hourly';
    }
    default:
      return undefined;
  }
}

/**
 * "kept 30 days"; for long-term retention the tier that matches the schedule first, then the others:
 * "kept 2 weeks, monthly 1 month, yearly 1 year".
 */
export function retentionText(retention: Json | undefined, frequency?: string): string | undefined {
  if (!retention) return undefined;
  const simple = durationText(retention.retentionDuration);
  if (simple) return `kept ${simple}`;
  const tiers = (['daily', 'weekly', 'monthly', 'yearly'] as const)
    .map((tier) => ({ tier, text: durationText(obj(retention[`${tier}Schedule`])?.retentionDuration) }))
    .filter((t): t is { tier: (typeof t)['tier']; text: string } => !!t.text);
  if (!tiers.length) return undefined;
  const lead = tiers.find((t) => t.tier === frequency?.toLowerCase()) ?? tiers[0];
  return ['kept ' + lead.text, ...tiers.filter((t) => t !== lead).map((t) => `${t.tier} ${t.text}`)].join(', ');
}

function oneText(label: string, schedule: Json | undefined, retention: Json | undefined, zone: string): string {
  const when = scheduleText(schedule, zone);
  const kept = retentionText(retention, str(schedule?.scheduleRunFrequency));
  return [when ? `${label} ${when}` : label, kept].filter(Boolean).join(', ');
}

/** The schedule of a policy's properties (AzureWorkload: one part per sub-policy, joined by " · "). */
export function policyScheduleText(properties: Json | undefined): string {
  if (!properties) return 'No schedule';
  const settings = obj(properties.settings);
  const zone = str(settings?.timeZone) ?? str(properties.timeZone) ?? 'UTC';
  const subs = arr(properties.subProtectionPolicy)
    .map(obj)
    .filter((s): s is Json => !!s);
  if (subs.length)
    return subs
      .map((s) => {
        const type = str(s.policyType) ?? 'Backup';
        return oneText(KIND_LABEL[type] ?? type, obj(s.schedulePolicy), obj(s.retentionPolicy), zone);
      })
      .join(' · ');
  // A policy of another workload (an Azure VM's): one schedule at the top level.
  const schedule = obj(properties.schedulePolicy);
  return schedule ? oneText('Backup', schedule, obj(properties.retentionPolicy), zone) : 'No schedule';
}
