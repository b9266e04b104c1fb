// Access to the Fabric part of the emulator state (created on first use, so states saved before Fabric
// existed keep loading) and the lookups every route starts with.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../core/context';
import type { EmulatorState } from '../../model';
import { emptyFabricState, type FabricState, type MirroredDatabaseRecord, type WorkspaceRecord } from '../../fabricModel';
import { itemNotFound, workspaceNotFound } from './errors';

export function fabricOf(state: EmulatorState): FabricState {
  state.fabric ??= emptyFabricState();
  return state.fabric;
}

export const fabricState = (ctx: ServiceContext): FabricState => fabricOf(ctx.store.state);

export const fkey = (id: string): string => id.toLowerCase();

export const newId = (): string => randomUUID();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (s: unknown): s is string => typeof s === 'string' && GUID.test(s);

export function getWorkspace(ctx: ServiceContext, workspaceId: string): WorkspaceRecord {
  const ws = fabricState(ctx).workspaces[fkey(workspaceId)];
  if (!ws) throw workspaceNotFound();
  return ws;
}

export function getMirroredDatabase(ctx: ServiceContext, workspaceId: string, id: string): MirroredDatabaseRecord {
  const ws = getWorkspace(ctx, workspaceId);
  const db = fabricState(ctx).mirroredDatabases[fkey(id)];
  if (!db || fkey(db.workspaceId) !== fkey(ws.id)) throw itemNotFound();
  return db;
}

export const mirroredDatabasesOf = (ctx: ServiceContext, workspaceId: string): MirroredDatabaseRecord[] =>
  Object.values(fabricState(ctx).mirroredDatabases).filter((d) => fkey(d.workspaceId) === fkey(workspaceId));
