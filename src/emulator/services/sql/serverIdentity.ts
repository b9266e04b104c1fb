// A SQL server's managed identity: PATCH …/servers/{name} with `identity` (Servers_Update: 202 + Location
// when the identity changes, polled until the server comes back with principalId/tenantId; 200 at once
// when nothing long-running is needed), and the control knob that sets it directly.
import { SQL_LRO_SHAPES } from './lroShapes';
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import { SQL_API_VERSIONS } from '../../core/apiVersions';
import { key, type ServerIdentity, type ServerRecord } from '../../model';
import { createHash } from 'node:crypto';
import { getServer } from './ids';
import { renderServer } from './render';

const SERVER = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}';
/** Stable principal ids, so the same server keeps the same identity across restarts and seeds. */
function guid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const IDENTITY_TYPES = ['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned'];
/** Servers_Update's example answers 202 with a Location of this api-version, not the request's. */
const OPERATION_API_VERSION = '2024-08-01';

/** The identity a server gets for a requested type: a stable principal for the system-assigned part. */
export function identityFor(
  server: ServerRecord,
  tenantId: string,
  requested: { type: string; userAssignedIdentities?: Record<string, unknown> },
): ServerIdentity | undefined {
  if (requested.type === 'None') return undefined;
  const identity: ServerIdentity = { type: requested.type };
  if (requested.type.includes('SystemAssigned')) {
    identity.principalId = guid(`sami:${server.id.toLowerCase()}`);
    identity.tenantId = tenantId;
  }
  if (requested.type.includes('UserAssigned')) {
    identity.userAssignedIdentities = Object.fromEntries(
      Object.keys(requested.userAssignedIdentities ?? {}).map((id) => [
        id,
        { principalId: guid(`uami-p:${id}`), clientId: guid(`uami-c:${id}`) },
      ]),
    );
  }
  return identity;
}

function parseIdentity(raw: unknown): { type: string; userAssignedIdentities?: Record<string, unknown> } {
  const i = raw as { type?: unknown; userAssignedIdentities?: unknown };
  if (typeof i !== 'object' || i === null || typeof i.type !== 'string' || !IDENTITY_TYPES.includes(i.type))
    throw armError(400, 'InvalidIdentityType', `identity.type must be one of ${IDENTITY_TYPES.join(', ')}.`);
  const uami = i.userAssignedIdentities as Record<string, unknown> | undefined;
  if (i.type.includes('UserAssigned') && (!uami || Object.keys(uami).length === 0))
    throw armError(
      400,
      'MissingIdentityId',
      'The list of user assigned identity ids needs to be passed if the IdentityType is UserAssigned.',
    );
  return { type: i.type, userAssignedIdentities: uami };
}

export function registerServerIdentityRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'arm' as const, apiVersions: SQL_API_VERSIONS };
  const st = () => ctx.store.state;

  ctx.lro.register('server.update', {
    complete(op) {
      const server = st().servers[key(op.resourceId)];
      if (!server) throw new Error('The server no longer exists.');
      const p = op.payload as { identity?: { type: string; userAssignedIdentities?: Record<string, unknown> } };
      if (p.identity) server.identity = identityFor(server, st().tenantId, p.identity);
    },
    render(op) {
      const server = st().servers[key(op.resourceId)];
      return server ? renderServer(server) : undefined;
    },
  });

  ctx.router.add(
    'PATCH',
    SERVER,
    (req) => {
      const server = getServer(ctx, req);
      const b = jsonBody(req) as { identity?: unknown; tags?: unknown } | undefined;
      if (b?.tags !== undefined) {
        if (typeof b.tags !== 'object' || b.tags === null) throw armError(400, 'InvalidRequestContent', 'tags must be an object.');
        server.tags = b.tags as Record<string, string>;
        ctx.store.changed();
      }
      if (b?.identity === undefined) return { status: 200, body: renderServer(server) };
      const identity = parseIdentity(b.identity);
      const sub = req.params.subscriptionId;
      const root = `${req.base}/subscriptions/${sub}/providers/Microsoft.Sql/locations/${server.location}`;
      return ctx.lro.start(
        {
          kind: 'server.update',
          family: 'server',
          subscriptionId: sub,
          location: server.location,
          resourceId: server.id,
          finalResult: 'resource',
          payload: { identity },
          failMidway: ctx.faults.takeLroFailure(req.method, req.url.pathname),
          shape: SQL_LRO_SHAPES['server.patch'],
          urls: (id) => ({
            location: `${root}/serverOperationResults/${id}?api-version=${OPERATION_API_VERSION}`,
            asyncOperation: `${root}/serverAzureAsyncOperation/${id}?api-version=${req.url.searchParams.get('api-version') ?? OPERATION_API_VERSION}`,
          }),
        },
        req,
      );
    },
    opts,
  );

  const pollOpts = { ...opts, apiVersions: [...SQL_API_VERSIONS, OPERATION_API_VERSION] };
  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/serverOperationResults/{operationId}',
    (req) => ctx.lro.locationResponse(ctx.lro.get(req.params.operationId), req),
    pollOpts,
  );
  ctx.router.add(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/locations/{locationName}/serverAzureAsyncOperation/{operationId}',
    (req) => ctx.lro.statusResponse(ctx.lro.get(req.params.operationId), req.url.pathname),
    pollOpts,
  );

  // Control knob: set (or remove) a server's identity at once, without an ARM operation.
  ctx.router.add('POST', '/_emulator/serverIdentity', (req) => {
    const b = jsonBody(req) as { serverId?: unknown; type?: unknown } | undefined;
    const serverId = typeof b?.serverId === 'string' ? b.serverId : '';
    const server = st().servers[key(serverId)];
    if (!server) throw armError(404, 'NotFound', `No server '${serverId}'.`);
    const identity = parseIdentity({ type: b?.type ?? 'SystemAssigned' });
    server.identity = identityFor(server, st().tenantId, identity);
    ctx.store.changed();
    return { status: 200, body: { serverId: server.id, identity: server.identity ?? { type: 'None' } } };
  });
}
