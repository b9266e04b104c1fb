// A protected SQL database: protection state and health as its icon, the last backup (time and outcome)
// in its description, details in its tooltip, and its recovery points (newest first, a page at a time)
// as children. A database waiting for its first Full (IRPending) is followed while the view is visible.
import * as vscode from 'vscode';
import type { ProtectedItem } from '../../azure/backup/backupModels';
import type { ProtectedItemRef } from '../../azure/backup/backupPaths';
import { absoluteTime, timeWithAge } from '../../dataSync/tree/syncTimes';
import { InfoNode } from '../../ui/tree/infoNode';
import { linesTooltip, nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { protectedItemRefOf } from '../backupTarget';
import { getProtectedDatabase, listRecoveryPoints } from '../workflows/browseWorkflows';
import { lastBackupSummary } from '../workflows/lastBackup';
import { protectedItemIcon } from './backupPresentation';
import { MorePointsNode, PointInTimeNode, RecoveryPointNode } from './recoveryPointNodes';

/** Recovery points shown at first, and added by each "more". */
export const POINTS_PAGE = 20;
const TRANSIENT_STATES = new Set(['irpending']);

export class ProtectedItemNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  readonly ref: ProtectedItemRef;
  /** How many recovery points to show ("more" raises it; any other refresh starts again at one page). */
  pointLimit = POINTS_PAGE;
  private keepLimit = false;
  constructor(
    private readonly ctx: BackupContext,
    readonly parent: TreeNode,
    private item: ProtectedItem,
  ) {
    this.resourceId = item.id as string;
    this.id = treeIdFor('backupProtectedItem', this.resourceId);
    const ref = protectedItemRefOf(this.resourceId);
    if (!ref) throw new Error(`Not a protected item id: ${this.resourceId}`);
    this.ref = ref;
  }

  get name(): string {
    return this.item.properties?.friendlyName ?? this.ref.item.split(';').pop() ?? this.ref.item;
  }
  get protectionState(): string {
    return this.item.properties?.protectionState ?? 'Unknown';
  }
  get properties(): ProtectedItem['properties'] {
    return this.item.properties;
  }

  /** The next page of recovery points on the next load. */
  showMorePoints(): void {
    this.pointLimit += POINTS_PAGE;
    this.keepLimit = true;
  }

  async reload(signal: AbortSignal): Promise<void> {
    if (!this.keepLimit) this.pointLimit = POINTS_PAGE;
    this.keepLimit = false;
    this.item = await getProtectedDatabase(this.ctx, this.ref, signal);
  }

  isTransient(): boolean {
    return TRANSIENT_STATES.has(this.protectionState.toLowerCase());
  }

  treeItem(): vscode.TreeItem {
    const p = this.item.properties;
    const last = lastBackupSummary(p);
    const item = nodeItem(this, this.name, vscode.TreeItemCollapsibleState.Collapsed, `backupProtectedItem:${this.protectionState}`);
    item.iconPath = protectedItemIcon(p?.protectionState, p?.protectedItemHealthStatus, last.ok);
    const when = absoluteTime(last.time);
    item.description = [this.protectionState, when ? `last backup ${when} · ${last.status}` : last.status].join(' · ');
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const p = this.item.properties;
    const last = lastBackupSummary(p);
    const extended = p?.extendedInfo as { recoveryModel?: unknown; recoveryPointCount?: unknown } | undefined;
    return linesTooltip([
      `Protected database ${this.name}`,
      p?.parentName && `Instance: ${p.parentName}`,
      p?.serverName && `VM: ${p.serverName}`,
      `Protection: ${this.protectionState}`,
      p?.protectedItemHealthStatus && `Health: ${p.protectedItemHealthStatus}`,
      p?.policyName && `Policy: ${p.policyName}`,
      typeof extended?.recoveryModel === 'string' && `Recovery model: ${extended.recoveryModel}`,
      `Last backup: ${last.time ? `${timeWithAge(last.time)} · ${last.status}` : last.status}`,
      last.error && `Last error: ${last.error}`,
      last.lastRecoveryPoint && `Latest restore point: ${timeWithAge(last.lastRecoveryPoint)}`,
      typeof extended?.recoveryPointCount === 'number' && `Recovery points: ${extended.recoveryPointCount}`,
      `Item: ${this.ref.item}`,
    ]);
  }

  async loadChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const page = await listRecoveryPoints(this.ctx, this.ref, this.pointLimit, signal);
    const nodes: TreeNode[] = [];
    if (page.pointInTime?.id && page.pointInTime.properties?.timeRanges?.length) nodes.push(new PointInTimeNode(this, page.pointInTime));
    nodes.push(...page.points.filter((p) => p.id).map((p) => new RecoveryPointNode(this, p)));
    if (!nodes.length) return [new InfoNode(this, 'No recovery points yet')];
    if (page.more) nodes.push(new MorePointsNode(this));
    return nodes;
  }
}
