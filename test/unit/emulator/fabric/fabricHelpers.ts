// Fabric test harness on top of the emulator harness: calls under /fabric/v1 with a Fabric token, the
// demo seed's workspaces / mirrored databases / connections by name, and definition builders.
import type { EmulatorOptions } from '../../../../src/emulator/index';
import { startTestEmulator, type CallResult, type TestEmulator } from '../helpers';
import { checkFabricResponse } from './fabricSpecSchemas';

/** A typed view of an answer: tests read the fields they expect and assert on them. */
export interface Answer<T> {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: T;
}
// The tests then assert on the fields they read, so a wrong shape fails there.
export const typed = <T>(r: CallResult): Answer<T> => r as Answer<T>;

export interface Part {
  path: string;
  payload: string;
  payloadType: string;
}

/** Every field a Fabric answer of the tests may carry (lists, items, statuses, errors, operations). */
export interface FabricBody {
  value: FabricBody[];
  data: FabricBody[];
  continuationToken?: string;
  continuationUri?: string;
  errorCode: string;
  message: string;
  requestId: string;
  moreDetails?: { errorCode: string; message: string }[];
  id: string;
  type: string;
  displayName: string;
  description: string;
  workspaceId: string;
  capacityId?: string;
  status: string;
  role: string;
  principal: { id: string; type: string };
  properties: {
    oneLakeTablesPath: string;
    defaultSchema?: string;
    sqlEndpointProperties: { connectionString: string; id: string; provisioningStatus: string };
  };
  connectionDetails: { type: string; path: string };
  connectivityType: string;
  sourceSchemaName: string;
  sourceTableName: string;
  metrics?: { processedRows: number; processedBytes: number; lastSyncDateTime: string; lastSyncLatencyInSeconds?: number };
  error?: { errorCode: string; message: string };
  definition: { parts: Part[] };
}

export interface FabricTestEmulator extends TestEmulator {
  fabricToken: string;
  /** METHOD /fabric/v1<path> with a Fabric token. */
  f(method: string, path: string, body?: unknown): Promise<Answer<FabricBody>>;
}

export const FAST_FABRIC: EmulatorOptions['fabric'] = {
  initializeMs: 100,
  startMs: 100,
  stopMs: 100,
  snapshotMs: 200,
  operationMs: 100,
};

export async function startFabricEmulator(options: EmulatorOptions = {}, dataDir?: string): Promise<FabricTestEmulator> {
  const t = await startTestEmulator({ ...options, fabric: { ...FAST_FABRIC, ...options.fabric } }, dataDir);
  const fabricToken = await t.token('https://api.fabric.microsoft.com/.default');
  return Object.assign(t, {
    fabricToken,
    // Contract check on every Fabric answer a test sees, as the harness does for ARM.
    f: async (method: string, path: string, body?: unknown) => {
      const url = path.startsWith('https://') ? path : `${t.emu.endpoints.fabric}${path}`;
      const r = await t.call(method, url, { body, token: fabricToken });
      const problem = checkFabricResponse(method, new URL(url).pathname, r.status, r.body);
      if (problem) throw new Error(`Contract violation: ${problem}`);
      return typed<FabricBody>(r);
    },
  });
}

export function fabricIds(t: TestEmulator) {
  const fabric = t.emu.control.state().fabric!;
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
    salesHubConnection: connection('contoso-sales-weu.database.windows.net;SalesHub'),
    eastConnection: connection('contoso-sales-eus.database.windows.net;SalesReplicaEast'),
    capacityOf: (workspaceId: string) => fabric.workspaces[workspaceId].capacityId!,
  };
}

export const b64 = (doc: unknown): string => Buffer.from(JSON.stringify(doc), 'utf8').toString('base64');

export function mirroringDoc(
  connection: string,
  o: { tables?: string[]; defaultSchema?: string; retentionInDays?: unknown; database?: string } = {},
) {
  return {
    properties: {
      source: { type: 'AzureSqlDatabase', typeProperties: { connection, ...(o.database ? { database: o.database } : {}) } },
      target: {
        type: 'MountedRelationalDatabase',
        typeProperties: {
          ...(o.defaultSchema ? { defaultSchema: o.defaultSchema } : {}),
          format: 'Delta',
          ...(o.retentionInDays !== undefined ? { retentionInDays: o.retentionInDays } : {}),
        },
      },
      ...(o.tables
        ? {
            mountedTables: o.tables.map((n) => {
              const [schemaName, tableName] = n.split('.');
              return { source: { typeProperties: { schemaName, tableName } } };
            }),
          }
        : {}),
    },
  };
}

export const definitionOf = (doc: unknown) => ({ parts: [{ path: 'mirroring.json', payload: b64(doc), payloadType: 'InlineBase64' }] });

export const decodeMirroring = (definition: { parts: Pick<Part, 'path' | 'payload'>[] }): ReturnType<typeof mirroringDoc> =>
  JSON.parse(Buffer.from(definition.parts.find((p) => p.path === 'mirroring.json')!.payload, 'base64').toString('utf8')) as ReturnType<
    typeof mirroringDoc
  >;
