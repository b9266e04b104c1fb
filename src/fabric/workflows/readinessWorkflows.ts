// Mirroring readiness for an Azure SQL Database source: reads what the checks need (the source database
// through ARM, the server and its identity, the workspace's role assignments, the tables), runs the
// checks (readinessChecks.ts), and applies the fixes an API can make.
import { decodePart } from '../../azure/fabric/fabricModels';
import { FabricConnectionsClient } from '../../azure/fabric/fabricConnectionsClient';
import { WorkspaceRoleAssignmentsClient, type WorkspaceRoleAssignment } from '../../azure/fabric/workspaceRoleAssignmentsClient';
import { parseResourceId } from '../../azure/resourceId';
import { identityOf, ServerIdentityClient } from '../../azure/sql/serverIdentityClient';
import type { SqlServer } from '../../azure/sql/serverModels';
import { serverPath, type ServerRef } from '../../azure/sql/sqlPaths';
import type { TrackedOperation } from '../../operations/operationTracker';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import { tierVerdict } from '../mirrorability';
import { connectionChoice, findSourceDatabase, listSourceTables } from './createWorkflows';
import {
  identityCheck,
  manualChecks,
  roleCheck,
  tablesCheck,
  type ReadinessCheck,
  type ReadinessFix,
  type ReadinessInput,
  type ReadinessResult,
} from './readinessChecks';

export type { CheckStatus, ReadinessCheck, ReadinessFix, ReadinessInput, ReadinessResult } from './readinessChecks';
/** Runs every check for a source database and workspace. Each check's failure is its own result, not an exception. */
export async function checkReadiness(ctx: FabricContext, input: ReadinessInput, signal?: AbortSignal): Promise<ReadinessResult> {
  const checks: ReadinessCheck[] = [];
  const source = await findSourceDatabase(ctx, input.server, input.database, signal);
  if (!source) {
    checks.push({
      id: 'source',
      title: `Source database ${input.server}/${input.database}`,
      status: 'fail',
      reason: 'The database was not found in the subscriptions you can see, so nothing else could be checked through ARM.',
    });
  } else {
    const serverRef: ServerRef = {
      subscriptionId: source.ref.subscriptionId,
      resourceGroup: source.ref.resourceGroup,
      server: source.ref.server,
    };
    const server = await new ServerIdentityClient(ctx.clients().arm).get(serverRef, signal);
    const identity = identityOf(server);
    const assignments = await new WorkspaceRoleAssignmentsClient(ctx.clients().fabric).list(input.workspaceId, signal).toArray();
    checks.push(identityCheck(server, identity, serverPath(serverRef), serverRef.server));
    checks.push(roleCheck(input.workspaceId, identity, assignments, serverRef.server));
    const tier = tierVerdict(source.database.sku);
    checks.push({
      id: 'tier',
      title: `Service tier of ${source.ref.database}`,
      status: tier.supported === true ? 'pass' : tier.supported === false ? 'fail' : 'manual',
      reason: tier.reason,
      ...(tier.supported === false
        ? { instructions: 'Scale the database to Standard S3 (100 DTU) or higher, Premium, or a vCore tier.' }
        : {}),
    });
    checks.push(tablesCheck(await listSourceTables(ctx, source.ref, signal), input.tables));
  }
  checks.push(...manualChecks());
  return { source: input, checks, ready: checks.every((c) => c.status !== 'fail') };
}

/** The readiness input of an existing mirrored database: its definition's source and tables. */
export async function readinessInputOf(ctx: FabricContext, item: FabricItemTarget, signal?: AbortSignal): Promise<ReadinessInput> {
  const { mirroredDatabases, fabric } = ctx.clients();
  const ref = { workspaceId: item.workspaceId, mirroredDatabaseId: item.itemId };
  const { definition } = await (
    await mirroredDatabases.beginGetDefinition(ref, { signal })
  ).pollUntilDone({ signal, minDelayMs: 200, maxDelayMs: 2000 });
  const part = definition.parts.find((p) => p.path === 'mirroring.json');
  if (!part) throw new Error('The mirrored database has no mirroring.json definition part.');
  const doc = JSON.parse(decodePart(part)) as MirroringDoc;
  const props = doc.properties ?? {};
  const type = props.source?.type ?? '';
  if (!/^AzureSql(Database)?$/i.test(type))
    throw new Error(`Readiness checks cover Azure SQL Database sources; this one is ${type || 'unknown'}.`);
  const connectionId = props.source?.typeProperties?.connection ?? '';
  const connection = (await new FabricConnectionsClient(fabric).list(signal).toArray()).find(
    (c) => c.id?.toLowerCase() === connectionId.toLowerCase(),
  );
  const parsed = connection ? connectionChoice(connection) : undefined;
  if (!parsed?.server) throw new Error(`The source connection ${connectionId} was not found, or is not a SQL connection.`);
  return {
    workspaceId: item.workspaceId,
    server: parsed.server,
    database: props.source?.typeProperties?.database ?? parsed.database ?? '',
    tables: props.mountedTables?.map((m) => ({
      schema: m.source?.typeProperties?.schemaName ?? '',
      table: m.source?.typeProperties?.tableName ?? '',
    })),
  };
}

interface MirroringDoc {
  properties?: {
    source?: { type?: string; typeProperties?: { connection?: string; database?: string } };
    mountedTables?: Array<{ source?: { typeProperties?: { schemaName?: string; tableName?: string } } }>;
  };
}

export type FixOutcome =
  | { kind: 'enableServerIdentity'; operation: TrackedOperation<SqlServer> }
  | { kind: 'grantWorkspaceRole'; assignment: WorkspaceRoleAssignment };

/** Applies one fix: the identity through a tracked PATCH of the server, the role through the Fabric API. */
export async function applyReadinessFix(ctx: FabricContext, fix: ReadinessFix, signal?: AbortSignal): Promise<FixOutcome> {
  if (fix.kind === 'enableServerIdentity') {
    const id = parseResourceId(fix.serverId);
    const ref: ServerRef = { subscriptionId: id.subscriptionId ?? '', resourceGroup: id.resourceGroup ?? '', server: fix.serverName };
    const client = new ServerIdentityClient(ctx.clients().arm);
    const current = identityOf(await client.get(ref, signal));
    const operation = await ctx.operations.start(await client.beginEnableSystemIdentity(ref, current, signal), {
      title: `Enable the managed identity of ${fix.serverName}`,
      target: { label: `SQL server ${fix.serverName}`, resourceId: serverPath(ref) },
      environment: ctx.environmentKey(),
    });
    return { kind: 'enableServerIdentity', operation };
  }
  const assignment = await new WorkspaceRoleAssignmentsClient(ctx.clients().fabric).add(
    fix.workspaceId,
    {
      principal: { id: fix.principalId, type: 'ServicePrincipal' },
      role: 'Contributor',
    },
    signal,
  );
  return { kind: 'grantWorkspaceRole', assignment };
}
