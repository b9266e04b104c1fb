// The AzureWorkload policies the Backup seeds use (and tests start from), plus the Azure VM policy real
// vaults hold next to them.
const runTime = (now: number, hour: number): string => {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, 0, 0)).toISOString();
};

/** The Learn example's HourlyLogBackup shape: daily Full kept 30 days, hourly log kept 30 days. */
export function hourlyLogPolicy(now: number): Record<string, unknown> {
  return {
    backupManagementType: 'AzureWorkload',
    workLoadType: 'SQLDataBase',
    settings: { timeZone: 'UTC', issqlcompression: false },
    subProtectionPolicy: [
      {
        policyType: 'Full',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Daily',
          scheduleRunTimes: [runTime(now, 19)],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: { retentionTimes: [runTime(now, 19)], retentionDuration: { count: 30, durationType: 'Days' } },
        },
      },
      {
        policyType: 'Log',
        schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 60 },
        retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 30, durationType: 'Days' } },
      },
    ],
  };
}

export function dailyFullPolicy(now: number): Record<string, unknown> {
  const p = hourlyLogPolicy(now);
  return { ...p, subProtectionPolicy: (p.subProtectionPolicy as unknown[]).slice(0, 1) };
}

export function weeklyFullDailyDiffPolicy(now: number): Record<string, unknown> {
  const t = runTime(now, 22);
  return {
    backupManagementType: 'AzureWorkload',
    workLoadType: 'SQLDataBase',
    settings: { timeZone: 'UTC', issqlcompression: true },
    subProtectionPolicy: [
      {
        policyType: 'Full',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Weekly',
          scheduleRunDays: ['Sunday'],
          scheduleRunTimes: [t],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionTimes: [t], retentionDuration: { count: 12, durationType: 'Weeks' } },
        },
      },
      {
        policyType: 'Differential',
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Weekly',
          scheduleRunDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
          scheduleRunTimes: [t],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 30, durationType: 'Days' } },
      },
      {
        policyType: 'Log',
        schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 120 },
        retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 15, durationType: 'Days' } },
      },
    ],
  };
}

/** An Azure VM backup policy: present in real vaults, and not usable for SQL databases. */
export function vmPolicy(now: number): Record<string, unknown> {
  return {
    backupManagementType: 'AzureIaasVM',
    instantRpRetentionRangeInDays: 2,
    timeZone: 'UTC',
    schedulePolicy: {
      schedulePolicyType: 'SimpleSchedulePolicy',
      scheduleRunFrequency: 'Daily',
      scheduleRunTimes: [runTime(now, 23)],
      scheduleWeeklyFrequency: 0,
    },
    retentionPolicy: {
      retentionPolicyType: 'LongTermRetentionPolicy',
      dailySchedule: { retentionTimes: [runTime(now, 23)], retentionDuration: { count: 30, durationType: 'Days' } },
    },
  };
}
