import { strict as assert } from 'node:assert';
import type { RecoveryPoint } from '../../../src/azure/backup/backupModels';
import { buildTimeline, chainFor, rangeAt } from '../../../src/backup/workflows/restoreTimeline';

const t = (iso: string) => Date.parse(iso);
const point = (name: string, type: string, time: string): RecoveryPoint => ({
  name,
  properties: { objectType: 'AzureWorkloadSQLRecoveryPoint', type, recoveryPointTimeInUTC: time },
});
const logs: RecoveryPoint = {
  name: 'DefaultRangeRecoveryPoint',
  properties: {
    objectType: 'AzureWorkloadSQLPointInTimeRecoveryPoint',
    type: 'Log',
    timeRanges: [
      { startTime: '2026-11-20T00:00:00Z', endTime: '2026-11-23T06:00:00Z' },
      { startTime: '2026-11-10T00:00:00Z', endTime: '2026-11-12T00:00:00Z' },
    ],
  },
};
// As the service lists them: newest first, the log pseudo-point last.
const points = [
  point('300', 'Differential', '2026-11-22T01:00:00Z'),
  point('200', 'Full', '2026-11-21T01:00:00Z'),
  point('150', 'Differential', '2026-11-11T01:00:00Z'),
  point('100', 'Full', '2026-11-09T01:00:00Z'),
  logs,
];

describe('restore timeline', () => {
  it('sorts full and differential points oldest first and keeps log ranges as bars', () => {
    const tl = buildTimeline(points);
    assert.deepEqual(
      tl.points.map((p) => `${p.name}:${p.type}`),
      ['100:Full', '150:Differential', '200:Full', '300:Differential'],
    );
    assert.deepEqual(tl.ranges, [
      { start: t('2026-11-10T00:00:00Z'), end: t('2026-11-12T00:00:00Z') },
      { start: t('2026-11-20T00:00:00Z'), end: t('2026-11-23T06:00:00Z') },
    ]);
  });

  it('skips points without a time and ranges that end before they start, and keeps unknown types', () => {
    const tl = buildTimeline([
      point('x', 'SnapshotFull', '2026-11-01T00:00:00Z'),
      { name: 'broken', properties: { type: 'Full' } },
      {
        name: 'DefaultRangeRecoveryPoint',
        properties: { type: 'Log', timeRanges: [{ startTime: '2026-11-05T00:00:00Z', endTime: '2026-11-04T00:00:00Z' }] },
      },
    ]);
    assert.deepEqual(
      tl.points.map((p) => p.type),
      ['SnapshotFull'],
    );
    assert.deepEqual(tl.ranges, []);
  });

  it('a full point restores alone; a differential also replays the full before it', () => {
    const tl = buildTimeline(points);
    assert.deepEqual(chainFor(tl, { kind: 'point', name: '200' }), {
      chain: [{ type: 'Full', name: '200', time: t('2026-11-21T01:00:00Z') }],
    });
    assert.deepEqual(chainFor(tl, { kind: 'point', name: '300' }), {
      chain: [
        { type: 'Full', name: '200', time: t('2026-11-21T01:00:00Z') },
        { type: 'Differential', name: '300', time: t('2026-11-22T01:00:00Z') },
      ],
    });
    assert.deepEqual(chainFor(tl, { kind: 'point', name: 'nope' }), {
      problem: 'Recovery point nope is not in the list (it may have expired).',
    });
  });

  it('a moment replays the latest full, the latest differential after it, then the logs up to the moment', () => {
    const tl = buildTimeline(points);
    const at = t('2026-11-22T12:30:00Z');
    assert.deepEqual(chainFor(tl, { kind: 'pointInTime', time: at }), {
      chain: [
        { type: 'Full', name: '200', time: t('2026-11-21T01:00:00Z') },
        { type: 'Differential', name: '300', time: t('2026-11-22T01:00:00Z') },
        { type: 'Log', time: t('2026-11-22T01:00:00Z'), until: at },
      ],
    });
    // Before the differential of the 22nd: only the full of the 21st, logs from it.
    const early = t('2026-11-21T05:00:00Z');
    assert.deepEqual(chainFor(tl, { kind: 'pointInTime', time: early }), {
      chain: [
        { type: 'Full', name: '200', time: t('2026-11-21T01:00:00Z') },
        { type: 'Log', time: t('2026-11-21T01:00:00Z'), until: early },
      ],
    });
  });

  it('a moment outside every log range, or with no full before it, has no chain', () => {
    const tl = buildTimeline(points);
    assert.equal(rangeAt(tl, t('2026-11-15T00:00:00Z')), undefined);
    assert.deepEqual(chainFor(tl, { kind: 'pointInTime', time: t('2026-11-15T00:00:00Z') }), {
      problem: 'That moment is outside every log range.',
    });
    const noFull = buildTimeline([logs]);
    assert.deepEqual(chainFor(noFull, { kind: 'pointInTime', time: t('2026-11-11T00:00:00Z') }), {
      problem: 'No full backup precedes that moment.',
    });
    // Range ends are inside.
    assert.ok(rangeAt(tl, t('2026-11-23T06:00:00Z')));
  });
});
