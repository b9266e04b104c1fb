// Commands every service tree's error nodes share (registered once, whatever the view).
import * as vscode from 'vscode';
import { isErrorNode, RETRY_COMMAND } from './errorNode';

export function registerTreeNodeCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RETRY_COMMAND, (node?: unknown) => {
      if (isErrorNode(node)) node.retry();
    }),
  ];
}
