// How Backup states look in the tree: icons for protected databases (protection state and health) and
// registered VMs (registration and health), and the short words descriptions use.
import * as vscode from 'vscode';

const passed = () => new vscode.ThemeColor('testing.iconPassed');
const warning = () => new vscode.ThemeColor('list.warningForeground');
const failed = () => new vscode.ThemeColor('list.errorForeground');

export function protectedItemIcon(protectionState: string | undefined, health: string | undefined, lastBackupOk: boolean | undefined) {
  switch (protectionState) {
    case 'IRPending':
      return new vscode.ThemeIcon('clock', warning());
    case 'ProtectionStopped':
      return new vscode.ThemeIcon('debug-stop');
    case 'ProtectionPaused':
    case 'BackupsSuspended':
      return new vscode.ThemeIcon('debug-pause', warning());
    case 'ProtectionError':
      return new vscode.ThemeIcon('error', failed());
    default:
  }
  if (health === 'Unhealthy' || lastBackupOk === false) return new vscode.ThemeIcon('warning', warning());
  if (health === 'NotReachable') return new vscode.ThemeIcon('debug-disconnect', warning());
  if (protectionState === 'Protected') return new vscode.ThemeIcon('database', passed());
  return new vscode.ThemeIcon('database');
}

export function containerIcon(registrationStatus: string | undefined, health: string | undefined): vscode.ThemeIcon {
  if (registrationStatus && registrationStatus !== 'Registered') return new vscode.ThemeIcon('loading~spin');
  if (health && health !== 'Healthy') return new vscode.ThemeIcon('vm', warning());
  return new vscode.ThemeIcon('vm');
}

/** "Copy-only full" for a copy-only Full point, else the point's type. */
export function pointTypeText(type: string | undefined, ruleName: unknown): string {
  if (type === 'Full' && ruleName === 'CopyOnlyFull') return 'Copy-only full';
  return type ?? 'Recovery point';
}
