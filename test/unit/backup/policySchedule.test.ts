import { strict as assert } from 'node:assert';
import { daysText, durationText, policyScheduleText } from '../../../src/backup/workflows/policySchedule';
import { dailyFullPolicy, hourlyLogPolicy, vmPolicy, weeklyFullDailyDiffPolicy } from '../../../src/emulator/seeds/backupPolicies';
import { COMPLEX_POLICY, LISTED_POLICY } from './specPolicies';

const NOW = Date.UTC(2026, 10, 29, 7, 30);

describe('policy schedule text', () => {
  it("reads the seed's SQL policies: daily Full, hourly Log, weekly Full with daily Differential", () => {
    assert.equal(policyScheduleText(hourlyLogPolicy(NOW)), 'Full daily at 19:00 UTC, kept 30 days · Log every 60 min, kept 30 days');
    assert.equal(policyScheduleText(dailyFullPolicy(NOW)), 'Full daily at 19:00 UTC, kept 30 days');
    assert.equal(
      policyScheduleText(weeklyFullDailyDiffPolicy(NOW)),
      'Full weekly on Sun at 22:00 UTC, kept 12 weeks · Differential weekly on Mon–Sat at 22:00 UTC, kept 30 days · Log every 120 min, kept 15 days',
    );
  });

  it('reads an Azure VM policy (one schedule at the top level)', () => {
    assert.equal(policyScheduleText(vmPolicy(NOW)), 'Backup daily at 23:00 UTC, kept 30 days');
  });

  it("reads the spec examples' AzureWorkload policies, time zone and long-term tiers included", () => {
    assert.equal(
      policyScheduleText(COMPLEX_POLICY),
      'Full weekly on Sun, Tue at 10:00 Pacific Standard Time, kept 2 weeks, monthly 1 month, yearly 1 year · ' +
        'Differential weekly on Fri at 10:00 Pacific Standard Time, kept 8 days · Log every 60 min, kept 7 days',
    );
    assert.equal(policyScheduleText(LISTED_POLICY), 'Full daily at 19:00 UTC, kept 30 days · Log every 60 min, kept 30 days');
  });

  it('says so when there is no schedule, and words durations and days', () => {
    assert.equal(policyScheduleText(undefined), 'No schedule');
    assert.equal(policyScheduleText({ backupManagementType: 'AzureWorkload', subProtectionPolicy: [] }), 'No schedule');
    assert.equal(durationText({ count: 1, durationType: 'Days' }), '1 day');
    assert.equal(durationText({ count: 10, durationType: 'Years' }), '10 years');
    assert.equal(durationText({ count: 3, durationType: 'Invalid' }), undefined);
    assert.equal(daysText(['Friday', 'Monday', 'Tuesday', 'Wednesday']), 'Mon–Wed, Fri');
    assert.equal(daysText(['Sunday', 'Saturday']), 'Sun, Sat');
  });
});
