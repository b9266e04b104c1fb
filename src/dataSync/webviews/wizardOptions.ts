// The choices the setup wizard's pickers offer, read from Azure: servers of a subscription, user
// databases of a server (never `master`), sync metadata databases (the region's existing ones plus the
// hub server's databases), sync agents of the hub server and the databases linked to an agent.
import { isSystemDatabase } from '../../azure/sql/serverModels';
import type { DataSyncContext } from '../dataSyncContext';
import { serverRefFromId, syncAgentRefFromId } from '../dataSyncRefs';
import type { Choice } from './protocol/dataSyncCommon';
import type { OptionKind } from './protocol/dataSyncWizard';

const lastSegments = (id: string, n: number): string =>
  id
    .split('/')
    .filter((_, i, a) => i >= a.length - n)
    .join('/');

export class WizardOptions {
  /** Server id (lower case) → location, for the sync metadata database lookup. */
  private readonly locations = new Map<string, string>();

  constructor(private readonly ctx: DataSyncContext) {}

  async subscriptions(): Promise<Choice[]> {
    const subs = await this.ctx.clients().subscriptions.list().toArray();
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
    const servers = await this.ctx.clients().servers.listServers(subscriptionId).toArray();
    for (const s of servers) if (s.id && s.location) this.locations.set(s.id.toLowerCase(), s.location);
    return servers.filter((s) => s.id).map((s) => ({ value: s.id!, label: s.name ?? s.id!, description: s.location }));
  }

  private async databases(serverId: string): Promise<Choice[]> {
    const dbs = await this.ctx.clients().servers.listDatabases(serverRefFromId(serverId)).toArray();
    return dbs.filter((d) => d.id && !isSystemDatabase(d)).map((d) => ({ value: d.id!, label: d.name ?? d.id!, description: d.sku?.name }));
  }

  private async syncDatabases(serverId: string): Promise<Choice[]> {
    const ref = serverRefFromId(serverId);
    const location =
      this.locations.get(serverId.toLowerCase()) ?? (await this.servers(ref.subscriptionId), this.locations.get(serverId.toLowerCase()));
    const existing = location ? await this.ctx.clients().groups.listSyncDatabaseIds(ref.subscriptionId, location).toArray() : [];
    const out = new Map<string, Choice>();
    for (const e of existing)
      if (e.id)
        out.set(e.id.toLowerCase(), {
          value: e.id,
          label: lastSegments(e.id, 3).replace('/databases/', '/'),
          description: 'in use by Data Sync',
        });
    for (const d of await this.databases(serverId))
      if (!out.has(d.value.toLowerCase())) out.set(d.value.toLowerCase(), { ...d, label: `${ref.server}/${d.label}` });
    return [...out.values()];
  }

  private async agents(serverId: string): Promise<Choice[]> {
    const agents = await this.ctx.clients().agents.list(serverRefFromId(serverId)).toArray();
    return agents.filter((a) => a.id).map((a) => ({ value: a.id!, label: a.name ?? a.id!, description: a.properties?.state }));
  }

  private async linkedDatabases(agentId: string): Promise<Choice[]> {
    const dbs = await this.ctx.clients().agents.listLinkedDatabases(syncAgentRefFromId(agentId)).toArray();
    return dbs
      .filter((d) => d.properties?.databaseId)
      .map((d) => ({
        value: d.properties!.databaseId!,
        label: `${d.properties?.serverName ?? '?'}/${d.properties?.databaseName ?? '?'}`,
        description: d.properties?.description,
      }));
  }
}
