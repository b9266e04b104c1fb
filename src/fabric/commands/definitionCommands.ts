// "Open Mirroring Definition": from a mirrored database's context menu, or from the palette through
// workspace → mirrored database quick picks. Registers the definition file system and its command.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import { DefinitionFileSystemProvider } from '../definition/definitionFileSystemProvider';
import { DEFINITION_SCHEME } from '../definition/definitionUri';
import type { FabricContext } from '../fabricContext';
import { itemTarget, nameOf, withRequestProgress } from './commandSupport';

export const OPEN_DEFINITION_COMMAND = 'sqlDataMovement.fabric.openDefinition';
/** Registered by the mirroring commands; the editor offers it before a save that changes the source. */
export const STOP_MIRRORING_COMMAND = 'sqlDataMovement.fabric.stopMirroring';

export interface DefinitionCommandDeps {
  ctx: FabricContext;
  input: UserInput;
  errors: ErrorReporter;
}

export function registerDefinitionEditor(deps: DefinitionCommandDeps): {
  provider: DefinitionFileSystemProvider;
  disposables: vscode.Disposable[];
} {
  const provider = new DefinitionFileSystemProvider({
    ...deps,
    stopMirroring: (target) => Promise.resolve(vscode.commands.executeCommand(STOP_MIRRORING_COMMAND, target)),
  });
  const open = deps.errors.guard('Open the mirroring definition', async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const target = await itemTarget(deps.ctx, deps.input, arg);
    if (!target) return undefined;
    const uri = await withRequestProgress(`Reading the mirroring definition of ${nameOf(target)}…`, arg, (signal) =>
      provider.uriFor(target, signal),
    );
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: false });
    return uri;
  });
  return {
    provider,
    disposables: [
      provider,
      vscode.workspace.registerFileSystemProvider(DEFINITION_SCHEME, provider, { isCaseSensitive: true }),
      vscode.commands.registerCommand(OPEN_DEFINITION_COMMAND, open),
    ],
  };
}
