// Starts a Microsoft.Sql long-running operation with the URLs the real service hands out: Location in the
// examples' shape (…/locations/{loc}/operation/{id}?api-version=2022-11-01-preview — a different path and
// api-version than the request, which clients must follow as given) plus Azure-AsyncOperation.
import type { ServiceContext } from '../../core/context';
import type { EmulatorRequest, EmulatorResponse } from '../../core/http';

export const OPERATION_RESULT_API_VERSION = '2022-11-01-preview';

export interface SqlLro {
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
  return ctx.lro.start({
    ...lro,
    subscriptionId: sub,
    failMidway: ctx.faults.takeLroFailure(req.method, req.url.pathname),
    urls: (id) => ({
      location: `${root}/operation/${id}?api-version=${OPERATION_RESULT_API_VERSION}`,
      asyncOperation: `${root}/${lro.family}AzureAsyncOperation/${id}?api-version=${apiVersion}`,
    }),
  });
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
