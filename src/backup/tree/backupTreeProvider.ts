// The Backup tree: subscriptions → Recovery Services vaults → registered SQL Server VMs → SQL instances →
// protected databases → recovery points, with each vault's Policies and Jobs. Caching, cancelling, error
// nodes with Retry (per level: one vault or VM failing leaves the others), per-node refresh and following
// of databases waiting for their first backup come from CachingTreeProvider.
import { CachingTreeProvider } from '../../ui/tree/cachingTreeProvider';
import type { ExpansionMemory } from '../../ui/tree/expansionMemory';
import { InfoNode } from '../../ui/tree/infoNode';
import type { TreeNode } from '../../ui/tree/treeNode';
import type { BackupContext } from '../backupContext';
import { listSubscriptions } from '../workflows/browseWorkflows';
import { SubscriptionNode } from './subscriptionNode';

export class BackupTreeProvider extends CachingTreeProvider {
  constructor(ctx: BackupContext, signedIn: () => boolean, expansion?: ExpansionMemory) {
    super({ loadRoot: (signal) => loadSubscriptions(ctx, signal), ready: signedIn, errorContextValue: 'backupError', expansion });
  }
}

async function loadSubscriptions(ctx: BackupContext, signal: AbortSignal): Promise<TreeNode[]> {
  const subscriptions = (await listSubscriptions(ctx, signal)).filter((s) => s.subscriptionId);
  if (!subscriptions.length) return [new InfoNode(undefined, 'No subscriptions for this account')];
  return subscriptions.sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '')).map((s) => new SubscriptionNode(ctx, s));
}
