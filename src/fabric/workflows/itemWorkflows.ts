// A mirrored database as a Fabric item: list workspaces and their mirrored databases (all pages),
// rename, edit the description (validated before sending), delete (hardDelete only when asked), and
// find the source database it mirrors (from its definition's connection).
import { FabricConnectionsClient, sqlConnectionTarget, type FabricConnection } from '../../azure/fabric/connectionsClient';
import { decodePart, type MirroredDatabase, type Workspace } from '../../azure/fabric/fabricModels';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import { refOf } from './mirroringWorkflows';

export const MAX_DESCRIPTION_LENGTH = 256;
export const MAX_DISPLAY_NAME_LENGTH = 256;

/** Input that breaks an item rule; nothing was sent. */
export class FabricItemValidationError extends Error {
  override readonly name = 'FabricItemValidationError';
  constructor(
    readonly field: 'displayName' | 'description',
    message: string,
  ) {
    super(message);
  }
}

export const isFabricItemValidationError = (e: unknown): e is FabricItemValidationError => e instanceof FabricItemValidationError;

/** The problem with a display name, or undefined when it is acceptable. */
export function displayNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'Enter a name.';
  if (name.length > MAX_DISPLAY_NAME_LENGTH)
    return `The name is ${name.length} characters long; at most ${MAX_DISPLAY_NAME_LENGTH} are allowed.`;
  if (name !== name.trim()) return 'The name cannot start or end with spaces.';
  return undefined;
}

export function descriptionProblem(description: string): string | undefined {
  if (description.length > MAX_DESCRIPTION_LENGTH)
    return `The description is ${description.length} characters long; at most ${MAX_DESCRIPTION_LENGTH} are allowed.`;
  return undefined;
}

/** Every workspace (all pages), by name. */
export async function listWorkspaces(ctx: FabricContext, signal?: AbortSignal): Promise<Workspace[]> {
  const all = await ctx.clients().workspaces.list({ signal }).toArray();
  return all.sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''));
}

export async function listMirroredDatabases(ctx: FabricContext, workspaceId: string, signal?: AbortSignal): Promise<MirroredDatabase[]> {
  return ctx.clients().mirroredDatabases.list(workspaceId, { signal }).toArray();
}

export async function getMirroredDatabase(ctx: FabricContext, target: FabricItemTarget, signal?: AbortSignal): Promise<MirroredDatabase> {
  return ctx.clients().mirroredDatabases.get(refOf(target), signal);
}

export async function renameItem(
  ctx: FabricContext,
  target: FabricItemTarget,
  displayName: string,
  signal?: AbortSignal,
): Promise<MirroredDatabase> {
  const problem = displayNameProblem(displayName);
  if (problem) throw new FabricItemValidationError('displayName', problem);
  const updated = await ctx.clients().mirroredDatabases.update(refOf(target), { displayName }, signal);
  ctx.refresh(target.itemId);
  return updated;
}

export async function editDescription(
  ctx: FabricContext,
  target: FabricItemTarget,
  description: string,
  signal?: AbortSignal,
): Promise<MirroredDatabase> {
  const problem = descriptionProblem(description);
  if (problem) throw new FabricItemValidationError('description', problem);
  const updated = await ctx.clients().mirroredDatabases.update(refOf(target), { description }, signal);
  ctx.refresh(target.itemId);
  return updated;
}

export async function deleteItem(
  ctx: FabricContext,
  target: FabricItemTarget,
  options: { hardDelete?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  await ctx.clients().mirroredDatabases.delete(refOf(target), { hardDelete: options.hardDelete === true, signal: options.signal });
  ctx.refresh();
}

export interface SourceDatabase {
  /** The connection id of the definition. */
  connectionId?: string;
  /** e.g. fabrikam-bi-sea.database.windows.net */
  server?: string;
  database?: string;
  /** The source type of the definition, e.g. AzureSqlDatabase. */
  type?: string;
}

interface MirroringDocument {
  properties?: { source?: { type?: unknown; typeProperties?: { connection?: unknown; database?: unknown } } };
}

/** Where a mirrored database reads from: its definition's source, named through the connection list. */
export async function readSourceDatabase(
  ctx: FabricContext,
  target: FabricItemTarget,
  connections: () => Promise<FabricConnection[]>,
  signal?: AbortSignal,
): Promise<SourceDatabase> {
  const poller = await ctx.clients().mirroredDatabases.beginGetDefinition(refOf(target), { signal });
  const { definition } = await poller.pollUntilDone({ signal, minDelayMs: 200, maxDelayMs: 2_000 });
  const part = definition.parts.find((p) => p.path === 'mirroring.json');
  if (!part) return {};
  const doc = JSON.parse(decodePart(part)) as MirroringDocument;
  const source = doc.properties?.source;
  const connectionId = typeof source?.typeProperties?.connection === 'string' ? source.typeProperties.connection : undefined;
  const out: SourceDatabase = { connectionId, type: typeof source?.type === 'string' ? source.type : undefined };
  if (typeof source?.typeProperties?.database === 'string') out.database = source.typeProperties.database;
  if (!connectionId) return out;
  const connection = (await connections()).find((c) => c.id?.toLowerCase() === connectionId.toLowerCase());
  const sql = connection && sqlConnectionTarget(connection);
  return sql ? { ...out, server: sql.server, database: out.database ?? sql.database } : out;
}

/** Reads the connection list once, whoever asks first (one tree load shares it). */
export function connectionsOnce(ctx: FabricContext, signal?: AbortSignal): () => Promise<FabricConnection[]> {
  let pending: Promise<FabricConnection[]> | undefined;
  return () => (pending ??= new FabricConnectionsClient(ctx.clients().fabric).list(signal).toArray());
}
