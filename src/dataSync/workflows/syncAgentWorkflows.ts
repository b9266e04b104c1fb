// Sync agent use cases (on-premises members): create one on a server with its sync metadata database,
// generate a new key (returned once, to be handed to the agent; never stored or logged), delete one.
import { serverPath, syncAgentPath } from '../../azure/sql/sqlPaths';
import type { SyncAgent } from '../../azure/sql/syncModels';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { DataSyncContext } from '../dataSyncContext';
import { serverRefFromId, syncAgentRefFromId } from '../dataSyncRefs';
import { validateRequired, validateSyncName, type Check } from '../syncRules';
import { track } from './tracking';
import { problemsOf, throwIfInvalid, type FieldProblem } from './validationError';

export const validateAgentName = (value: unknown): Check => validateSyncName(value, 'Sync agent name');

export interface CreateAgentInput {
  serverId: string;
  name: string;
  /** The sync metadata database the agent uses. */
  syncDatabaseId: string;
}

export function createAgentProblems(input: CreateAgentInput): FieldProblem[] {
  return problemsOf([
    ['name', validateAgentName(input.name)],
    ['syncDatabaseId', validateRequired(input.syncDatabaseId, 'Sync metadata database')],
  ]);
}

export const createAgentBody = (input: CreateAgentInput): { properties: { syncDatabaseId: string } } => ({
  properties: { syncDatabaseId: input.syncDatabaseId },
});

export async function createAgent(
  ctx: DataSyncContext,
  input: CreateAgentInput,
  signal?: AbortSignal,
): Promise<TrackedOperation<SyncAgent>> {
  throwIfInvalid(createAgentProblems(input));
  const ref = { ...serverRefFromId(input.serverId), syncAgent: input.name };
  return track(ctx, await ctx.clients().agents.beginCreateOrUpdate(ref, createAgentBody(input), signal), {
    title: `Create sync agent ${input.name}`,
    resourceId: `${serverPath(ref)}/syncAgents/${encodeURIComponent(input.name)}`,
    label: `sync agent ${input.name}`,
  });
}

/** A new key for the agent (the previous one stops working). The caller shows it once and keeps no copy. */
export async function generateAgentKey(ctx: DataSyncContext, agentId: string, signal?: AbortSignal): Promise<string> {
  const { syncAgentKey } = await ctx.clients().agents.generateKey(syncAgentRefFromId(agentId), signal);
  if (!syncAgentKey) throw new Error('The service returned no key.');
  return syncAgentKey;
}

export async function deleteAgent(ctx: DataSyncContext, agentId: string, signal?: AbortSignal): Promise<TrackedOperation<void>> {
  const ref = syncAgentRefFromId(agentId);
  return track(ctx, await ctx.clients().agents.beginDelete(ref, signal), {
    title: `Delete sync agent ${ref.syncAgent}`,
    resourceId: syncAgentPath(ref),
    label: `sync agent ${ref.syncAgent}`,
  });
}
