// Which mirroring actions a status allows (the service refuses the others), and which statuses change
// by themselves. Shared by the workflows, the tree's context values and the commands' palette checks.

export const START_FROM = ['Initialized', 'Stopped'] as const;
export const STOP_FROM = ['Starting', 'Running', 'Paused'] as const;
/** Statuses that move on their own: the tree re-reads them while it is visible. */
export const TRANSIENT_STATUSES = ['Initializing', 'Starting', 'Stopping'] as const;

const has = (list: readonly string[], status: string | undefined) => !!status && list.some((s) => s.toLowerCase() === status.toLowerCase());

export const canStartMirroring = (status: string | undefined): boolean => has(START_FROM, status);
export const canStopMirroring = (status: string | undefined): boolean => has(STOP_FROM, status);
export const isTransientMirroring = (status: string | undefined): boolean => has(TRANSIENT_STATUSES, status);

export type MirroringAction = 'start' | 'stop';

/** Thrown before anything is sent when the database's status does not allow the action. */
export class MirroringStateError extends Error {
  override readonly name = 'MirroringStateError';
  constructor(
    readonly action: MirroringAction,
    readonly status: string,
    readonly databaseName: string,
  ) {
    const allowed = action === 'start' ? START_FROM : STOP_FROM;
    super(
      `Mirroring of "${databaseName}" can't be ${action === 'start' ? 'started' : 'stopped'}: it is ${status}. ` +
        `It can be ${action === 'start' ? 'started' : 'stopped'} when it is ${allowed.join(' or ')}.`,
    );
  }
}

export const isMirroringStateError = (e: unknown): e is MirroringStateError => e instanceof MirroringStateError;

/** Workspace-relative Fabric path of a mirrored database: the resource id operations and the tree use. */
export function fabricItemPath(workspaceId: string, itemId: string): string {
  return `/workspaces/${workspaceId.toLowerCase()}/mirroredDatabases/${itemId.toLowerCase()}`;
}

export function fabricWorkspacePath(workspaceId: string): string {
  return `/workspaces/${workspaceId.toLowerCase()}`;
}
