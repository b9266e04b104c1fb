// Mirrored database items: create (201, from a validated definition), list (paged), get, update
// (displayName / description) and delete (then ItemNotFound; hardDelete accepted).
import type { ServiceContext } from '../../core/context';
import { jsonBody, type EmulatorRequest } from '../../core/http';
import type { MirroredDatabaseRecord } from '../../fabricModel';
import { parseDefinition } from './definition';
import { fabricError, invalidRequest } from './errors';
import { FABRIC_BASE } from './operations';
import { fabricPage, pageBody } from './paging';
import { renderMirroredDatabase, renderMirroredDatabaseItem } from './render';
import { fabricState, fkey, getMirroredDatabase, getWorkspace, isGuid, mirroredDatabasesOf, newId } from './state';
import { syncTableList } from './tables';

export const COLLECTION = `${FABRIC_BASE}/workspaces/{workspaceId}/mirroredDatabases`;
export const ITEM = `${COLLECTION}/{mirroredDatabaseId}`;
const MAX_DESCRIPTION = 256;
const MAX_NAME = 256;

type Obj = Record<string, unknown>;
const bodyOf = (req: EmulatorRequest): Obj => {
  const b = jsonBody(req);
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw invalidRequest('The request body must be a JSON object.');
  return b as Obj;
};

export function checkDisplayName(ctx: ServiceContext, workspaceId: string, name: unknown, exceptId?: string): string {
  if (typeof name !== 'string' || !name.trim())
    throw invalidRequest("'displayName' is required and must be a non-empty string.", 'displayName');
  if (name.length > MAX_NAME) throw invalidRequest(`'displayName' must be at most ${MAX_NAME} characters.`, 'displayName');
  if (/[\\/:*?"<>|#%]/.test(name)) throw invalidRequest(`'displayName' contains characters item names cannot use: ${name}`, 'displayName');
  const taken = mirroredDatabasesOf(ctx, workspaceId).some((d) => d.id !== exceptId && d.displayName.toLowerCase() === name.toLowerCase());
  if (taken) throw fabricError(409, 'ItemDisplayNameAlreadyInUse', `Requested '${name}' is already in use.`);
  return name;
}

export function checkDescription(description: unknown): string | undefined {
  if (description === undefined || description === null) return undefined;
  if (typeof description !== 'string') throw invalidRequest("'description' must be a string.", 'description');
  if (description.length > MAX_DESCRIPTION)
    throw invalidRequest(`'description' must be at most ${MAX_DESCRIPTION} characters; got ${description.length}.`, 'description');
  return description;
}

export function registerMirroredDatabaseRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'fabric' as const };

  ctx.router.add(
    'GET',
    COLLECTION,
    (req) => {
      const w = getWorkspace(ctx, req.params.workspaceId);
      const root = req.url.searchParams.get('rootFolderId');
      const list = mirroredDatabasesOf(ctx, w.id)
        .filter((d) => !root || fkey(d.folderId ?? '') === fkey(root))
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map(renderMirroredDatabase);
      return { status: 200, body: pageBody(fabricPage(req, list, ctx.options.pageSize, ctx.options.fabric.continuation)) };
    },
    opts,
  );

  ctx.router.add(
    'POST',
    COLLECTION,
    (req) => {
      const w = getWorkspace(ctx, req.params.workspaceId);
      const b = bodyOf(req);
      const displayName = checkDisplayName(ctx, w.id, b.displayName);
      const description = checkDescription(b.description) ?? '';
      if (b.folderId !== undefined && b.folderId !== null && !isGuid(b.folderId))
        throw invalidRequest("'folderId' must be a GUID.", 'folderId');
      if (b.definition === undefined)
        throw invalidRequest('Creating a mirrored database without a definition is not supported; send definition.parts.', 'definition');
      const parsed = parseDefinition(b.definition);
      const now = ctx.now();
      const md: MirroredDatabaseRecord = {
        id: newId(),
        workspaceId: w.id,
        displayName,
        description,
        ...(typeof b.folderId === 'string' ? { folderId: b.folderId } : {}),
        mirroring: parsed.mirroring,
        ...(parsed.platformPayload ? { platformPayload: parsed.platformPayload } : {}),
        sqlEndpointId: newId(),
        status: 'Initializing',
        statusSince: now,
        tables: [],
        definitionCalls: 0,
      };
      syncTableList(ctx, md);
      fabricState(ctx).mirroredDatabases[fkey(md.id)] = md;
      ctx.store.changed();
      return { status: 201, body: renderMirroredDatabaseItem(md) };
    },
    opts,
  );

  ctx.router.add(
    'GET',
    ITEM,
    (req) => ({
      status: 200,
      body: renderMirroredDatabase(getMirroredDatabase(ctx, req.params.workspaceId, req.params.mirroredDatabaseId)),
    }),
    opts,
  );

  ctx.router.add(
    'PATCH',
    ITEM,
    (req) => {
      const md = getMirroredDatabase(ctx, req.params.workspaceId, req.params.mirroredDatabaseId);
      const b = bodyOf(req);
      const displayName = b.displayName === undefined ? undefined : checkDisplayName(ctx, md.workspaceId, b.displayName, md.id);
      const description = checkDescription(b.description);
      if (displayName !== undefined) md.displayName = displayName;
      if (description !== undefined) md.description = description;
      ctx.store.changed();
      return { status: 200, body: renderMirroredDatabaseItem(md) };
    },
    opts,
  );

  ctx.router.add(
    'DELETE',
    ITEM,
    (req) => {
      const md = getMirroredDatabase(ctx, req.params.workspaceId, req.params.mirroredDatabaseId);
      const hard = req.url.searchParams.get('hardDelete');
      if (hard !== null && !['true', 'false'].includes(hard.toLowerCase()))
        throw invalidRequest(`'hardDelete' must be true or false; got '${hard}'.`, 'hardDelete');
      const st = fabricState(ctx);
      delete st.mirroredDatabases[fkey(md.id)];
      for (const op of Object.values(st.operations))
        if (fkey(op.action.mirroredDatabaseId) === fkey(md.id) && op.status === 'Running') delete st.operations[op.id];
      ctx.store.changed();
      return { status: 200 };
    },
    opts,
  );
}
