// The Fabric workflows against a real emulator (demo seed, mirroring states compressed): the shared
// emulator harness plus the Fabric clients, a FabricContext, and the demo seed's items by name.
import { MirroredDatabasesClient } from '../../../src/azure/fabric/mirroredDatabasesClient';
import { FabricWorkspacesClient } from '../../../src/azure/fabric/workspacesClient';
import { SubscriptionsClient } from '../../../src/azure/resources/subscriptionsClient';
import { SqlServersClient } from '../../../src/azure/sql/sqlServersClient';
import type { FabricClients, FabricContext } from '../../../src/fabric/fabricContext';
import type { FabricItemTarget } from '../../../src/fabric/fabricTarget';
import { FAST_FABRIC } from '../emulator/fabric/fabricHelpers';
import { startEmulatorHarness, type EmulatorHarness, type EmulatorHarnessOptions } from '../helpers/emulatorHarness';

export interface FabricHarness extends EmulatorHarness {
  ctx: FabricContext;
  clients: FabricClients;
  /** The demo seed's workspace, item and connection ids, read at start. */
  ids: ReturnType<typeof demoIds>;
  /** The ids passed to ctx.refresh (undefined: everything). */
  refreshed: Array<string | undefined>;
}

export async function startFabricHarness(options: Partial<EmulatorHarnessOptions> = {}): Promise<FabricHarness> {
  const base = await startEmulatorHarness({
    owner: 'fabric-workflow-tests',
    ...options,
    fabric: { ...FAST_FABRIC, ...options.fabric },
  });
  const fabric = base.conn.fabric!;
  const clients: FabricClients = {
    cloud: base.cloud,
    fabric,
    arm: base.conn.arm,
    workspaces: new FabricWorkspacesClient(fabric),
    mirroredDatabases: new MirroredDatabasesClient(fabric),
    subscriptions: new SubscriptionsClient(base.conn.arm),
    servers: new SqlServersClient(base.conn.arm),
  };
  const refreshed: Array<string | undefined> = [];
  return {
    ...base,
    clients,
    refreshed,
    ids: demoIds(base),
    ctx: {
      clients: () => clients,
      operations: base.tracker,
      environmentKey: () => 'LocalEmulator',
      refresh: (id) => refreshed.push(id),
    },
  };
}

function demoIds(h: Pick<EmulatorHarness, 'emulator'>) {
  const fabric = h.emulator.control.state().fabric!;
  const ws = (name: string) => Object.values(fabric.workspaces).find((w) => w.displayName === name)!.id;
  const md = (name: string) => Object.values(fabric.mirroredDatabases).find((m) => m.displayName === name)!.id;
  const connection = (path: string) => Object.values(fabric.connections).find((c) => c.path === path)!.id;
  return {
    sales: ws('Sales Analytics'),
    finance: ws('Finance Dev'),
    hr: ws('HR Reporting'),
    running: md('RetailOps mirror'),
    stopped: md('Sales replica (east)'),
    initialized: md('RetailOps sandbox'),
    paused: md('HR core'),
    retailOpsConnection: connection('fabrikam-bi-sea.database.windows.net;RetailOps'),
  };
}

/** The demo seed's mirrored databases as command targets, as they are named now. */
export function demoItems(h: Pick<EmulatorHarness, 'emulator'>) {
  const fabric = h.emulator.control.state().fabric!;
  const ws = (name: string) => Object.values(fabric.workspaces).find((w) => w.displayName === name)!;
  const item = (name: string): FabricItemTarget => {
    const md = Object.values(fabric.mirroredDatabases).find((m) => m.displayName === name)!;
    const w = fabric.workspaces[md.workspaceId.toLowerCase()] ?? Object.values(fabric.workspaces).find((x) => x.id === md.workspaceId)!;
    return { workspaceId: md.workspaceId, itemId: md.id, displayName: md.displayName, workspaceName: w.displayName };
  };
  return {
    sales: ws('Sales Analytics').id,
    finance: ws('Finance Dev').id,
    hr: ws('HR Reporting').id,
    running: item('RetailOps mirror'),
    stopped: item('Sales replica (east)'),
    initialized: item('RetailOps sandbox'),
    paused: item('HR core'),
  };
}

/** The emulator's current status of a mirrored database. */
export function statusIn(h: Pick<EmulatorHarness, 'emulator'>, itemId: string): string {
  const fabric = h.emulator.control.state().fabric!;
  return Object.values(fabric.mirroredDatabases).find((m) => m.id === itemId)!.status;
}
