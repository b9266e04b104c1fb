// What a Fabric command acts on: a mirrored database (or a workspace), given as a tree node that carries
// these fields or as this plain object (palette use, tests, links from other views). Tree nodes of
// mirrored databases have contextValue `fabricMirroredDatabase:<status>` (e.g. `fabricMirroredDatabase:Running`),
// so menus match them with `viewItem =~ /^fabricMirroredDatabase/` and state-specific ones with the status.

export interface FabricItemTarget {
  workspaceId: string;
  itemId: string;
  displayName?: string;
  workspaceName?: string;
}

export interface FabricWorkspaceTarget {
  workspaceId: string;
  workspaceName?: string;
}

export function fabricItemOf(arg: unknown): FabricItemTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as Record<string, unknown>;
  if (typeof o.workspaceId !== 'string' || typeof o.itemId !== 'string') return undefined;
  return {
    workspaceId: o.workspaceId,
    itemId: o.itemId,
    displayName: typeof o.displayName === 'string' ? o.displayName : undefined,
    workspaceName: typeof o.workspaceName === 'string' ? o.workspaceName : undefined,
  };
}

export function fabricWorkspaceOf(arg: unknown): FabricWorkspaceTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as Record<string, unknown>;
  if (typeof o.workspaceId !== 'string') return undefined;
  return { workspaceId: o.workspaceId, workspaceName: typeof o.workspaceName === 'string' ? o.workspaceName : undefined };
}
