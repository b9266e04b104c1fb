// A backup policy's schedule in words, for pickers and tooltips: "Full daily at 19:00 UTC, kept 30 days ·
// Log every 60 min, kept 30 days". Pure: reads the policy's JSON as the service sends it (open enums:
// anything unknown is shown as it came).
import type { ProtectionPolicy } from '../../azure/backup/backupModels';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "19:00" from a run time (only the time of day matters). */
function timeOf(iso: string): string {
  const m = /T(\d{2}:\d{2})/.exec(iso);
  return m ? m[1] : iso;
}

/** Days as a short list, a range when consecutive (Monday–Saturday). */
function daysOf(days: string[]): string {
  const idx = days.map((d) => WEEK.findIndex((w) => w.toLowerCase() === d.toLowerCase()));
  if (idx.length > 2 && idx.every((i) => i >= 0)) {
    const sorted = [...idx].sort((a, b) => a - b);
    if (sorted.every((v, k) => k === 0 || v === sorted[k - 1] + 1)) return `${WEEK[sorted[0]]}–${WEEK[sorted[sorted.length - 1]]}`;
  }
  return days.join(', ');
}

function durationOf(d: unknown): string | undefined {
  const o = obj(d);
  if (!o || typeof o.count !== 'number') return undefined;
  const unit = typeof o.durationType === 'string' ? o.durationType.toLowerCase() : '';
  return `${o.count} ${o.count === 1 ? unit.replace(/s$/, '') : unit}`.trim();
}

function scheduleOf(s: Obj | undefined, zone: string): string {
  if (!s) return 'no schedule';
  if (typeof s.scheduleFrequencyInMins === 'number') return `every ${s.scheduleFrequencyInMins} min`;
  const times = strs(s.scheduleRunTimes).map(timeOf);
  const at = times.length ? ` at ${times.join(', ')} ${zone}` : '';
  const freq = typeof s.scheduleRunFrequency === 'string' ? s.scheduleRunFrequency : '';
  if (freq.toLowerCase() === 'daily') return `daily${at}`;
  if (freq.toLowerCase() === 'weekly') {
    const days = strs(s.scheduleRunDays);
    return days.length ? `weekly on ${daysOf(days)}${at}` : `weekly${at}`;
  }
  if (freq.toLowerCase() === 'hourly') {
    const h = obj(s.hourlySchedule);
    return typeof h?.interval === 'number' ? `every ${h.interval} hours` : 'hourly';
  }
  return `${freq || (typeof s.schedulePolicyType === 'string' ? s.schedulePolicyType : 'custom')}${at}`;
}

/** The longest retention a retention policy keeps (daily, weekly, monthly, yearly; or its single duration). */
function retentionOf(r: Obj | undefined): string | undefined {
  if (!r) return undefined;
  const simple = durationOf(r.retentionDuration);
  if (simple) return `kept ${simple}`;
  const parts = (['dailySchedule', 'weeklySchedule', 'monthlySchedule', 'yearlySchedule'] as const)
    .map((k) => {
      const d = durationOf(obj(r[k])?.retentionDuration);
      return d && `${k.replace('Schedule', '')} points ${d}`;
    })
    .filter((p): p is string => Boolean(p));
  if (parts.length === 1) return `kept ${parts[0].replace(/^\w+ points /, '')}`;
  return parts.length ? `kept: ${parts.join(', ')}` : undefined;
}

/** One line per backup type of a SQL (AzureWorkload) policy, or the single schedule of another policy. */
export function describePolicySchedules(policy: ProtectionPolicy): string[] {
  const p = policy.properties ?? {};
  const settings = obj(p.settings);
  const zone = typeof settings?.timeZone === 'string' ? settings.timeZone : typeof p.timeZone === 'string' ? p.timeZone : 'UTC';
  const subs = Array.isArray(p.subProtectionPolicy) ? p.subProtectionPolicy.map(obj).filter((s): s is Obj => Boolean(s)) : [];
  if (subs.length)
    return subs.map((s) => {
      const retention = retentionOf(obj(s.retentionPolicy));
      return `${typeof s.policyType === 'string' ? s.policyType : 'Backup'} ${scheduleOf(obj(s.schedulePolicy), zone)}${retention ? `, ${retention}` : ''}`;
    });
  const single = obj(p.schedulePolicy);
  if (!single) return [];
  const retention = retentionOf(obj(p.retentionPolicy));
  return [`Backup ${scheduleOf(single, zone)}${retention ? `, ${retention}` : ''}`];
}

/** The schedule in one line: "Full daily at 19:00 UTC, kept 30 days · Log every 60 min, kept 30 days". */
export function describePolicySchedule(policy: ProtectionPolicy): string {
  const lines = describePolicySchedules(policy);
  return lines.length ? lines.join(' · ') : 'No schedule';
}
