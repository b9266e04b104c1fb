// How mirroring statuses look in the tree: an icon per database status and per table status, and the
// order of tables (failed first, so they are seen).
import * as vscode from 'vscode';
import type { TableMirroringStatus } from '../../azure/fabric/fabricModels';
import { isTransientMirroring } from '../workflows/mirroringStates';

export function mirroringIcon(status: string | undefined, hasError: boolean): vscode.ThemeIcon {
  if (isTransientMirroring(status)) return new vscode.ThemeIcon('loading~spin');
  if (hasError) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (status) {
    case 'Running':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'Stopped':
      return new vscode.ThemeIcon('debug-stop');
    case 'Paused':
      return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground'));
    case 'Initialized':
      return new vscode.ThemeIcon('circle-large-outline');
    default:
      return new vscode.ThemeIcon('question');
  }
}

export function tableIcon(status: string | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'Failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'Replicating':
      return new vscode.ThemeIcon('sync', new vscode.ThemeColor('testing.iconPassed'));
    case 'Snapshotting':
    case 'Reseeding':
      return new vscode.ThemeIcon('loading~spin');
    case 'Stopped':
      return new vscode.ThemeIcon('debug-stop');
    default:
      return new vscode.ThemeIcon('table');
  }
}

export const tableName = (t: TableMirroringStatus): string => `${t.sourceSchemaName ?? '?'}.${t.sourceTableName ?? '?'}`;

/** Failed tables first, then by schema and name. */
export function tablesInOrder(tables: TableMirroringStatus[]): TableMirroringStatus[] {
  const failed = (t: TableMirroringStatus) => (t.status === 'Failed' || t.error ? 0 : 1);
  return [...tables].sort((a, b) => failed(a) - failed(b) || tableName(a).localeCompare(tableName(b)));
}

export function latencyText(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  if (seconds < 60) return `${seconds} s latency`;
  return `${Math.round(seconds / 60)} min latency`;
}
