// Commands every service tree's error nodes share (registered once, whatever the view): Retry, and
// Copy Details (code, message, request ids: what support asks for). Show Request Log is the
// extension's own command.
import * as vscode from 'vscode';
import { copyWithNotice } from '../clipboard';
import { COPY_ERROR_DETAILS_COMMAND, isErrorNode, RETRY_COMMAND } from './errorNode';

export function registerTreeNodeCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RETRY_COMMAND, (node?: unknown) => {
      if (isErrorNode(node)) node.retry();
    }),
    vscode.commands.registerCommand(COPY_ERROR_DETAILS_COMMAND, async (node?: unknown) => {
      if (!isErrorNode(node)) return undefined;
      return await copyWithNotice(node.details, 'Error details');
    }),
  ];
}
