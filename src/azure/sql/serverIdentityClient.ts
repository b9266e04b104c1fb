// One SQL logical server with its managed identity (Servers_Get) and turning the system-assigned
// identity on (Servers_Update, a PATCH that may answer 202 + Location: polled as given, then the server).
import type { AzureClient } from '../http/azureClient';
import { ArmPoller } from '../lro/armPoller';
import { deserialize } from '../models/modelSchema';
import { SQL_SERVER, type SqlServer } from './serverModels';
import { serverPath, SQL_API_VERSION, type ServerRef } from './sqlPaths';

export interface ServerIdentity {
  /** None | SystemAssigned | UserAssigned | "SystemAssigned,UserAssigned" (open). */
  type?: string;
  principalId?: string;
  tenantId?: string;
  userAssignedIdentities?: Record<string, unknown>;
}

export function identityOf(server: SqlServer): ServerIdentity | undefined {
  const i = server.identity;
  if (!i) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const uami = i.userAssignedIdentities;
  return {
    type: str(i.type),
    principalId: str(i.principalId),
    tenantId: str(i.tenantId),
    userAssignedIdentities: uami && typeof uami === 'object' ? (uami as Record<string, unknown>) : undefined,
  };
}

/** The identity body that turns the system-assigned identity on and keeps any user-assigned ones. */
export function systemAssignedIdentityBody(current: ServerIdentity | undefined): { identity: Record<string, unknown> } {
  const uami = current?.userAssignedIdentities;
  if (uami && Object.keys(uami).length)
    return {
      identity: {
        type: 'SystemAssigned,UserAssigned',
        userAssignedIdentities: Object.fromEntries(Object.keys(uami).map((k) => [k, {}])),
      },
    };
  return { identity: { type: 'SystemAssigned' } };
}

export class ServerIdentityClient {
  constructor(private readonly client: AzureClient) {}

  async get(ref: ServerRef, signal?: AbortSignal): Promise<SqlServer> {
    return deserialize<SqlServer>(
      SQL_SERVER,
      await this.client.json({
        operationName: `Get SQL server ${ref.server}`,
        method: 'GET',
        url: serverPath(ref),
        query: { 'api-version': SQL_API_VERSION },
        signal,
      }),
    );
  }

  /** PATCH with only `identity` (the minimal body: other properties are not resent). */
  async beginEnableSystemIdentity(
    ref: ServerRef,
    current: ServerIdentity | undefined,
    signal?: AbortSignal,
  ): Promise<ArmPoller<SqlServer>> {
    return ArmPoller.begin<SqlServer>(this.client, {
      operationName: `Enable the managed identity of SQL server ${ref.server}`,
      method: 'PATCH',
      url: serverPath(ref),
      query: { 'api-version': SQL_API_VERSION },
      body: systemAssignedIdentityBody(current),
      signal,
    });
  }
}
