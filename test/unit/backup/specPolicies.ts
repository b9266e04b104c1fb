// The AzureWorkload policies of the 2026-02-01 spec examples (RecoveryServicesBackup/stable/2026-02-01/examples/AzureWorkload):
// ProtectionPolicies_CreateOrUpdate_Complex.json (request properties) and BackupPolicies_List.json (the listed policy).
export const COMPLEX_POLICY: Record<string, unknown> = {
  backupManagementType: 'AzureWorkload',
  settings: {
    issqlcompression: false,
    timeZone: 'Pacific Standard Time',
  },
  subProtectionPolicy: [
    {
      policyType: 'Full',
      retentionPolicy: {
        monthlySchedule: {
          retentionDuration: {
            count: 1,
            durationType: 'Months',
          },
          retentionScheduleFormatType: 'Weekly',
          retentionScheduleWeekly: {
            daysOfTheWeek: ['Sunday'],
            weeksOfTheMonth: ['Second'],
          },
          retentionTimes: ['2018-01-24T10:00:00Z'],
        },
        retentionPolicyType: 'LongTermRetentionPolicy',
        weeklySchedule: {
          daysOfTheWeek: ['Sunday', 'Tuesday'],
          retentionDuration: {
            count: 2,
            durationType: 'Weeks',
          },
          retentionTimes: ['2018-01-24T10:00:00Z'],
        },
        yearlySchedule: {
          monthsOfYear: ['January', 'June', 'December'],
          retentionDuration: {
            count: 1,
            durationType: 'Years',
          },
          retentionScheduleFormatType: 'Weekly',
          retentionScheduleWeekly: {
            daysOfTheWeek: ['Sunday'],
            weeksOfTheMonth: ['Last'],
          },
          retentionTimes: ['2018-01-24T10:00:00Z'],
        },
      },
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunDays: ['Sunday', 'Tuesday'],
        scheduleRunFrequency: 'Weekly',
        scheduleRunTimes: ['2018-01-24T10:00:00Z'],
      },
    },
    {
      policyType: 'Differential',
      retentionPolicy: {
        retentionDuration: {
          count: 8,
          durationType: 'Days',
        },
        retentionPolicyType: 'SimpleRetentionPolicy',
      },
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunDays: ['Friday'],
        scheduleRunFrequency: 'Weekly',
        scheduleRunTimes: ['2018-01-24T10:00:00Z'],
      },
    },
    {
      policyType: 'Log',
      retentionPolicy: {
        retentionDuration: {
          count: 7,
          durationType: 'Days',
        },
        retentionPolicyType: 'SimpleRetentionPolicy',
      },
      schedulePolicy: {
        scheduleFrequencyInMins: 60,
        schedulePolicyType: 'LogSchedulePolicy',
      },
    },
  ],
  workLoadType: 'SQLDataBase',
};

export const LISTED_POLICY: Record<string, unknown> = {
  backupManagementType: 'AzureWorkload',
  protectedItemsCount: 0,
  settings: {
    issqlcompression: false,
    timeZone: 'UTC',
  },
  subProtectionPolicy: [
    {
      policyType: 'Full',
      retentionPolicy: {
        dailySchedule: {
          retentionDuration: {
            count: 30,
            durationType: 'Days',
          },
          retentionTimes: ['2017-12-05T19:00:00Z'],
        },
        retentionPolicyType: 'LongTermRetentionPolicy',
      },
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunFrequency: 'Daily',
        scheduleRunTimes: ['2017-12-05T19:00:00Z'],
        scheduleWeeklyFrequency: 0,
      },
    },
    {
      policyType: 'Log',
      retentionPolicy: {
        retentionDuration: {
          count: 30,
          durationType: 'Days',
        },
        retentionPolicyType: 'SimpleRetentionPolicy',
      },
      schedulePolicy: {
        scheduleFrequencyInMins: 60,
        schedulePolicyType: 'LogSchedulePolicy',
      },
    },
  ],
  workLoadType: 'SQLDataBase',
};
