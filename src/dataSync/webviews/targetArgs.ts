// Reads the commands' optional target: an ARM id string, or an object with `resourceId` (tree nodes,
// Operations entries). Anything else counts as "no target".
export function targetIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (typeof arg === 'object' && arg !== null) {
    const id = (arg as { resourceId?: unknown }).resourceId;
    if (typeof id === 'string' && id.trim()) return id.trim();
  }
  return undefined;
}

export type TargetKind = 'server' | 'database' | 'syncGroup';

/** Which kind of Data Sync target an id names (deepest known segment wins); undefined if none. */
export function targetKindOf(id: string): TargetKind | undefined {
  const segments = id.toLowerCase().split('/');
  if (segments.includes('syncgroups')) return 'syncGroup';
  if (segments.includes('databases')) return 'database';
  if (segments.includes('servers')) return 'server';
  return undefined;
}

/** The sync group part of an id that may go deeper (a member id → its group). */
export function syncGroupIdOf(id: string): string | undefined {
  const m = /^(.*?\/syncGroups\/[^/]+)/i.exec(id);
  return m?.[1];
}
