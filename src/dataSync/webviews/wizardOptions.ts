// The choices the setup wizard's pickers offer: servers of a subscription, user databases of a server
// (never `master`), sync metadata databases (the region's existing ones plus the hub server's
// databases), sync agents of the hub server and the databases linked to an agent.
import type { DataSyncContext } from '../dataSyncContext';
import {
  listAgents,
  listLinkedDatabases,
  listServers,
  listSubscriptions,
  listSyncMetadataDatabases,
  listUserDatabases,
} from '../workflows/resourceLists';
import type { Choice } from './protocol/dataSyncCommon';
import type { OptionKind } from './protocol/dataSyncWizard';

export class WizardOptions {
  /** Server id (lower case) → location, so the sync metadata lookup needs no extra read. */
  private readonly locations = new Map<string, string>();

  constructor(private readonly ctx: DataSyncContext) {}

  async subscriptions(): Promise<Choice[]> {
    const subs = await listSubscriptions(this.ctx);
    return subs
      .filter((s) => s.subscriptionId)
      .map((s) => ({ value: s.subscriptionId!, label: s.displayName ?? s.subscriptionId!, description: s.state }));
  }

  async load(kind: OptionKind, parent: string): Promise<Choice[]> {
    switch (kind) {
      case 'servers':
      case 'memberServers':
        return this.servers(parent);
      case 'databases':
      case 'memberDatabases':
        return this.databases(parent);
      case 'syncDatabases':
        return this.syncDatabases(parent);
      case 'agents':
        return this.agents(parent);
      case 'linkedDatabases':
        return this.linkedDatabases(parent);
    }
  }

  private async servers(subscriptionId: string): Promise<Choice[]> {
    const servers = await listServers(this.ctx, subscriptionId);
    for (const s of servers) if (s.id && s.location) this.locations.set(s.id.toLowerCase(), s.location);
    return servers.filter((s) => s.id).map((s) => ({ value: s.id!, label: s.name ?? s.id!, description: s.location }));
  }

  private async databases(serverId: string): Promise<Choice[]> {
    const dbs = await listUserDatabases(this.ctx, serverId);
    return dbs.map((d) => ({ value: d.id!, label: d.name ?? d.id!, description: d.sku?.name }));
  }

  private async syncDatabases(serverId: string): Promise<Choice[]> {
    const dbs = await listSyncMetadataDatabases(this.ctx, serverId, this.locations.get(serverId.toLowerCase()));
    return dbs.map((d) => ({ value: d.id, label: d.label, description: d.inUse ? 'in use by Data Sync' : d.sku }));
  }

  private async agents(serverId: string): Promise<Choice[]> {
    const agents = await listAgents(this.ctx, serverId);
    return agents.filter((a) => a.id).map((a) => ({ value: a.id!, label: a.name ?? a.id!, description: a.properties?.state }));
  }

  private async linkedDatabases(agentId: string): Promise<Choice[]> {
    const dbs = await listLinkedDatabases(this.ctx, agentId);
    return dbs
      .filter((d) => d.properties?.databaseId)
      .map((d) => ({
        value: d.properties!.databaseId!,
        label: `${d.properties?.serverName ?? '?'}/${d.properties?.databaseName ?? '?'}`,
        description: d.properties?.description,
      }));
  }
}
