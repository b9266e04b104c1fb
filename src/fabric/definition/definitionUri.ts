// Where a definition part lives as a document: sqldm-fabric:/<workspaceId>/<itemId>/<name> · <part>.
// The item's name is in the file name so the editor's title says which mirrored database it is; the ids
// alone identify it (a renamed item still resolves). `?server` is the server's current mirroring.json,
// read-only, for comparing with the user's unsaved text.
import * as vscode from 'vscode';
import { MIRRORING_PART, PLATFORM_PART } from '../workflows/definitionWorkflows';
import type { FabricItemTarget } from '../fabricTarget';

export const DEFINITION_SCHEME = 'sqldm-fabric';
export const SERVER_QUERY = 'server';
const SEPARATOR = ' · ';

export interface DefinitionLocation {
  workspaceId: string;
  itemId: string;
  /** mirroring.json or .platform. */
  part: string;
  /** The server's copy (read-only) rather than the editable document. */
  server: boolean;
}

/** Path segments may not hold '/' or '\'; names are shown, never parsed. */
const safeName = (name: string): string =>
  name
    .replace(/[\\/]/g, '∕')
    .replace(/\p{Cc}/gu, ' ')
    .trim() || 'mirrored database';

export function definitionUri(target: FabricItemTarget, displayName: string, part = MIRRORING_PART, server = false): vscode.Uri {
  return vscode.Uri.from({
    scheme: DEFINITION_SCHEME,
    path: `/${target.workspaceId}/${target.itemId}/${safeName(displayName)}${SEPARATOR}${part}`,
    query: server ? SERVER_QUERY : undefined,
  });
}

export function parseDefinitionUri(uri: vscode.Uri): DefinitionLocation | undefined {
  const [workspaceId, itemId, file, ...rest] = uri.path.split('/').slice(1);
  if (!workspaceId || !itemId || !file || rest.length) return undefined;
  const part = [MIRRORING_PART, PLATFORM_PART].find((p) => file === p || file.endsWith(`${SEPARATOR}${p}`));
  if (!part) return undefined;
  return { workspaceId, itemId, part, server: uri.query === SERVER_QUERY };
}
