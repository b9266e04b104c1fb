// Which kind of Data Sync resource a command's target id names, and the sync group part of an id.
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
