// Copying for the user: the text goes to the clipboard and the status bar says what was copied.
import * as vscode from 'vscode';

/** Copies `text` and says "<what> copied" in the status bar for a few seconds; returns the text for the command to hand back. */
export async function copyWithNotice(text: string, what: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(copy) ${what} copied`, 3000);
  return text;
}
