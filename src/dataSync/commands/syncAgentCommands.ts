// Sync agent commands: create, generate a key (to the clipboard only), delete.
import * as vscode from 'vscode';
import { serverRefFromId, syncAgentRefFromId } from '../dataSyncRefs';
import { resourceIdOf } from '../../ui/targetResourceId';
import { askThenSend } from '../../ui/retryableCommand';
import { createAgent, deleteAgent, generateAgentKey, validateAgentName, type CreateAgentInput } from '../workflows/syncAgentWorkflows';
import { withRequestProgress, type CommandDeps } from './commandSupport';
import { copySecretForAMinute } from '../../ui/secretClipboard';
import { pickAgent, pickDatabase, pickServer } from './pickers';

export function registerSyncAgentCommands(deps: CommandDeps): vscode.Disposable[] {
  const { ctx, input, errors } = deps;
  const agentId = async (arg: unknown): Promise<string | undefined> => {
    const id = resourceIdOf(arg);
    if (id) return id;
    const server = await pickServer(ctx, input);
    if (!server) return undefined;
    return (await pickAgent(ctx, input, server))?.id;
  };

  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.createAgent',
      errors.guard('Create sync agent', (arg?: unknown) =>
        askThenSend('Create sync agent', deps, {
          ask: async (ui): Promise<CreateAgentInput | undefined> => {
            // From the "Sync Agents" folder the id ends in /syncAgents: the server is its parent.
            const serverId = resourceIdOf(arg)?.replace(/\/syncAgents$/i, '') ?? (await pickServer(ctx, ui));
            if (!serverId) return undefined;
            const server = serverRefFromId(serverId);
            const name = await ui.input({ title: `Name of the new sync agent on ${server.server}`, validateInput: validateAgentName });
            if (!name) return undefined;
            const metadata = await pickDatabase(ctx, ui, serverId, 'Choose the sync metadata database the agent uses');
            if (!metadata) return undefined;
            return { serverId, name, syncDatabaseId: metadata };
          },
          send: (answers) =>
            withRequestProgress(`Creating sync agent ${answers.name}…`, arg, (signal) => createAgent(ctx, answers, signal)),
        }),
      ),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.generateAgentKey',
      errors.guard('Generate agent key', async (arg?: unknown) => {
        const id = await agentId(arg);
        if (!id) return undefined;
        const name = syncAgentRefFromId(id).syncAgent;
        const key = await withRequestProgress(`Generating a key for ${name}…`, arg, (signal) => generateAgentKey(ctx, id, signal));
        // The key goes to the clipboard only (never logged, shown, or stored), and only for a minute.
        const tell = (message: string) => void vscode.window.showInformationMessage(message);
        await copySecretForAMinute(key, `The key of sync agent ${name}`, { clipboard: vscode.env.clipboard, tell });
        tell(
          `A new key for sync agent ${name} is on the clipboard for one minute. Paste it into the Data Sync agent on your SQL Server machine; the previous key no longer works.`,
        );
        return true;
      }),
    ),

    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.deleteAgent',
      errors.guard('Delete sync agent', async (arg?: unknown) => {
        const id = await agentId(arg);
        if (!id) return undefined;
        const ref = syncAgentRefFromId(id);
        const ok = await input.confirm(
          `Delete sync agent "${ref.syncAgent}" on ${ref.server}?`,
          'Members that sync through this agent stop syncing.',
          'Delete',
        );
        if (!ok) return undefined;
        return withRequestProgress(`Deleting sync agent ${ref.syncAgent}…`, arg, (signal) => deleteAgent(ctx, id, signal));
      }),
    ),
  ];
}
