// Recovery points of a protected database: Full / Differential points (extendedInfo with the data
// directory paths on a single GET, or with `extendedInfo eq 'True'`), plus the log point-in-time
// pseudo-point DefaultRangeRecoveryPoint whose timeRanges are the unbroken log chains.
import type { ServiceContext } from '../../core/context';
import { armError } from '../../core/http';
import { paginate } from '../../core/paging';
import { BACKUP_API_VERSIONS } from '../../core/backupApiVersions';
import type { BackupItemRecord, BackupRecoveryPointRecord } from '../../model';
import { getItem, ITEM, POINT, POINT_IN_TIME_POINT } from './ids';
import { filterDate, parseFilter } from './odataFilter';
import { renderPoint, renderPointInTime } from './renderPoints';

export function findPoint(item: BackupItemRecord, name: string): BackupRecoveryPointRecord | undefined {
  return item.recoveryPoints.find((p) => p.name.toLowerCase() === name.toLowerCase());
}

export function pointNotFound(name: string): Error {
  return armError(404, 'BMSUserErrorRecoveryPointNotFound', `Recovery point '${name}' was not found. It may have expired.`);
}

export function registerRecoveryPointRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: BACKUP_API_VERSIONS };

  ctx.router.add(
    'GET',
    `${ITEM}/recoveryPoints`,
    (req) => {
      const { item } = getItem(ctx, req);
      const f = parseFilter(req);
      const from = filterDate(f, 'startDate');
      const to = filterDate(f, 'endDate');
      if (from !== undefined && to !== undefined && from > to)
        throw armError(400, 'BMSUserErrorInvalidInput', 'Input provided for the call is invalid: startDate must not be after endDate.');
      const query = (f.get('restorepointquerytype') ?? 'All').toLowerCase();
      const extended = (f.get('extendedinfo') ?? '').toLowerCase() === 'true';
      const wantTypes: Record<string, string[]> = {
        all: ['Full', 'Differential', 'Log'],
        full: ['Full'],
        differential: ['Differential'],
        fullanddifferential: ['Full', 'Differential'],
        log: ['Log'],
      };
      const types = wantTypes[query];
      if (!types)
        throw armError(400, 'BMSUserErrorInvalidInput', `restorePointQueryType '${f.get('restorepointquerytype')}' is not valid for SQL.`);
      const points = item.recoveryPoints
        .filter((p) => types.includes(p.type))
        .filter((p) => (from === undefined || p.time >= from) && (to === undefined || p.time <= to))
        .sort((a, b) => b.time - a.time)
        .map((p) => renderPoint(ctx, item, p, extended));
      const list = types.includes('Log') ? [...points, renderPointInTime(ctx, item, extended)] : points;
      return { status: 200, body: paginate(req, list, ctx.options.pageSize) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    POINT,
    (req) => {
      const { item } = getItem(ctx, req);
      const name = req.params.recoveryPointId;
      if (name.toLowerCase() === POINT_IN_TIME_POINT.toLowerCase()) return { status: 200, body: renderPointInTime(ctx, item, true) };
      const p = findPoint(item, name);
      if (!p) throw pointNotFound(name);
      return { status: 200, body: renderPoint(ctx, item, p, true) };
    },
    opts,
  );
}
