// Tells a Data Sync panel that its sync group no longer exists: when a tracked delete of the group, or
// of its hub database or server, succeeds (from a command, another panel or another window), or when a
// call of the panel answers 404 and reading the group confirms it is gone (deleted in the portal).
import { readGroupSettings } from '../workflows/syncGroupWorkflows';
import type * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { OperationRecord } from '../../operations/operationRecord';
import type { Subscription } from '../../operations/signal';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId } from '../dataSyncRefs';

export type OnDidEndOperation = (listener: (record: OperationRecord) => void) => Subscription;

const isDelete = (r: OperationRecord): boolean => r.initialRequest?.method.toUpperCase() === 'DELETE' || /^Delete /.test(r.title);

/** What a finished operation says about the group: deleted with it (and how), or nothing. */
export function deletionOfGroup(record: OperationRecord, groupId: string): string | undefined {
  const target = record.target.resourceId?.toLowerCase().replace(/\/+$/, '');
  if (record.status !== 'succeeded' || !target || !isDelete(record)) return undefined;
  const group = groupId.toLowerCase();
  const name = syncGroupRefFromId(groupId).syncGroup;
  if (group === target) return `Sync group ${name} was deleted (${record.title}).`;
  if (group.startsWith(`${target}/`))
    return `Sync group ${name} no longer exists: its ${record.target.label} was deleted (${record.title}).`;
  return undefined;
}

export class GroupGoneWatch implements vscode.Disposable {
  private readonly subscription: Subscription;
  private checking = false;

  constructor(
    private readonly ctx: DataSyncContext,
    onDidEndOperation: OnDidEndOperation,
    private readonly groupId: () => string | undefined,
    private readonly gone: (text: string) => void,
  ) {
    this.subscription = onDidEndOperation((record) => {
      const id = this.groupId();
      const text = id && deletionOfGroup(record, id);
      if (text) this.gone(text);
    });
  }

  /** A call answered 404: the group is gone if reading it answers 404 too. */
  async confirmNotFound(): Promise<void> {
    const id = this.groupId();
    if (!id || this.checking) return;
    this.checking = true;
    try {
      await readGroupSettings(this.ctx, id);
    } catch (e) {
      if (isAzureRequestError(e) && e.status === 404)
        this.gone(`Sync group ${syncGroupRefFromId(id).syncGroup} no longer exists in Azure (it, its database or its server was deleted).`);
    } finally {
      this.checking = false;
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
