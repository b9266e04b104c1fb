// A node of the SQL Data Sync tree: the generic tree node (src/ui/tree), under the name commands use.
import type { TreeNode } from '../../ui/tree/treeNode';

export type DataSyncNode = TreeNode;
export { treeIdFor } from '../../ui/tree/treeNode';

/** Context value of the Data Sync tree's error nodes (menus match any `…Error`). */
export const DATA_SYNC_ERROR_CONTEXT = 'dataSyncError';
