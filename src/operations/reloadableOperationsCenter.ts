// The window's operations center, replaceable the way a window reload replaces it: the old center is
// disposed (its tracker releases its leases) and a new one resumes from the store. Tests reload it
// through the test handle; what listens here follows whichever center is current.
import type * as vscode from 'vscode';
import type { OperationRecord } from './operationRecord';
import type { OperationsCenter } from './operationsCenter';
import { Signal, type Subscription } from './signal';

export class ReloadableOperationsCenter implements vscode.Disposable {
  private center: OperationsCenter;
  private forwarding: Subscription;
  private readonly ended = new Signal<OperationRecord>();
  /** An operation ended, in the current center. */
  readonly onDidEnd = this.ended.event;

  constructor(private readonly create: () => OperationsCenter) {
    this.center = create();
    this.forwarding = this.forward();
  }

  get current(): OperationsCenter {
    return this.center;
  }

  refresh(): void {
    this.center.tree.refresh();
  }

  /** Disposes the current center and builds a new one, as a window reload does. */
  async reload(): Promise<OperationsCenter> {
    const old = this.center;
    this.forwarding.dispose();
    old.dispose();
    await old.tracker.dispose();
    this.center = this.create();
    this.forwarding = this.forward();
    return this.center;
  }

  /** Stops polling: operations keep running in Azure, and their state stays for the next window. */
  async close(): Promise<void> {
    await this.center.tracker.dispose();
  }

  dispose(): void {
    this.forwarding.dispose();
    this.center.dispose();
  }

  private forward(): Subscription {
    return this.center.tracker.onDidEnd((r) => this.ended.fire(r));
  }
}
