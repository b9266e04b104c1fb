import { strict as assert } from 'node:assert';
import { filterDate, jobsFilterText, JobsFilterError, periodFilter } from '../../../src/backup/workflows/jobsQuery';

const now = Date.UTC(2026, 10, 29, 13, 5, 9, 250);

describe('backup jobs $filter', () => {
  it('always scopes to AzureWorkload and adds nothing else without filters', () => {
    assert.equal(jobsFilterText({}, now), "backupManagementType eq 'AzureWorkload'");
  });

  it('adds operation and status clauses joined by and', () => {
    assert.equal(
      jobsFilterText({ status: 'InProgress', operation: 'Backup' }, now),
      "backupManagementType eq 'AzureWorkload' and operation eq 'Backup' and status eq 'InProgress'",
    );
  });

  it('writes dates as the service reads them (yyyy-MM-dd hh:mm:ss AM, UTC)', () => {
    assert.equal(filterDate(Date.UTC(2026, 0, 5, 0, 7, 3)), '2026-01-05 12:07:03 AM');
    assert.equal(filterDate(Date.UTC(2026, 0, 5, 12, 0, 0)), '2026-01-05 12:00:00 PM');
    assert.equal(filterDate(Date.UTC(2026, 0, 5, 23, 59, 59)), '2026-01-05 11:59:59 PM');
  });

  it('sends both ends of a time window; the end rounds up to the second', () => {
    const text = jobsFilterText({ ...periodFilter('24h', now) }, now);
    assert.equal(
      text,
      "backupManagementType eq 'AzureWorkload' and startTime eq '2026-11-28 01:05:09 PM' and endTime eq '2026-11-29 01:05:10 PM'",
    );
    assert.match(
      jobsFilterText({ startTime: '2026-11-01T00:00:00Z' }, now),
      /startTime eq '2026-11-01 12:00:00 AM' and endTime eq '2026-11-29 01:05:10 PM'$/,
    );
    assert.deepEqual(periodFilter('all', now), {});
  });

  it('doubles quotes in values and refuses a window that ends before it starts or is no date', () => {
    assert.match(jobsFilterText({ operation: "x' or 'a" }, now), /operation eq 'x'' or ''a'/);
    assert.throws(() => jobsFilterText({ startTime: '2026-11-02T00:00:00Z', endTime: '2026-11-01T00:00:00Z' }, now), JobsFilterError);
    assert.throws(() => jobsFilterText({ startTime: 'yesterday' }, now), /not a date/);
  });
});
