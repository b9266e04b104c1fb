// How Data Sync states look in the tree. Enums are open: an unknown state shows as it comes.
import * as vscode from 'vscode';

export function syncGroupIcon(state: string | undefined): vscode.ThemeIcon {
  switch ((state ?? '').toLowerCase()) {
    case 'good':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'progressing':
      return new vscode.ThemeIcon('sync~spin');
    case 'notready':
      return new vscode.ThemeIcon('circle-large-outline');
    default:
      return new vscode.ThemeIcon('question');
  }
}

export function syncAgentIcon(state: string | undefined): vscode.ThemeIcon {
  switch ((state ?? '').toLowerCase()) {
    case 'online':
      return new vscode.ThemeIcon('plug', new vscode.ThemeColor('testing.iconPassed'));
    case 'offline':
      return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.errorForeground'));
    default:
      return new vscode.ThemeIcon('plug');
  }
}

export function memberIcon(state: string | undefined): vscode.ThemeIcon {
  const s = (state ?? '').toLowerCase();
  if (s.includes('failed')) return new vscode.ThemeIcon('database', new vscode.ThemeColor('list.errorForeground'));
  if (s.includes('warnings')) return new vscode.ThemeIcon('database', new vscode.ThemeColor('list.warningForeground'));
  if (s.includes('progress') || s.endsWith('ing')) return new vscode.ThemeIcon('sync~spin');
  return new vscode.ThemeIcon('database');
}

export function directionText(direction: string | undefined): string {
  switch (direction) {
    case 'Bidirectional':
      return 'hub ⇄ member';
    case 'OneWayMemberToHub':
      return 'member → hub';
    case 'OneWayHubToMember':
      return 'hub → member';
    default:
      return direction ?? 'direction unknown';
  }
}

export function intervalText(interval: number | undefined): string {
  if (interval === undefined) return 'unknown';
  if (interval === -1) return 'manual';
  if (interval % 3600 === 0) return `every ${interval / 3600} h`;
  if (interval % 60 === 0) return `every ${interval / 60} min`;
  return `every ${interval} s`;
}
