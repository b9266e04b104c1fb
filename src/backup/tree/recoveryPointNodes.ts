// Recovery points of a protected database: Full / Differential points (time, type, expiry), the log
// chains' point-in-time ranges, and a "more" node that shows the next page.
import * as vscode from 'vscode';
import type { RecoveryPoint } from '../../azure/backup/backupModels';
import { absoluteTime, timeWithAge } from '../../dataSync/tree/syncTimes';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';
import { pointTypeText } from './backupPresentation';

export const LOAD_MORE_POINTS_COMMAND = 'sqlDataMovement.backup.loadMoreRecoveryPoints';

const expiryOf = (p: RecoveryPoint): string | undefined => {
  const v = (p.properties?.recoveryPointProperties as { expiryTime?: unknown } | undefined)?.expiryTime;
  return typeof v === 'string' ? v : undefined;
};

/** A recovery point of the database (a Full/Differential point or the log ranges' pseudo-point). */
abstract class PointNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(
    readonly parent: TreeNode & { name: string },
    readonly point: RecoveryPoint,
  ) {
    this.resourceId = point.id as string;
    this.id = treeIdFor('backupRecoveryPoint', this.resourceId);
  }

  abstract treeItem(): vscode.TreeItem;
}

export class RecoveryPointNode extends PointNode {
  get type(): string {
    const rule = (this.point.properties?.recoveryPointProperties as { ruleName?: unknown } | undefined)?.ruleName;
    return pointTypeText(this.point.properties?.type, rule);
  }

  treeItem(): vscode.TreeItem {
    const time = this.point.properties?.recoveryPointTimeInUTC;
    const item = nodeItem(
      this,
      absoluteTime(time) ?? this.point.name ?? 'Recovery point',
      vscode.TreeItemCollapsibleState.None,
      'backupRecoveryPoint',
    );
    item.iconPath = new vscode.ThemeIcon(this.type === 'Differential' ? 'diff' : 'history');
    const expiry = absoluteTime(expiryOf(this.point));
    item.description = [this.type, expiry && `kept until ${expiry}`].filter(Boolean).join(' · ');
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return linesTooltip([
      `${this.type} recovery point of ${this.parent.name}`,
      `Time: ${timeWithAge(this.point.properties?.recoveryPointTimeInUTC) ?? 'unknown'}`,
      expiryOf(this.point) && `Kept until: ${new Date(expiryOf(this.point) as string).toLocaleString()}`,
      `Id: ${this.point.name}`,
    ]);
  }
}

/** DefaultRangeRecoveryPoint: the log chains a point-in-time restore can reach. */
export class PointInTimeNode extends PointNode {
  private get ranges() {
    return this.point.properties?.timeRanges ?? [];
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, 'Point in time (log backups)', vscode.TreeItemCollapsibleState.None, 'backupRecoveryPoint');
    item.iconPath = new vscode.ThemeIcon('watch');
    const latest = this.ranges.at(-1)?.endTime;
    item.description = [`${this.ranges.length} range${this.ranges.length === 1 ? '' : 's'}`, latest && `up to ${absoluteTime(latest)}`]
      .filter(Boolean)
      .join(' · ');
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return linesTooltip([
      `Log backups of ${this.parent.name}: restore to any moment inside a range`,
      ...this.ranges.map((r) => `${new Date(r.startTime ?? '').toLocaleString()} – ${new Date(r.endTime ?? '').toLocaleString()}`),
    ]);
  }
}

export class MorePointsNode implements TreeNode {
  readonly id: string;
  constructor(readonly parent: TreeNode & { resourceId: string; showMorePoints(): void }) {
    this.id = `backupMorePoints:${parent.resourceId.toLowerCase()}`;
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, 'More recovery points…', vscode.TreeItemCollapsibleState.None, 'backupMore');
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: LOAD_MORE_POINTS_COMMAND, title: 'Show more recovery points', arguments: [this] };
    return item;
  }
}

export function isMorePointsNode(v: unknown): v is MorePointsNode {
  return v instanceof MorePointsNode;
}
