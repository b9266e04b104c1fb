// Information notifications that report what a command or panel did ("Sync of sales-sync started"),
// remembered in test mode so integration tests can read what the user was told.
import * as vscode from 'vscode';
import { recordForTests } from './testHooks';
import { plainNotificationText } from './notificationText';

export class Notices {
  /** Every text shown, in order (test and development mode only). */
  readonly shown: string[] = [];

  info(message: string): void {
    const text = plainNotificationText(message); // names from the service are part of most notices
    recordForTests(this.shown, text);
    void vscode.window.showInformationMessage(text);
  }
}

/** The one instance commands and panels report through (the test handle exposes it). */
export const notices = new Notices();
