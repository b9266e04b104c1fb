// The two routes of a schema holder (a sync group's hub, a sync member's database): a POST that refreshes
// the schema as a long-running operation, and a GET that lists what the last refresh found.
import type { ServiceContext } from '../../core/context';
import type { EmulatorRequest } from '../../core/http';
import { paginate } from '../../core/paging';
import type { RouteOptions } from '../../core/router';
import type { FullSchemaSnapshot } from '../../model';
import { getServer } from './ids';
import { startSqlAction, type SqlAction } from './lro';
import { renderFullSchema } from './render';

export interface SchemaHolder<T> {
  /** Route template of the holder itself. */
  path: string;
  /** Last path segments of the refresh POST and of the schema list GET. */
  refresh: string;
  list: string;
  mutation: SqlAction & `${string}.refresh${string}`;
  get(ctx: ServiceContext, req: EmulatorRequest): T;
  schemaOf(holder: T): FullSchemaSnapshot | undefined;
}

export function registerSchemaRoutes<T extends { id: string }>(ctx: ServiceContext, opts: RouteOptions, holder: SchemaHolder<T>): void {
  ctx.router.add(
    'POST',
    `${holder.path}/${holder.refresh}`,
    (req) => {
      const server = getServer(ctx, req);
      return startSqlAction(ctx, req, holder.mutation, holder.get(ctx, req).id, server.location);
    },
    opts,
  );
  ctx.router.add(
    'GET',
    `${holder.path}/${holder.list}`,
    (req) => {
      const schema = holder.schemaOf(holder.get(ctx, req));
      return { status: 200, body: paginate(req, schema ? [renderFullSchema(schema)] : [], ctx.options.pageSize) };
    },
    opts,
  );
}
