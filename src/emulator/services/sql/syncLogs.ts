// GET …/syncGroups/{g}/logs?startTime=&endTime=&type=All|Error|Warning|Success[&continuationToken=]
// Newest first, paged with continuationToken in the nextLink (the spec's extra query parameter).
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import { DATA_SYNC_API_VERSIONS } from '../../core/apiVersions';
import { getGroup } from './ids';
import { GROUP } from './syncGroups';

const LOG_TYPES = ['All', 'Error', 'Warning', 'Success'];

function requiredTime(req: EmulatorRequest, name: string): number {
  const v = req.url.searchParams.get(name);
  if (!v)
    throw armError(400, 'InvalidParameterValue', `An invalid value was given to a parameter: the query parameter '${name}' is required.`);
  // The example sends times without a zone ("2017-01-01T00:00:00"): read them as UTC.
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
  if (Number.isNaN(t))
    throw armError(400, 'InvalidParameterValue', `An invalid value was given to parameter '${name}': '${v}' is not a date-time.`);
  return t;
}

export function registerSyncLogRoutes(ctx: ServiceContext): void {
  ctx.router.add(
    'GET',
    `${GROUP}/logs`,
    (req) => {
      const g = getGroup(ctx, req);
      const start = requiredTime(req, 'startTime');
      const end = requiredTime(req, 'endTime');
      const type = req.url.searchParams.get('type');
      if (!type)
        throw armError(400, 'InvalidParameterValue', "An invalid value was given to a parameter: the query parameter 'type' is required.");
      const wanted = LOG_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
      if (!wanted)
        throw armError(
          400,
          'InvalidParameterValue',
          `An invalid value was given to parameter 'type': '${type}'. Allowed: ${LOG_TYPES.join(', ')}.`,
        );
      const entries = g.logs
        .filter((l) => {
          const t = Date.parse(l.timestamp);
          return t >= start && t <= end && (wanted === 'All' || l.type === wanted);
        })
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
      return { status: 200, body: paginate(req, entries, ctx.options.pageSize, 'continuationToken') };
    },
    { audience: 'arm', apiVersions: DATA_SYNC_API_VERSIONS },
  );
}
