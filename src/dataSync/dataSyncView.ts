// The SQL Data Sync view: its tree, the retirement notice above it, and the refreshes it follows — a
// change of environment reloads it, an operation that ends re-renders its resource.
import * as vscode from 'vscode';
import type { EnvironmentController } from '../environment/environmentController';
import type { Subscription } from '../operations/signal';
import type { OperationRecord } from '../operations/operationRecord';
import type { DataSyncContext } from './dataSyncContext';
import type { DataSyncNode } from './tree/dataSyncNode';
import { ExpansionMemory } from '../ui/tree/expansionMemory';
import { DataSyncTreeProvider } from './tree/dataSyncTreeProvider';
import { SubscriptionFilter } from './tree/subscriptionFilter';

export const DATA_SYNC_VIEW_ID = 'sqlDataMovement.dataSync';
const RETIREMENT_NOTICE = 'SQL Data Sync retires on 30 September 2027.';

export interface DataSyncView extends vscode.Disposable {
  provider: DataSyncTreeProvider;
  view: vscode.TreeView<DataSyncNode>;
  filter: SubscriptionFilter;
  refresh(): void;
}

export interface DataSyncViewDeps {
  ctx: DataSyncContext;
  environment: EnvironmentController;
  /** Where the subscription filter is remembered (globalState). */
  state: vscode.Memento;
  onDidEndOperation: (listener: (record: OperationRecord) => void) => Subscription;
}

export function createDataSyncView({ ctx, environment, state, onDidEndOperation }: DataSyncViewDeps): DataSyncView {
  const filter = new SubscriptionFilter(state, () => `${environment.kind}:${environment.snapshot().account ?? ''}`);
  const expansion = new ExpansionMemory(state, 'sqlDataMovement.dataSync.expandedNodes');
  const provider = new DataSyncTreeProvider(ctx, () => environment.snapshot().signedIn, filter, expansion);
  // The provider's own view follows transient nodes only while it is visible.
  const view = provider.createTreeView(DATA_SYNC_VIEW_ID, { showCollapseAll: true });
  // A view message hides the welcome content, so it shows only with the tree (signed in); the
  // signed-out welcome text states the retirement date itself.
  const showNotice = () => {
    view.message = environment.snapshot().signedIn ? RETIREMENT_NOTICE : undefined;
  };
  showNotice();
  const subscriptions = [
    environment.onDidChange(() => {
      provider.refresh();
      showNotice();
    }),
    onDidEndOperation((r) => provider.refreshResource(r.target.resourceId)),
  ];
  return {
    provider,
    view,
    filter,
    refresh: () => provider.refresh(),
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      view.dispose();
      provider.dispose();
    },
  };
}
