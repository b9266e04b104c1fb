// Which subscriptions the Data Sync tree shows ("Select Subscriptions…"), remembered per environment
// and account in globalState. Unset means all.
import type * as vscode from 'vscode';
import type { Subscription } from '../../azure/resources/subscriptionsClient';

export class SubscriptionFilter {
  constructor(
    private readonly state: vscode.Memento,
    private readonly accountKey: () => string,
  ) {}

  private get key(): string {
    return `sqlDataMovement.dataSync.subscriptions:${this.accountKey()}`;
  }

  selected(): string[] | undefined {
    return this.state.get<string[]>(this.key);
  }

  apply(all: Subscription[]): Subscription[] {
    const chosen = this.selected();
    return chosen ? all.filter((s) => chosen.includes(s.subscriptionId ?? '')) : all;
  }

  async set(ids: string[] | undefined): Promise<void> {
    await this.state.update(this.key, ids);
  }
}
