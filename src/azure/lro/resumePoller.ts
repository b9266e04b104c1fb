// Recreates a poller from its toJSON() state, e.g. after a VS Code window reload. The operations
// center stores the state in globalState and calls this with clients for the same account/cloud.
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from './armPoller';
import { BackupPoller } from './backupPoller';
import { FabricPoller } from './fabricPoller';
import { MirroringStatusPoller } from './mirroringStatusPoller';
import type { LroPoller, LroState } from './lroTypes';

export interface ResumeDeps {
  /** Client for ARM (arm and backup pollers). */
  arm?: AzureClient;
  /** Client for Fabric (fabric pollers). */
  fabric?: AzureClient;
}

export function resumePoller<T = unknown>(state: LroState, deps: ResumeDeps): LroPoller<T> {
  if (!state || state.version !== 1) throw new Error('Cannot resume this operation: its saved state is from an unknown version.');
  const copy = JSON.parse(JSON.stringify(state)) as LroState;
  switch (copy.kind) {
    case 'arm':
      return new ArmPoller<T>(need(deps.arm, 'ARM'), copy);
    case 'backup':
      return new BackupPoller<T>(need(deps.arm, 'ARM'), copy);
    case 'fabric':
      return new FabricPoller<T>(need(deps.fabric, 'Fabric'), copy);
    case 'fabricMirroring':
      return new MirroringStatusPoller(need(deps.fabric, 'Fabric'), copy) as unknown as LroPoller<T>;
    default:
      throw new Error(`Cannot resume this operation: unknown kind "${String((copy as { kind?: unknown }).kind)}".`);
  }
}

function need(client: AzureClient | undefined, what: string): AzureClient {
  if (!client) throw new Error(`Cannot resume this operation: no ${what} client (sign in again).`);
  return client;
}
