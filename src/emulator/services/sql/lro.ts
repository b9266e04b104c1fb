// Starts a Microsoft.Sql long-running operation, answered in the shape lroShapes.ts gives the mutation, with
// the URLs the real service hands out: Location in the examples' shape
// (…/locations/{loc}/operation/{id}?api-version=2022-11-01-preview — a different path and api-version than
// the request, which clients must follow as given) and Azure-AsyncOperation.
import type { ServiceContext } from '../../core/context';
import { armError, type EmulatorRequest, type EmulatorResponse } from '../../core/http';
import { SQL_LRO_SHAPES, type SqlMutation } from './lroShapes';

export const OPERATION_RESULT_API_VERSION = '2022-11-01-preview';

export interface SqlLro {
  /** Which row of the shape table answers this request. */
  mutation: SqlMutation;
  /** Handler that applies the effect. */
  kind: string;
  family: 'syncGroup' | 'syncMember' | 'syncAgent';
  resourceId: string;
  location: string;
  finalResult: 'resource' | 'none';
  payload: unknown;
}

export function startSqlLro(ctx: ServiceContext, req: EmulatorRequest, lro: SqlLro): EmulatorResponse {
  const sub = req.params.subscriptionId;
  const apiVersion = req.url.searchParams.get('api-version') ?? OPERATION_RESULT_API_VERSION;
  const root = `${req.base}/subscriptions/${sub}/providers/Microsoft.Sql/locations/${lro.location}`;
  const { mutation, ...rest } = lro;
  return ctx.lro.start(
    {
      ...rest,
      shape: SQL_LRO_SHAPES[mutation],
      subscriptionId: sub,
      failMidway: ctx.faults.takeLroFailure(req.method, req.url.pathname),
      urls: (id) => ({
        location: `${root}/operation/${id}?api-version=${OPERATION_RESULT_API_VERSION}`,
        asyncOperation: `${root}/${lro.family}AzureAsyncOperation/${id}?api-version=${apiVersion}`,
      }),
    },
    req,
  );
}

/** Deletes and schema refreshes: operations handled under their mutation's name, with nothing to carry or return. */
export type SqlAction = Extract<SqlMutation, `${string}.delete` | `${string}.refresh${string}`>;

export function startSqlAction(
  ctx: ServiceContext,
  req: EmulatorRequest,
  mutation: SqlAction,
  resourceId: string,
  location: string,
): EmulatorResponse {
  // Every mutation is named `<family>.<verb>`.
  const family = mutation.slice(0, mutation.indexOf('.')) as SqlLro['family'];
  return startSqlLro(ctx, req, { mutation, kind: mutation, family, resourceId, location, finalResult: 'none', payload: {} });
}

/**
 * Starts the delete of a group or member, marked as being dropped until it completes so that a second DELETE
 * meanwhile is refused; one that is already gone answers 204.
 */
export function startSqlDrop(
  ctx: ServiceContext,
  req: EmulatorRequest,
  mutation: 'syncGroup.delete' | 'syncMember.delete',
  record: { id: string; deleting?: boolean } | undefined,
  location: string,
  alreadyDropping: { code: string; message: string },
): EmulatorResponse {
  if (!record) return { status: 204 };
  if (record.deleting) throw armError(400, alreadyDropping.code, alreadyDropping.message);
  record.deleting = true;
  ctx.store.changed();
  return startSqlAction(ctx, req, mutation, record.id, location);
}

/** Routes answering the two polling URLs. */
export function registerOperationRoutes(ctx: ServiceContext, apiVersions: readonly string[]): void {
  const opts = { audience: 'arm' as const, apiVersions };
  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/operation/{operationId}',
    (req) => ctx.lro.locationResponse(ctx.lro.get(req.params.operationId), req),
    opts,
  );
  for (const family of ['syncGroup', 'syncMember', 'syncAgent']) {
    ctx.router.add(
      'GET',
      `/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/${family}AzureAsyncOperation/{operationId}`,
      (req) => ctx.lro.statusResponse(ctx.lro.get(req.params.operationId), req.url.pathname),
      opts,
    );
    // The older …OperationResults shape is accepted too, for clients that construct it themselves.
    ctx.router.add(
      'GET',
      `/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/${family}OperationResults/{operationId}`,
      (req) => ctx.lro.locationResponse(ctx.lro.get(req.params.operationId), req),
      opts,
    );
  }
}
