// Registers every SQL Data Sync command.
import type * as vscode from 'vscode';
import type { CommandDeps } from './commandSupport';
import { registerResourceCommands, type TreeDeps } from './resourceCommands';
import { registerSyncAgentCommands } from './syncAgentCommands';
import { registerSyncGroupCommands } from './syncGroupCommands';
import { registerSyncMemberCommands } from './syncMemberCommands';

export function registerDataSyncCommands(deps: CommandDeps, tree: TreeDeps): vscode.Disposable[] {
  return [
    ...registerSyncGroupCommands(deps),
    ...registerSyncMemberCommands(deps),
    ...registerSyncAgentCommands(deps),
    ...registerResourceCommands(deps, tree),
  ];
}
