import { strict as assert } from 'node:assert';
import { describePolicySchedule, describePolicySchedules } from '../../../src/backup/workflows/policySchedule';
import { dailyFullPolicy, hourlyLogPolicy, vmPolicy, weeklyFullDailyDiffPolicy } from '../../../src/emulator/seeds/backupPolicies';

const now = Date.UTC(2026, 10, 29, 8, 0, 0);
const policy = (properties: Record<string, unknown>) => ({ name: 'p', properties });

describe('describePolicySchedule', () => {
  it('reads a SQL policy as one line per backup type, with its time zone and retention', () => {
    assert.equal(
      describePolicySchedule(policy(hourlyLogPolicy(now))),
      'Full daily at 19:00 UTC, kept 30 days · Log every 60 min, kept 30 days',
    );
    assert.deepEqual(describePolicySchedules(policy(dailyFullPolicy(now))), ['Full daily at 19:00 UTC, kept 30 days']);
  });

  it('names weekly days, as a range when consecutive', () => {
    assert.deepEqual(describePolicySchedules(policy(weeklyFullDailyDiffPolicy(now))), [
      'Full weekly on Sunday at 22:00 UTC, kept 12 weeks',
      'Differential weekly on Monday–Saturday at 22:00 UTC, kept 30 days',
      'Log every 120 min, kept 15 days',
    ]);
  });

  it('reads a VM policy single schedule, several retention tiers, and unknown shapes without failing', () => {
    assert.equal(describePolicySchedule(policy(vmPolicy(now))), 'Backup daily at 23:00 UTC, kept 30 days');
    const tiers = {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionDuration: { count: 30, durationType: 'Days' } },
      yearlySchedule: { retentionDuration: { count: 1, durationType: 'Years' } },
    };
    assert.equal(
      describePolicySchedule(
        policy({
          settings: { timeZone: 'Pacific Standard Time' },
          subProtectionPolicy: [
            {
              policyType: 'Full',
              schedulePolicy: { scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2026-01-01T02:30:00Z'] },
              retentionPolicy: tiers,
            },
            { policyType: 'Snapshot', schedulePolicy: { schedulePolicyType: 'LongTermSchedulePolicy' } },
          ],
        }),
      ),
      'Full daily at 02:30 Pacific Standard Time, kept: daily points 30 days, yearly points 1 year · Snapshot LongTermSchedulePolicy',
    );
    assert.equal(describePolicySchedule(policy({})), 'No schedule');
  });
});
