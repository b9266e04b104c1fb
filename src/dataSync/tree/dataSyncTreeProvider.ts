// The SQL Data Sync tree: subscriptions (as chosen with "Select Subscriptions…") at the top; the
// caching, cancelling, error nodes and reveal come from CachingTreeProvider.
import type { ExpansionMemory } from '../../ui/tree/expansionMemory';
import type { DataSyncContext } from '../dataSyncContext';
import { CachingTreeProvider } from '../../ui/tree/cachingTreeProvider';
import { InfoNode } from '../../ui/tree/infoNode';
import { DATA_SYNC_ERROR_CONTEXT, type DataSyncNode } from './dataSyncNode';
import { SubscriptionNode } from './subscriptionNode';
import type { SubscriptionFilter } from './subscriptionFilter';

export class DataSyncTreeProvider extends CachingTreeProvider {
  constructor(ctx: DataSyncContext, signedIn: () => boolean, filter: SubscriptionFilter, expansion?: ExpansionMemory) {
    super({
      loadRoot: (signal) => loadSubscriptions(ctx, filter, signal),
      ready: signedIn,
      errorContextValue: DATA_SYNC_ERROR_CONTEXT,
      expansion,
    });
  }
}

async function loadSubscriptions(ctx: DataSyncContext, filter: SubscriptionFilter, signal: AbortSignal): Promise<DataSyncNode[]> {
  const all = await ctx.clients().subscriptions.list(signal).toArray();
  const chosen = filter.apply(all);
  if (!all.length) return [new InfoNode(undefined, 'No subscriptions for this account')];
  const nodes: DataSyncNode[] = chosen.map((s) => new SubscriptionNode(ctx, s));
  if (chosen.length < all.length)
    nodes.push(
      new InfoNode(
        undefined,
        `${all.length - chosen.length} more subscription(s) hidden — Select Subscriptions…`,
        { command: 'sqlDataMovement.dataSync.selectSubscriptions', title: 'Select Subscriptions' },
        'filter',
      ),
    );
  return nodes;
}
