// getDefinition / updateDefinition: answered at once (200) or as a long-running operation (202 +
// Location + x-ms-operation-id + Retry-After). Which one is deterministic — by default every other call
// per item — so clients have to handle both.
import type { ServiceContext } from '../../core/context';
import { jsonBody } from '../../core/http';
import type { MirroredDatabaseRecord, MirroringDocument } from '../../fabricModel';
import { definitionParts, encodeJson, parseDefinition, sourceKey } from './definition';
import { fabricError, invalidRequest } from './errors';
import { startFabricOperation, type OperationAction } from './operations';
import { ITEM, checkDescription, checkDisplayName } from './mirroredDatabases';
import { fabricState, fkey, getMirroredDatabase } from './state';
import { syncTableList } from './tables';

const SOURCE_EDITABLE = ['Initialized', 'Stopped'];

function answerWith202(ctx: ServiceContext, md: MirroredDatabaseRecord): boolean {
  md.definitionCalls++;
  ctx.store.changed();
  const mode = ctx.options.fabric.definitionLro;
  return mode === 'always' || (mode === 'alternate' && md.definitionCalls % 2 === 0);
}

function platformOf(md: MirroredDatabaseRecord): string {
  return (
    md.platformPayload ??
    encodeJson({
      $schema: 'https://developer.microsoft.com/json-schemas/fabric/gitIntegration/platformProperties/2.0.0/schema.json',
      metadata: { type: 'MirroredDatabase', displayName: md.displayName, ...(md.description ? { description: md.description } : {}) },
      config: { version: '2.0', logicalId: '00000000-0000-0000-0000-000000000000' },
    })
  );
}

export function definitionOf(md: MirroredDatabaseRecord): unknown {
  return { definition: { parts: definitionParts(md.mirroring, platformOf(md)) } };
}

/** Rejects changes to the source (connection, database, defaultSchema) unless Initialized or Stopped. */
function checkSourceChange(md: MirroredDatabaseRecord, next: MirroringDocument): boolean {
  const changed = sourceKey(md.mirroring) !== sourceKey(next);
  if (changed && !SOURCE_EDITABLE.includes(md.status))
    throw fabricError(
      400,
      'InvalidRequest',
      `The source connection, database and defaultSchema can be updated only when the mirroring status is Initialized or Stopped; it is ${md.status}. Only mountedTables can change now.`,
      [
        {
          errorCode: 'InvalidParameter',
          message: "Invalid value for 'properties.source' or 'properties.target.typeProperties.defaultSchema'.",
        },
      ],
    );
  return changed;
}

/** The item metadata a `.platform` part carries, validated like a PATCH would be. */
function platformMetadata(
  ctx: ServiceContext,
  md: MirroredDatabaseRecord,
  platformPayload: string | undefined,
): { displayName?: string; description?: string } {
  if (!platformPayload) return {};
  const doc = JSON.parse(Buffer.from(platformPayload, 'base64').toString('utf8')) as {
    metadata?: { displayName?: unknown; description?: unknown };
  };
  const m = doc.metadata ?? {};
  return {
    displayName: m.displayName === undefined ? undefined : checkDisplayName(ctx, md.workspaceId, m.displayName, md.id),
    description: checkDescription(m.description),
  };
}

export function applyDefinition(
  ctx: ServiceContext,
  md: MirroredDatabaseRecord,
  mirroring: MirroringDocument,
  platformPayload?: string,
  updateMetadata = false,
): void {
  const sourceChanged = checkSourceChange(md, mirroring);
  const metadata = updateMetadata ? platformMetadata(ctx, md, platformPayload) : {};
  md.mirroring = mirroring;
  if (platformPayload) md.platformPayload = platformPayload;
  if (metadata.displayName !== undefined) md.displayName = metadata.displayName;
  if (metadata.description !== undefined) md.description = metadata.description;
  if (sourceChanged) md.tables = [];
  syncTableList(ctx, md);
  ctx.store.changed();
}

/** What a finished definition operation does. */
export function runDefinitionAction(ctx: ServiceContext, action: OperationAction): unknown {
  const md = fabricState(ctx).mirroredDatabases[fkey(action.mirroredDatabaseId)];
  if (!md) throw fabricError(404, 'ItemNotFound', 'The requested item was not found.');
  if (action.kind === 'getDefinition') return definitionOf(md);
  applyDefinition(ctx, md, action.mirroring, action.platformPayload, action.updateMetadata);
  return undefined;
}

export function registerDefinitionRoutes(ctx: ServiceContext): void {
  const opts = { audience: 'fabric' as const };
  ctx.router.add(
    'POST',
    `${ITEM}/getDefinition`,
    (req) => {
      const md = getMirroredDatabase(ctx, req.params.workspaceId, req.params.mirroredDatabaseId);
      if (answerWith202(ctx, md)) return startFabricOperation(ctx, req, { kind: 'getDefinition', mirroredDatabaseId: md.id });
      return { status: 200, body: definitionOf(md) };
    },
    opts,
  );
  ctx.router.add(
    'POST',
    `${ITEM}/updateDefinition`,
    (req) => {
      const md = getMirroredDatabase(ctx, req.params.workspaceId, req.params.mirroredDatabaseId);
      const b = jsonBody(req) as { definition?: unknown } | undefined;
      if (typeof b !== 'object' || b === null) throw invalidRequest("The request must contain 'definition'.", 'definition');
      const parsed = parseDefinition(b.definition);
      const updateMetadata = req.url.searchParams.get('updateMetadata')?.toLowerCase() === 'true';
      checkSourceChange(md, parsed.mirroring);
      if (updateMetadata) platformMetadata(ctx, md, parsed.platformPayload);
      if (answerWith202(ctx, md))
        return startFabricOperation(ctx, req, {
          kind: 'updateDefinition',
          mirroredDatabaseId: md.id,
          mirroring: parsed.mirroring,
          ...(parsed.platformPayload ? { platformPayload: parsed.platformPayload } : {}),
          ...(updateMetadata ? { updateMetadata } : {}),
        });
      applyDefinition(ctx, md, parsed.mirroring, parsed.platformPayload, updateMetadata);
      return { status: 200 };
    },
    opts,
  );
}
