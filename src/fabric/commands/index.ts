// Registers the Fabric mirroring commands of the tree (start/stop, monitor, item edits, copy, portal, refresh).
import type * as vscode from 'vscode';
import type { FabricCommandDeps } from './commandSupport';
import { registerItemCommands } from './itemCommands';
import { registerMirroringCommands } from './mirroringCommands';

export type { FabricCommandDeps } from './commandSupport';

export function registerFabricTreeCommands(deps: FabricCommandDeps): vscode.Disposable[] {
  return [...registerMirroringCommands(deps), ...registerItemCommands(deps)];
}
