// A vault's Jobs entry: opens the vault's backup jobs.
import * as vscode from 'vscode';
import { nodeItem } from '../../ui/tree/treeItems';
import { treeIdFor, type TreeNode } from '../../ui/tree/treeNode';

export const SHOW_JOBS_COMMAND = 'sqlDataMovement.backup.showJobs';

export class JobsNode implements TreeNode {
  readonly id: string;
  readonly resourceId: string;
  constructor(readonly parent: TreeNode & { resourceId: string }) {
    this.resourceId = `${parent.resourceId}/backupJobs`;
    this.id = treeIdFor('backupJobs', this.resourceId);
  }

  treeItem(): vscode.TreeItem {
    const item = nodeItem(this, 'Jobs', vscode.TreeItemCollapsibleState.None, 'backupJobs');
    item.iconPath = new vscode.ThemeIcon('checklist');
    item.command = { command: SHOW_JOBS_COMMAND, title: 'Show backup jobs', arguments: [{ resourceId: this.parent.resourceId }] };
    return item;
  }
}
